/**
 * The database's grouping of count and number figures (server/series/figure-groups.ts) must
 * give exactly the series the pure rules give on the same figures read row by row. Random
 * files exercise what the grouping has to get right: totals beside breakdowns, several shapes
 * in one area and period, nested periods, figures at every level of the area tree, targets,
 * verification, breakdowns by one category.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { loadAreaTree } from '../../../src/lib/server/areas/tree';
import type { Db } from '../../../src/lib/server/db';
import { indicators } from '../../../src/lib/server/db/schema';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { IndicatorFigures, loadFigures } from '../../../src/lib/server/series/figure-groups';
import {
	indicatorSeries,
	seriesIndicator,
	seriesRequest,
	type ResolvedQuery
} from '../../../src/lib/server/series/load-series';
import { computeSeries } from '../../../src/lib/domain/series';
import { csv, freshDb } from '../../helpers/db';

const AREAS = ['P1', 'P1-A', 'P1-B', 'P2', 'P2-A', 'P2-B', 'P3', 'P3-A'];
const PERIODS = [
	'2024-01',
	'2024-02',
	'2024-03',
	'2024-04',
	'2024-05',
	'2024-Q1',
	'2024-Q2',
	'2024'
];
const SHAPES: Record<string, string>[] = [
	{},
	{ sex: 'female' },
	{ sex: 'male' },
	{ age: 'child' },
	{ age: 'adult' },
	{ sex: 'female', age: 'child' },
	{ sex: 'female', age: 'adult' },
	{ sex: 'male', age: 'child' },
	{ sex: 'male', age: 'adult' }
];
/** code, measure, aggregation, and the dimension sets its figures may use */
const INDICATORS = [
	['MIXED', 'count', 'sum', SHAPES],
	['MAX', 'count', 'max', SHAPES],
	['LAST', 'count', 'last', SHAPES],
	['MEAN', 'number', 'mean', SHAPES],
	// one shape only: the database sums the rows without telling their sets apart
	['SEXAGE', 'count', 'sum', SHAPES.slice(5)],
	['TOTALS', 'number', '', SHAPES.slice(0, 1)]
] as const;

function randomFiles(seed: number) {
	const random = () => {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return seed / 0x7fffffff;
	};
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
	const areas =
		'area_code,area_name,parent_area,area_level,population,population_year\n' +
		AREAS.map((a) =>
			a.includes('-') ? `${a},${a},${a.split('-')[0]},territory,1000,2024` : `${a},${a},,province,,`
		).join('\n');
	const framework = 'result_code,result_level,result_title,parent_result\nPO1,objective,Safety,';
	const indicatorRows = INDICATORS.map(
		([code, measure, aggregation]) =>
			`${code},${code},PO1,situation,decrease,${measure},month,sex;age,${aggregation}`
	);
	const seen = new Set<string>();
	const lines: string[] = [];
	for (let i = 0; i < 600; i++) {
		const [code, , , sets] = pick(INDICATORS);
		const period = pick(PERIODS);
		const area = random() < 0.15 ? '' : pick(AREAS);
		const dims = pick(sets);
		const type = random() < 0.2 ? 'target' : 'actual';
		const key = [code, period, area, JSON.stringify(dims), type].join('|');
		if (seen.has(key)) continue;
		seen.add(key);
		// quarters of a unit: sums stay exact, so both paths must agree to the last bit
		const value = Math.floor(random() * 400) / 4;
		const verification = type === 'target' ? '' : pick(['verified', 'unverified', '']);
		lines.push(
			[code, period, area, value, dims.sex ?? '', dims.age ?? '', type, verification].join(',')
		);
	}
	return [
		csv('areas.csv', areas),
		csv('framework.csv', framework),
		csv(
			'indicators.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions,aggregation\n' +
				indicatorRows.join('\n')
		),
		csv(
			'observations.csv',
			'indicator_code,period,area_code,value,sex,age,value_type,verification\n' + lines.join('\n')
		)
	];
}

async function seeded(seed: number): Promise<Db> {
	const db = freshDb();
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, randomFiles(seed));
	expect(report.ok, JSON.stringify(report.files.flatMap((f) => f.errors).slice(0, 3))).toBe(true);
	return db;
}

const BREAKDOWNS = [
	undefined,
	{ dimension: 'sex', category: 'female' },
	{ dimension: 'age', category: 'adult' }
];

describe.each([1, 2, 3, 4])(
	'database grouping agrees with the rules row by row (seed %i)',
	(seed) => {
		test('every indicator, area, granularity, verification filter and breakdown', async () => {
			const db = await seeded(seed);
			const tree = loadAreaTree(db);
			let compared = 0;
			for (const row of db.select().from(indicators).all()) {
				const rows = loadFigures(db, row.id);
				for (const within of [null, ...tree.all().map((a) => a.id)]) {
					// figures read for one area serve its series and its children's (small multiples)
					const figures = new IndicatorFigures(db, row, tree, within);
					for (const areaId of [within, ...tree.childrenOf(within).map((a) => a.id)]) {
						for (const by of ['month', 'quarter', 'year'] as const) {
							for (const verifiedOnly of [false, true]) {
								for (const breakdown of BREAKDOWNS) {
									const query: ResolvedQuery = { areaId, by, verifiedOnly, breakdown };
									const grouped = indicatorSeries(db, row, tree, query, 0.1, figures).points;
									const reference = computeSeries(
										seriesIndicator(row),
										rows,
										tree,
										seriesRequest(row, query, 0.1)
									);
									const label = `${row.code} within ${within}: ${areaId} ${by} ${verifiedOnly} ${breakdown?.category}`;
									expect(grouped, label).toEqual(reference);
									compared += reference.filter((p) => p.actual !== null).length;
								}
							}
						}
					}
				}
			}
			// the comparison is not vacuous: many points have figures behind them
			expect(compared).toBeGreaterThan(1000);
		});
	}
);

test('the importer records each dimension set used by an indicator', async () => {
	const db = await seeded(5);
	const pairs = (sql: string) =>
		(db.$client.prepare(sql).raw(true).all() as number[][]).map((p) => p.join(':')).sort();
	const used = pairs('SELECT DISTINCT indicator_id, dimension_set_id FROM observations');
	expect(used.length).toBeGreaterThan(20);
	expect(pairs('SELECT indicator_id, dimension_set_id FROM indicator_dimension_sets')).toEqual(
		used
	);
});
