import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { isDemoMission, loadDemoIfEmpty } from '../../../src/lib/server/demo/load-demo';
import { generateDemoMission } from '../../../src/lib/server/demo/generate';
import { listIndicators } from '../../../src/lib/server/indicators/list';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { freshDb, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

test('the demo mission loads through the importer into a fresh database', async () => {
	const db = freshDb();
	const files = generateDemoMission();
	const rows = Object.fromEntries(
		files.map((f) => [
			f.name,
			Papa.parse(f.content, { header: true, skipEmptyLines: true }).data.length
		])
	);
	const report = (await loadDemoIfEmpty(db, admin))!;
	expect(report.ok).toBe(true);
	expect(report.files.map((f) => [f.kind, f.rows, f.inserted, f.errors.length])).toEqual([
		['areas', rows['areas.csv'], rows['areas.csv'], 0],
		['framework', rows['framework.csv'], rows['framework.csv'], 0],
		['indicators', rows['indicators.csv'], rows['indicators.csv'], 0],
		['observations', rows['observations.csv'], rows['observations.csv'], 0]
	]);
	const counts = tableCounts(db);
	expect(counts.observations).toBe(rows['observations.csv']);
	expect(counts.results).toBe(rows['framework.csv']);
	expect(counts.indicators).toBe(rows['indicators.csv']);
	expect(counts.import_batches).toBe(4);
	expect(isDemoMission(db)).toBe(true);

	// a second start finds data and loads nothing
	expect(await loadDemoIfEmpty(db, admin)).toBeNull();
	expect(tableCounts(db)).toEqual(counts);
});

test('the demo gives the API what the quick start promises', async () => {
	const db = freshDb();
	await loadDemoIfEmpty(db, admin);
	const list = listIndicators(db, admin);
	expect(list.length).toBeGreaterThanOrEqual(24);
	expect(new Set(list.map((i) => i.objective_code))).toEqual(new Set(['PO1', 'PO2', 'PO3']));
	expect(new Set(list.map((i) => i.category))).toEqual(
		new Set(['situation', 'perception', 'capacity'])
	);
	expect(new Set(list.map((i) => i.measure))).toEqual(
		new Set(['count', 'number', 'percent', 'per_100k', 'average'])
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
});
