import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { isDemoMission, loadDemoIfEmpty } from '../../../src/lib/server/demo/load-demo';
import { generateDemo, generateDemoMission } from '../../../src/lib/server/demo/generate';
import { INCIDENT_SOURCE, LIST_FED, SURVEY_SOURCE } from '../../../src/lib/server/demo/lists';
import { demoMilestoneFiles } from '../../../src/lib/server/demo/milestones';
import { DEMO_SITES } from '../../../src/lib/server/demo/sites';
import { listIndicators } from '../../../src/lib/server/indicators/list';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { freshDb, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

test(
	'the demo mission loads through the importer into a fresh database',
	{ timeout: 30_000 },
	async () => {
		const db = freshDb();
		// the milestone indicators come in files of their own (demo/milestones.ts)
		const files = [...generateDemoMission(), ...demoMilestoneFiles()];
		const rows = Object.fromEntries(
			files.map((f) => [
				f.name,
				Papa.parse(f.content, { header: true, skipEmptyLines: true }).data.length
			])
		);
		const report = (await loadDemoIfEmpty(db, admin))!;
		expect(report.ok).toBe(true);
		const byKind = (kind: string) => report.files.filter((f) => f.kind === kind);
		for (const [kind, names] of [
			['areas', ['areas.csv']],
			['framework', ['framework.csv']],
			['indicators', ['indicators.csv', 'milestone-indicators.csv']],
			['observations', ['observations.csv', 'milestone-observations.csv']]
		] as const) {
			expect(byKind(kind).map((f) => [f.rows, f.inserted, f.errors.length])).toEqual(
				names.map((name) => [rows[name], rows[name], 0])
			);
		}
		expect(byKind('rules').map((f) => [f.rows, f.errors.length])).toEqual([[2, 0]]);
		expect(byKind('sites').map((f) => [f.rows, f.inserted, f.errors.length])).toEqual([
			[DEMO_SITES.length, DEMO_SITES.length, 0]
		]);
		const lists = byKind('list');
		expect(lists.map((f) => f.file)).toEqual(['incident-log.csv', 'perception-survey.csv']);
		const listFigures = lists.reduce((n, f) => n + f.inserted, 0);
		expect(listFigures).toBeGreaterThan(0);
		const counts = tableCounts(db);
		expect(counts.observations).toBe(
			rows['observations.csv']! + rows['milestone-observations.csv']! + listFigures
		);
		expect(counts.results).toBe(rows['framework.csv']);
		expect(counts.indicators).toBe(rows['indicators.csv']! + rows['milestone-indicators.csv']!);
		expect(byKind('actions').map((f) => [f.rows, f.inserted, f.errors.length])).toEqual([
			[12, 12, 0]
		]);
		// the RBB report's planned outputs and resources, every line written
		for (const kind of ['outputs', 'resources'] as const) {
			const [file] = byKind(kind);
			expect(file!.errors, kind).toEqual([]);
			expect(file!.inserted, kind).toBe(file!.rows);
			expect(file!.rows, kind).toBeGreaterThan(0);
		}
		// areas, framework, indicators (2), rules, observations (2), sites, actions, outputs,
		// resources, and one batch per list
		expect(counts.import_batches).toBe(13);
		expect(isDemoMission(db)).toBe(true);

		// a second start finds data and loads nothing
		expect(await loadDemoIfEmpty(db, admin)).toBeNull();
		expect(tableCounts(db)).toEqual(counts);
	}
);

test(
	"the demo's lists give the figures their rows count, counted here directly",
	{ timeout: 30_000 },
	async () => {
		const db = freshDb();
		await loadDemoIfEmpty(db, admin);
		const demo = generateDemo();
		const read = (source: string) =>
			Papa.parse<Record<string, string>>(demo.lists.find((l) => l.source === source)!.content, {
				header: true,
				skipEmptyLines: true
			}).data;
		const codeOf = new Map(
			(
				db.$client.prepare('SELECT code, name FROM areas').all() as { code: string; name: string }[]
			).flatMap((a) => [
				[a.name, a.code],
				[a.code, a.code]
			])
		);
		const stored = (code: string) =>
			new Map(
				(
					db.$client
						.prepare(
							`SELECT o.period, a.code AS area, o.value, o.numerator, o.denominator FROM observations o
						 JOIN indicators i ON i.id = o.indicator_id JOIN areas a ON a.id = o.area_id
						 WHERE i.code = ? AND o.value_type = 'actual'`
						)
						.all(code) as {
						period: string;
						area: string;
						value: number | null;
						numerator: number | null;
						denominator: number | null;
					}[]
				).map((r) => [`${r.period} ${r.area}`, r])
			);

		// incidents: counted types per territory and month, every other month and territory 0
		const counted = new Set([
			'intercommunal clash',
			'cattle raid with violence',
			'revenge killing'
		]);
		const incidents = new Map<string, number>();
		for (const row of read(INCIDENT_SOURCE)) {
			if (!counted.has(row.incident_type!.toLowerCase())) continue;
			const key = `${row.incident_date!.slice(0, 7)} ${codeOf.get(row.territory!)}`;
			incidents.set(key, (incidents.get(key) ?? 0) + 1);
		}
		const figures = stored(LIST_FED.incidents);
		expect(figures.size).toBe(63 * 8); // July 2021 to September 2026, eight territories
		for (const [key, figure] of figures) expect(figure.value, key).toBe(incidents.get(key) ?? 0);

		// survey: the women answering yes among those answering, per province and half-year
		const answers = new Map<string, { yes: number; of: number }>();
		for (const row of read(SURVEY_SOURCE)) {
			const answer = row['group_safety/safe_alone'];
			if (row['group_respondent/sex'] !== 'female' || !answer) continue;
			const t = row._submission_time!;
			const key = `${t.slice(0, 4)}-H${Number(t.slice(5, 7)) <= 6 ? 1 : 2} ${codeOf.get(row['group_location/province']!)}`;
			const a = answers.get(key) ?? { yes: 0, of: 0 };
			a.yes += answer === 'yes' ? 1 : 0;
			a.of += 1;
			answers.set(key, a);
		}
		const shares = stored(LIST_FED.survey);
		expect([...shares.keys()].sort()).toEqual([...answers.keys()].sort());
		for (const [key, figure] of shares) {
			expect([figure.numerator, figure.denominator], key).toEqual([
				answers.get(key)!.yes,
				answers.get(key)!.of
			]);
		}
	}
);

test('the demo gives the API what the quick start promises', { timeout: 30_000 }, async () => {
	const db = freshDb();
	await loadDemoIfEmpty(db, admin);
	const list = listIndicators(db, admin);
	expect(list.length).toBeGreaterThanOrEqual(24);
	expect(new Set(list.map((i) => i.objective_code))).toEqual(new Set(['PO1', 'PO2', 'PO3']));
	expect(new Set(list.map((i) => i.category))).toEqual(
		new Set(['situation', 'perception', 'capacity'])
	);
	expect(new Set(list.map((i) => i.measure))).toEqual(
		new Set(['count', 'number', 'percent', 'per_100k', 'average', 'milestone'])
	);
	// every indicator charts: actuals over time, and a status other than "no data" at the latest one
	for (const i of list) {
		const series = loadSeries(db, admin, i.code);
		expect(series.ok).toBe(true);
		if (!series.ok) continue;
		const withActual = series.series.points.filter((p) => p.actual !== null);
		expect(withActual.length, i.code).toBeGreaterThan(8);
		expect(
			series.series.points.some((p) => p.target !== null),
			i.code
		).toBe(true);
	}
});

test('the demo’s response time (2.2.3) is an average over alerts, weighed by the alerts', async () => {
	const db = freshDb();
	await loadDemoIfEmpty(db, admin);
	const observations = generateDemoMission().find((f) => f.name === 'observations.csv')!;
	const rows = Papa.parse<Record<string, string>>(observations.content, {
		header: true,
		skipEmptyLines: true
	}).data.filter((r) => r.indicator_code === '2.2.3' && r.value_type === 'actual');
	const series = loadSeries(db, admin, '2.2.3');
	if (!series.ok) throw new Error(series.message);
	let months = 0;
	for (const point of series.series.points.filter((p) => p.actual !== null)) {
		const month = rows.filter((r) => r.period === point.period);
		const days = month.reduce((s, r) => s + Number(r.numerator), 0);
		const alerts = month.reduce((s, r) => s + Number(r.denominator), 0);
		expect(point.actual, point.period).toBeCloseTo(days / alerts, 9);
		// the territories' plain mean differs: a territory with 2 alerts is not worth one with 20
		const plain = month.reduce((s, r) => s + Number(r.numerator) / Number(r.denominator), 0);
		if (Math.abs(plain / month.length - days / alerts) > 0.05) months++;
	}
	expect(months).toBeGreaterThan(12);
	// loading the whole demo, lists included, takes seconds on a busy machine
}, 30_000);
