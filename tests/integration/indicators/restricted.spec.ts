/**
 * A restricted indicator does not exist for an actor without clearance: every capability that
 * reads indicators leaves it out (or answers "Unknown indicator" for its code), and shows it to
 * a cleared actor, whatever the role. K2 is made restricted; K1 stays public, so each
 * capability is seen to show something.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { addCaveat, listCaveats } from '../../../src/lib/server/caveats/caveats';
import { loadIndicatorDetail } from '../../../src/lib/server/dashboard/indicator-detail';
import { loadObjectiveView } from '../../../src/lib/server/dashboard/objective-view';
import { loadOverview } from '../../../src/lib/server/dashboard/overview';
import type { Db } from '../../../src/lib/server/db';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { seriesCsv } from '../../../src/lib/server/exports/series-csv';
import { loadFrameworkEditor } from '../../../src/lib/server/framework/editor-view';
import { countBatchFigures, listBatchFigures } from '../../../src/lib/server/imports/batch-figures';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { listIndicators } from '../../../src/lib/server/indicators/list';
import { listFigureProvenance } from '../../../src/lib/server/observations/provenance';
import { createCycle } from '../../../src/lib/server/reports/cycles/create';
import { findCycle } from '../../../src/lib/server/reports/cycles/find';
import { frozenFigures } from '../../../src/lib/server/reports/cycles/frozen-figures';
import { loadIptt } from '../../../src/lib/server/reports/iptt/iptt';
import { ipttWorkbook } from '../../../src/lib/server/reports/iptt/iptt-xlsx';
import { rbbCsv } from '../../../src/lib/server/reports/rbb/csv';
import { loadRbbReport } from '../../../src/lib/server/reports/rbb/load-report';
import { rbbWorkbook } from '../../../src/lib/server/reports/rbb/xlsx';
import { loadAreaMap } from '../../../src/lib/server/maps/area-map';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { csv, freshDb, importBasic } from '../../helpers/db';
import { readWorkbook } from '../../helpers/xlsx';

const CODES = ['K1', 'K2'];
const YEAR = 'FY2023/24';

/** The indicator codes among a file's cells. */
function codesInCsv(text: string): string[] {
	const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
	return [...new Set(rows.flat().filter((cell) => CODES.includes(cell)))];
}

async function codesInWorkbook(bytes: Uint8Array): Promise<string[]> {
	const book = await readWorkbook(bytes);
	const found = new Set<string>();
	book.eachSheet((sheet) =>
		sheet.eachRow((row) =>
			row.eachCell((cell) => {
				const text = String(cell.value);
				if (CODES.includes(text)) found.add(text);
			})
		)
	);
	return [...found];
}

const exported = (db: Db, actor: Actor, kind: string) => {
	const result = exportKind(db, actor, kind);
	if (!result.ok) throw new Error(result.message);
	return [...result.chunks].join('');
};

const rbb = (db: Db, actor: Actor) => {
	const loaded = loadRbbReport(db, actor, YEAR);
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.report;
};

const iptt = (db: Db, actor: Actor) => {
	const loaded = loadIptt(db, actor, {});
	if (!loaded.ok) throw new Error(loaded.message);
	return loaded.iptt;
};

const observationsBatch = (db: Db) =>
	(
		db.$client
			.prepare("SELECT id FROM import_batches WHERE kind = 'observations' ORDER BY id LIMIT 1")
			.get() as { id: number }
	).id;

/** Each capability, and the indicator codes it shows the actor. */
const CAPABILITIES: [string, (db: Db, actor: Actor) => string[] | Promise<string[]>][] = [
	['the indicators list', (db, a) => listIndicators(db, a).map((i) => i.code)],
	[
		'the objective view',
		(db, a) => {
			const loaded = loadObjectiveView(db, a, 'PO1');
			if (!loaded.ok) throw new Error(loaded.message);
			return Object.values(loaded.view.panels).flatMap((p) => p.map((v) => v.code));
		}
	],
	['the overview', (db, a) => loadOverview(db, a).flatMap((o) => o.indicators.map((v) => v.code))],
	['the series', (db, a) => CODES.filter((c) => loadSeries(db, a, c).ok)],
	[
		'the map by area',
		(db, a) => CODES.filter((c) => loadAreaMap(db, a, c, {}, { period: null, perPeople: false }).ok)
	],
	[
		'the series as CSV',
		(db, a) =>
			CODES.flatMap((c) => {
				const loaded = loadSeries(db, a, c);
				return loaded.ok ? codesInCsv(seriesCsv(loaded.series)) : [];
			})
	],
	[
		'the indicator detail',
		(db, a) => CODES.filter((c) => loadIndicatorDetail(db, a, c, {}, null).ok)
	],
	['the provenance', (db, a) => CODES.filter((c) => listFigureProvenance(db, a, c, {}).ok)],
	[
		'the caveats',
		(db, a) => CODES.flatMap((c) => listCaveats(db, a, c).map((v) => v.indicatorCode ?? ''))
	],
	['the observations export', (db, a) => codesInCsv(exported(db, a, 'observations'))],
	[
		'one indicator’s observations export',
		(db, a) => CODES.filter((c) => exportKind(db, a, 'observations', { indicator: c }).ok)
	],
	['the indicators export', (db, a) => codesInCsv(exported(db, a, 'indicators'))],
	['the IPTT', (db, a) => iptt(db, a).rows.map((r) => r.code)],
	['the IPTT workbook', async (db, a) => codesInWorkbook(await ipttWorkbook(iptt(db, a), 'IPTT'))],
	[
		'the RBB report',
		(db, a) =>
			rbb(db, a).objectives.flatMap((o) => [
				...o.achievements.map((r) => r.code),
				...o.outputs.flatMap((out) => out.indicators.map((r) => r.code))
			])
	],
	['the RBB report as CSV', (db, a) => codesInCsv(rbbCsv(rbb(db, a)))],
	['the RBB workbook', async (db, a) => codesInWorkbook(await rbbWorkbook(rbb(db, a)))],
	[
		'a cycle’s frozen figures',
		(db, a) =>
			frozenFigures(db, a, findCycle(db, '2024-H1')!).objectives.flatMap((o) =>
				o.indicators.map((i) => i.code)
			)
	],
	[
		'the framework with its indicators',
		(db, a) =>
			Object.values(loadFrameworkEditor(db, a).indicatorsByResult).flatMap((list) =>
				list.map((i) => i.code)
			)
	],
	[
		'a batch’s figures',
		(db, a) => {
			const id = observationsBatch(db);
			const page = listBatchFigures(db, a, id, { after: null, before: null }, 1000);
			// the count is of the same figures as the list
			expect(countBatchFigures(db, a, id)).toBe(page.items.length);
			return [...new Set(page.items.map((f) => f.indicator))];
		}
	]
];

const uncleared: Actor[] = [
	{ username: 'v', role: 'viewer', cleared: false },
	{ username: 'p', role: 'planner', cleared: false }
];
const cleared: Actor[] = [LOCAL_ADMINISTRATOR, { username: 'c', role: 'viewer', cleared: true }];

let db: Db;

beforeAll(async () => {
	db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	const restricted = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv(
			'indicators.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions,sensitivity\n' +
				'K2,% feel safe,PO1-OC1,perception,increase,percent,quarter,,restricted\n'
		)
	]);
	expect(restricted.ok).toBe(true);
	for (const indicator of CODES) {
		const added = addCaveat(db, LOCAL_ADMINISTRATOR, {
			indicator,
			area: null,
			period: '2024-01',
			text: 'Access was limited.'
		});
		expect(added.ok).toBe(true);
	}
	expect(createCycle(db, LOCAL_ADMINISTRATOR, { code: '2024h1', ratingScale: '' }).ok).toBe(true);
});

describe.each(CAPABILITIES)('%s', (_name, shown) => {
	test.each(uncleared)(
		'leaves the restricted indicator out for $role $username (uncleared)',
		async (actor) => {
			const codes = await shown(db, actor);
			expect(codes).toContain('K1');
			expect(codes).not.toContain('K2');
		}
	);

	test.each(cleared)('shows it to $role $username (cleared)', async (actor) => {
		const codes = await shown(db, actor);
		expect(codes).toContain('K1');
		expect(codes).toContain('K2');
	});
});

test('the series of a restricted indicator answers as for a code that does not exist', () => {
	const viewer = uncleared[0]!;
	expect(loadSeries(db, viewer, 'K2')).toEqual({
		ok: false,
		problem: 'not_found',
		message: 'Unknown indicator "K2".'
	});
	expect(loadSeries(db, viewer, 'NOPE')).toMatchObject({ problem: 'not_found' });
});

test('an uncleared planner cannot write a caveat on a restricted indicator', () => {
	const planner = uncleared[1]!;
	expect(
		addCaveat(db, planner, { indicator: 'K2', area: null, period: '2024-02', text: 'x' })
	).toEqual({ ok: false, errors: { indicator: 'Unknown indicator "K2".' } });
});
