/**
 * Creating, editing and adopting indicators, with baselines and targets, from the editor's
 * forms: through the importer, one transaction, errors on the form's fields.
 */
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { adoptIndicator } from '../../../src/lib/server/framework/adopt';
import { browseCatalogue, dpoCatalogue } from '../../../src/lib/server/framework/catalogue';
import {
	createIndicator,
	editIndicator,
	findStoredIndicator,
	indicatorFields,
	missionTargets,
	type IndicatorFields
} from '../../../src/lib/server/framework/indicators';
import { retireNode } from '../../../src/lib/server/framework/retire';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { freshDb, importBasic, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

async function basic(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

function fields(partial: Partial<IndicatorFields>): IndicatorFields {
	return {
		indicator_code: 'PO1-K9',
		indicator_title: 'Number of community alert networks in place',
		result_code: 'PO1-OC1',
		category: 'capacity',
		direction: 'increase',
		measure: 'count',
		aggregation: 'last',
		frequency: 'quarter',
		dimensions: '',
		baseline_value: '',
		baseline_period: '',
		tier: 'II',
		unit: 'networks',
		data_source: 'Civil Affairs mapping',
		component: 'Civil Affairs',
		definition: '',
		sensitivity: '',
		...partial
	};
}

const { indicator_title: _t, ...adoptFields } = fields({
	indicator_code: 'PO1-K10',
	frequency: 'year',
	baseline_value: '3',
	baseline_period: '2024'
});

describe('creating an indicator', () => {
	test('with a baseline and targets, in one import', async () => {
		const db = await basic();
		const result = await createIndicator(
			db,
			admin,
			fields({ baseline_value: '4', baseline_period: '2024-Q4' }),
			[
				{ period: '2025-Q4', value: '6' },
				{ period: '', value: '' },
				{ period: '2026-Q4', value: '9' }
			]
		);
		expect(result).toEqual({ ok: true });
		const stored = findStoredIndicator(db, 'PO1-K9')!;
		expect(stored).toMatchObject({
			category: 'capacity',
			measure: 'count',
			aggregation: 'last',
			baselineValue: 4,
			baselinePeriod: '2024-Q4',
			sensitivity: 'internal',
			retired: false,
			dpoCode: null
		});
		expect(missionTargets(db, stored.id)).toEqual([
			{ period: '2025-Q4', value: '6' },
			{ period: '2026-Q4', value: '9' }
		]);
		const series = loadSeries(db, admin, 'PO1-K9', { by: 'year' });
		expect(series.ok && series.series.points.map((p) => [p.period, p.target])).toEqual([
			['2025', 6],
			['2026', 9]
		]);
	});

	test('an average (days to respond), its targets combining as the mean of the periods', async () => {
		const db = await basic();
		const result = await createIndicator(
			db,
			admin,
			fields({
				indicator_title: 'Average days to respond to an alert',
				direction: 'decrease',
				measure: 'average',
				aggregation: '',
				frequency: 'month',
				unit: 'days',
				baseline_value: '4.5',
				baseline_period: '2024-12'
			}),
			[
				{ period: '2025-01', value: '4' },
				{ period: '2025-02', value: '3' }
			]
		);
		expect(result).toEqual({ ok: true });
		expect(findStoredIndicator(db, 'PO1-K9')).toMatchObject({
			measure: 'average',
			aggregation: null,
			baselineValue: 4.5,
			unit: 'days'
		});
		// each target alone is one item: the quarter's target is their mean
		const series = loadSeries(db, admin, 'PO1-K9', { by: 'quarter' });
		expect(series.ok && series.series.points.map((p) => [p.period, p.target])).toEqual([
			['2025-Q1', 3.5]
		]);
	});

	test('a bad target refuses the indicator too, the error on that target row', async () => {
		const db = await basic();
		const before = tableCounts(db);
		const result = await createIndicator(db, admin, fields({}), [
			{ period: '2025-Q4', value: '6' },
			{ period: '', value: '' },
			{ period: '2026-Q5', value: 'many' }
		]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['target_period_2', 'target_value_2']);
		expect(result.errors.target_period_2).toMatch(/2026-Q5/);
		expect(result.errors.target_value_2).toMatch(/^"many" is not a number/);
		expect(tableCounts(db)).toEqual(before);
	});

	test('the contract rules come from the importer, each on its field', async () => {
		const db = await basic();
		const result = await createIndicator(
			db,
			admin,
			fields({
				result_code: 'PO1-OC7',
				category: 'feeling',
				baseline_value: '12,5',
				dimensions: 'sex;period'
			}),
			[]
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual([
			'baseline_value',
			'category',
			'dimensions',
			'result_code'
		]);
		expect(result.errors.result_code).toMatch(/^Unknown result "PO1-OC7"/);
		expect(result.errors.category).toBe(
			'"feeling" is not allowed here; use one of: situation, perception, capacity.'
		);
		expect(findStoredIndicator(db, 'PO1-K9')).toBeUndefined();
	});

	test('a code that exists is refused, the stored indicator untouched', async () => {
		const db = await basic();
		const result = await createIndicator(db, admin, fields({ indicator_code: 'K1' }), []);
		expect(result).toEqual({
			ok: false,
			errors: { indicator_code: 'K1 already exists: choose another code, or edit K1.' }
		});
		expect(findStoredIndicator(db, 'K1')!.title).toBe('Incidents');
	});

	test('a placeholder left in the title is refused', async () => {
		const db = await basic();
		const result = await createIndicator(
			db,
			admin,
			fields({ indicator_title: 'Number of [counties] with alert networks' }),
			[]
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				indicator_title: "Replace [counties] with the mission's own words before saving."
			}
		});
		expect(findStoredIndicator(db, 'PO1-K9')).toBeUndefined();
	});

	test('an indicator for a retired node is refused', async () => {
		const db = await basic();
		expect(retireNode(db, admin, 'PO1-OC1', { withEverythingBelow: true }).ok).toBe(true);
		const result = await createIndicator(db, admin, fields({}), []);
		expect(result).toEqual({
			ok: false,
			errors: { result_code: 'PO1-OC1 is retired: reinstate it first, or choose an active node.' }
		});
	});
});

describe('editing an indicator', () => {
	test('moves it to another node, changes its baseline and adds a target', async () => {
		const db = await basic();
		const k2 = findStoredIndicator(db, 'K2')!;
		const { indicator_code: _c, ...current } = indicatorFields('PO1-OC1', k2);
		const result = await editIndicator(
			db,
			admin,
			'K2',
			{ ...current, result_code: 'PO1-IM1', baseline_value: '41.5', baseline_period: '2023' },
			[{ period: '2025', value: '60' }]
		);
		expect(result).toEqual({ ok: true });
		expect(findStoredIndicator(db, 'K2')).toMatchObject({
			baselineValue: 41.5,
			baselinePeriod: '2023',
			title: '% feel safe'
		});
		expect(missionTargets(db, k2.id)).toEqual([{ period: '2025', value: '60' }]);
	});

	test('a percent target above 100 is refused on its row', async () => {
		const db = await basic();
		const k2 = findStoredIndicator(db, 'K2')!;
		const { indicator_code: _c, ...current } = indicatorFields('PO1-OC1', k2);
		const result = await editIndicator(db, admin, 'K2', current, [
			{ period: '2025', value: '160' }
		]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors)).toEqual(['target_value_0']);
		expect(missionTargets(db, k2.id)).toEqual([]);
	});
});

describe('the DPO catalogue', () => {
	test('holds the 52 standard indicators, three expected accomplishments', () => {
		const all = dpoCatalogue();
		expect(all).toHaveLength(52);
		expect(all.filter((e) => e.expectedAccomplishment === 'A')).toHaveLength(19);
		expect(all.find((e) => e.code === '3.1.1')!.categories).toEqual(['capacity', 'perception']);
	});

	test('marks an entry adopted under its own code or its dpo_code', async () => {
		const db = await basic();
		const find = (code: string) =>
			browseCatalogue(db, admin, { q: code }).find((e) => e.code === code)!;
		// the basic fixture keeps 1.2.1 under its standard code
		expect(find('1.2.1').adoptedAs).toEqual([{ code: '1.2.1', retired: false }]);
		expect(find('2.2.1').adoptedAs).toEqual([]);
		await adoptIndicator(db, admin, '2.2.1', adoptFields, ['territories'], []);
		expect(find('2.2.1').adoptedAs).toEqual([{ code: 'PO1-K10', retired: false }]);
	});
});

describe('adopting a DPO indicator', () => {
	test('fills its placeholders, keeps its code as a reference, and sets baseline and targets', async () => {
		const db = await basic();
		const result = await adoptIndicator(
			db,
			admin,
			'2.2.1',
			adoptFields,
			['territories'],
			[
				{ period: '2025', value: '5' },
				{ period: '2026', value: '7' }
			]
		);
		expect(result).toEqual({ ok: true });
		const stored = findStoredIndicator(db, 'PO1-K10')!;
		expect(stored).toMatchObject({
			title:
				'Increase in the number and proportion of territories where effective alert systems are in place',
			dpoCode: '2.2.1',
			baselineValue: 3,
			baselinePeriod: '2024'
		});
		expect(missionTargets(db, stored.id)).toEqual([
			{ period: '2025', value: '5' },
			{ period: '2026', value: '7' }
		]);
	});

	test('a placeholder left blank is refused on its field, nothing written', async () => {
		const db = await basic();
		const before = tableCounts(db);
		const result = await adoptIndicator(
			db,
			admin,
			'2.2.1',
			adoptFields,
			['  '],
			[{ period: '2025', value: '5' }]
		);
		expect(result).toEqual({
			ok: false,
			errors: { placeholder_0: "Write the mission's own words for [counties]." }
		});
		expect(tableCounts(db)).toEqual(before);
	});

	test('a placeholder filled with another placeholder is refused too', async () => {
		const db = await basic();
		const result = await adoptIndicator(db, admin, '2.2.1', adoptFields, ['[districts]'], []);
		expect(result.ok).toBe(false);
		expect(findStoredIndicator(db, 'PO1-K10')).toBeUndefined();
	});

	test('a placeholder and a target problem come together', async () => {
		const db = await basic();
		const result = await adoptIndicator(
			db,
			admin,
			'2.2.1',
			adoptFields,
			[''],
			[{ period: '2025', value: '-5' }]
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['placeholder_0', 'target_value_0']);
		expect(result.errors.target_value_0).toBe('A count cannot be negative.');
		expect(findStoredIndicator(db, 'PO1-K10')).toBeUndefined();
	});

	test('targets of an indicator the importer refused are not blamed for it', async () => {
		const db = await basic();
		const result = await adoptIndicator(
			db,
			admin,
			'2.2.1',
			{ ...adoptFields, result_code: 'PO1-OC8' },
			['territories'],
			[{ period: '2025', value: '5' }]
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors)).toEqual(['result_code']);
	});

	test('an entry without placeholders is adopted as worded', async () => {
		const db = await basic();
		const result = await adoptIndicator(
			db,
			admin,
			'2.2.3',
			{ ...adoptFields, direction: 'decrease' },
			[],
			[]
		);
		expect(result).toEqual({ ok: true });
		expect(findStoredIndicator(db, 'PO1-K10')!.title).toBe(
			dpoCatalogue().find((e) => e.code === '2.2.3')!.title
		);
	});

	test('an unknown DPO code is refused', async () => {
		const db = await basic();
		expect(await adoptIndicator(db, admin, '9.9.9', adoptFields, [], [])).toEqual({
			ok: false,
			errors: { form: '"9.9.9" is not a standard DPO POC indicator.' }
		});
	});
});
