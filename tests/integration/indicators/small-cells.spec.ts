/**
 * Small-cell suppression against a real database: C1 is a restricted count broken down by sex,
 * with 3 women and 9 men in North Two in January (the 3 is small, the 9 its complement: the
 * total 12 is shown) and 0 women and 12 men in February; K1 (public) has 3 women and 4 men in
 * January and is never suppressed. Pages' data never carries a hidden number; exports write
 * `<5` unless a cleared actor asks for raw figures.
 */
import Papa from 'papaparse';
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { loadIndicatorDetail } from '../../../src/lib/server/dashboard/indicator-detail';
import { loadObjectiveView } from '../../../src/lib/server/dashboard/objective-view';
import type { Db } from '../../../src/lib/server/db';
import { breakdownCsv } from '../../../src/lib/server/exports/breakdown-csv';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { listBatchFigures } from '../../../src/lib/server/imports/batch-figures';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { listFigureProvenance } from '../../../src/lib/server/observations/provenance';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { loadBreakdown } from '../../../src/lib/server/series/breakdown';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import {
	SMALL_CELL_THRESHOLD_KEY,
	setSmallCellThreshold,
	smallCellThreshold
} from '../../../src/lib/server/settings/small-cells';
import { csv, freshDb, importBasic, latestBatchId } from '../../helpers/db';

const CLEARED_VIEWER: Actor = { username: 'c', role: 'viewer', cleared: true };
const UNCLEARED_VIEWER: Actor = { username: 'v', role: 'viewer', cleared: false };
const JANUARY = 0;

let db: Db;
let batchId: number;

beforeEach(async () => {
	db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	const imported = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv(
			'indicators.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions,sensitivity\n' +
				'C1,Survivors of sexual violence,PO1-IM1,situation,decrease,count,month,sex,restricted\n'
		),
		csv(
			'observations.csv',
			'indicator_code,period,area_code,value,value_type,sex\n' +
				'C1,2024-01,N2,3,,female\n' +
				'C1,2024-01,N2,9,,male\n' +
				'C1,2024-02,N2,0,,female\n' +
				'C1,2024-02,N2,12,,male\n'
		)
	]);
	expect(imported.ok).toBe(true);
	batchId = latestBatchId(db, 'observations');
});

const detail = (actor: Actor, code: string) => {
	const loaded = loadIndicatorDetail(db, actor, code, {}, 'sex');
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.detail;
};

/** Each category's cells: the hidden reason, or the number. */
const cells = (
	categories: { category: string; points: { actual: number | null; suppressed: string | null }[] }[]
) =>
	Object.fromEntries(
		categories.map((c) => [c.category, c.points.map((p) => p.suppressed ?? p.actual)])
	);

const breakdownRows = (actor: Actor, code: string, raw: boolean) => {
	const loaded = loadBreakdown(db, actor, code, {}, 'sex', { raw });
	if (!loaded.ok) throw new Error(loaded.message);
	return {
		breakdown: loaded.breakdown,
		rows: Papa.parse<Record<string, string>>(breakdownCsv(loaded.breakdown), {
			header: true,
			skipEmptyLines: true
		}).data.map((r) => `${r.period} ${r.category} ${r.actual}`)
	};
};

const observationsExport = (actor: Actor, raw?: boolean) => {
	const result = exportKind(db, actor, 'observations', { indicator: 'C1', raw });
	if (!result.ok) throw new Error(result.message);
	return Papa.parse<Record<string, string>>([...result.chunks].join(''), {
		header: true,
		skipEmptyLines: true
	}).data.map((r) => `${r.period} ${r.sex} ${r.value}`);
};

describe('pages', () => {
	test('the indicator page’s breakdown hides the small cell and its complement, for a cleared reader too', () => {
		const d = detail(LOCAL_ADMINISTRATOR, 'C1');
		expect(d.threshold).toBe(5);
		expect(cells(d.breakdown!.categories)).toEqual({
			female: ['small', 0],
			male: ['complement', 12]
		});
		// what the page ships as JSON holds neither number
		const shipped = JSON.stringify(d.breakdown);
		expect(shipped).not.toMatch(/"actual":3\b/);
		expect(shipped).not.toMatch(/"actual":9\b/);
	});

	test('the total beside the breakdown is not a cell: it is shown', () => {
		const series = loadSeries(db, LOCAL_ADMINISTRATOR, 'C1');
		if (!series.ok) throw new Error(series.message);
		expect(series.series.points.map((p) => p.actual)).toEqual([12, 12]);
	});

	test('the objective page’s breakdown charts hide them the same way', () => {
		const loaded = loadObjectiveView(db, CLEARED_VIEWER, 'PO1', {}, 'sex');
		if (!loaded.ok) throw new Error(loaded.message);
		const c1 = Object.values(loaded.view.panels)
			.flat()
			.find((v) => v.code === 'C1')!;
		expect(c1.threshold).toBe(5);
		expect(cells(c1.breakdown!.categories)).toEqual({
			female: ['small', 0],
			male: ['complement', 12]
		});
	});

	test('a public indicator’s small cells are shown', () => {
		const d = detail(LOCAL_ADMINISTRATOR, 'K1');
		const january = d.breakdown!.categories.map((c) => c.points[JANUARY]!);
		expect(january.map((p) => [p.actual, p.suppressed])).toEqual([
			[3, null],
			[4, null]
		]);
	});

	test('the figures behind the chart leave out the small figure’s numbers', () => {
		const loaded = listFigureProvenance(db, LOCAL_ADMINISTRATOR, 'C1', {});
		if (!loaded.ok) throw new Error(loaded.message);
		const byKey = (period: string, sex: string) =>
			loaded.figures.find((f) => f.period === period && f.dimensions.sex === sex)!;
		expect(byKey('2024-01', 'female')).toMatchObject({ value: null, suppressed: 'small' });
		expect(byKey('2024-01', 'male')).toMatchObject({ value: 9, suppressed: null });
		expect(byKey('2024-02', 'female')).toMatchObject({ value: 0, suppressed: null });
	});

	test('an import’s figures leave out the small figure’s numbers', () => {
		const page = listBatchFigures(db, LOCAL_ADMINISTRATOR, batchId, { after: null, before: null });
		expect(
			page.items.map((f) => `${f.period} ${f.dimensions.sex} ${f.value} ${f.suppressed}`)
		).toEqual([
			'2024-01 female null small',
			'2024-01 male 9 null',
			'2024-02 female 0 null',
			'2024-02 male 12 null'
		]);
	});
});

describe('the breakdown CSV', () => {
	test('writes hidden cells as <5 and hidden', () => {
		const { breakdown, rows } = breakdownRows(LOCAL_ADMINISTRATOR, 'C1', false);
		expect(breakdown.raw).toBe(false);
		expect(rows).toEqual([
			'2024-01 female <5',
			'2024-02 female 0',
			'2024-01 male hidden',
			'2024-02 male 12'
		]);
	});

	test('gives raw figures to a cleared actor who asks', () => {
		for (const actor of [LOCAL_ADMINISTRATOR, CLEARED_VIEWER]) {
			const { breakdown, rows } = breakdownRows(actor, 'C1', true);
			expect(breakdown.raw).toBe(true);
			expect(rows).toEqual([
				'2024-01 female 3',
				'2024-02 female 0',
				'2024-01 male 9',
				'2024-02 male 12'
			]);
		}
	});

	test('an uncleared actor asking raw gets no restricted indicator at all', () => {
		expect(loadBreakdown(db, UNCLEARED_VIEWER, 'C1', {}, 'sex', { raw: true })).toMatchObject({
			ok: false,
			problem: 'not_found'
		});
		// and for what it may see, the same file as without asking
		expect(breakdownRows(UNCLEARED_VIEWER, 'K1', true)).toEqual(
			breakdownRows(UNCLEARED_VIEWER, 'K1', false)
		);
	});
});

describe('the observations export', () => {
	test('writes small cells as <5 with none of their numbers', () => {
		expect(observationsExport(LOCAL_ADMINISTRATOR)).toEqual([
			'2024-01 female <5',
			'2024-01 male 9',
			'2024-02 female 0',
			'2024-02 male 12'
		]);
	});

	test('is raw for a cleared actor who asks', () => {
		expect(observationsExport(CLEARED_VIEWER, true)).toEqual([
			'2024-01 female 3',
			'2024-01 male 9',
			'2024-02 female 0',
			'2024-02 male 12'
		]);
	});

	test('raw applies to observations only', () => {
		expect(exportKind(db, LOCAL_ADMINISTRATOR, 'areas', { raw: true })).toMatchObject({
			ok: false,
			problem: 'bad_request'
		});
	});
});

describe('the threshold setting', () => {
	test('is 5 until an administrator changes it, and the change is audited', () => {
		expect(smallCellThreshold(db)).toBe(5);
		expect(setSmallCellThreshold(db, LOCAL_ADMINISTRATOR, 10)).toEqual({
			ok: true,
			before: 5,
			after: 10
		});
		expect(smallCellThreshold(db)).toBe(10);
		const entry = db.$client
			.prepare('SELECT actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT 1')
			.get() as { actor: string; action: string; subject: string; detail: string };
		expect(entry).toMatchObject({
			actor: 'local-admin',
			action: 'settings.change',
			subject: SMALL_CELL_THRESHOLD_KEY
		});
		expect(JSON.parse(entry.detail)).toEqual({ before: 5, after: 10 });
	});

	test('changes what is hidden: at 10, the 9 is small too, and the text says < 10', () => {
		setSmallCellThreshold(db, LOCAL_ADMINISTRATOR, 10);
		const d = detail(LOCAL_ADMINISTRATOR, 'C1');
		expect(d.threshold).toBe(10);
		expect(cells(d.breakdown!.categories)).toEqual({
			female: ['small', 0],
			male: ['small', 12]
		});
		expect(observationsExport(LOCAL_ADMINISTRATOR)).toContain('2024-01 male <10');
	});

	test('refuses what is not a whole number of at least 1, writing nothing', () => {
		const audited = () =>
			(db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
		const before = audited();
		for (const bad of [0, -1, 2.5, 'five', null]) {
			expect(setSmallCellThreshold(db, LOCAL_ADMINISTRATOR, bad)).toMatchObject({ ok: false });
		}
		expect(smallCellThreshold(db)).toBe(5);
		expect(audited()).toBe(before);
	});

	test('is for administrators only', () => {
		for (const role of ['planner', 'spu', 'viewer'] as const) {
			expect(() => setSmallCellThreshold(db, { username: 'x', role, cleared: true }, 10)).toThrow(
				NotAllowed
			);
		}
		expect(smallCellThreshold(db)).toBe(5);
	});

	test('a stored value that is not a threshold falls back to 5', () => {
		db.$client
			.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
			.run(SMALL_CELL_THRESHOLD_KEY, '"lots"');
		expect(smallCellThreshold(db)).toBe(5);
	});
});
