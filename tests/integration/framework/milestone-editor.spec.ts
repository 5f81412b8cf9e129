/**
 * A milestone indicator through the framework editor (the same importer as files): its stages
 * and French stage names edited in the form, targets and baseline naming stages, and the
 * stages' mistakes shown on their fields.
 */
import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import {
	createIndicator,
	findStoredIndicator,
	indicatorFields,
	type IndicatorFields
} from '../../../src/lib/server/framework/indicators';
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
		indicator_code: 'PO1-M1',
		indicator_title: 'Stage of the local protection plan',
		result_code: 'PO1-OC1',
		category: 'capacity',
		direction: 'increase',
		measure: 'milestone',
		aggregation: '',
		frequency: 'quarter',
		dimensions: '',
		baseline_value: 'drafted',
		baseline_period: '2024-Q4',
		tier: '',
		unit: '',
		data_source: '',
		component: '',
		definition: '',
		sensitivity: '',
		stages: 'drafted;adopted;implemented',
		stages_fr: 'rédigé;adopté;mis en œuvre',
		...partial
	};
}

test('a milestone created from the form: stages stored, baseline and targets named by stage', async () => {
	const db = await basic();
	const result = await createIndicator(db, admin, fields({}), [
		{ period: '2025-Q2', value: 'adopté' },
		{ period: '2025-Q4', value: 'implemented' }
	]);
	expect(result).toEqual({ ok: true });
	const stored = findStoredIndicator(db, 'PO1-M1')!;
	expect(stored).toMatchObject({
		measure: 'milestone',
		stages: 'drafted;adopted;implemented',
		stagesFr: 'rédigé;adopté;mis en œuvre',
		baselineValue: 1,
		aggregation: null
	});
	// the form shows it back as stored
	expect(indicatorFields('PO1-OC1', stored)).toMatchObject({
		stages: 'drafted;adopted;implemented',
		stages_fr: 'rédigé;adopté;mis en œuvre',
		baseline_value: '1'
	});
	const series = loadSeries(db, admin, 'PO1-M1', { by: 'quarter' });
	expect(series.ok && series.series.points.map((p) => [p.period, p.target])).toEqual([
		['2025-Q2', 2],
		['2025-Q3', null],
		['2025-Q4', 3]
	]);
});

test('the stages’ mistakes are shown on their fields, and nothing is written', async () => {
	const db = await basic();
	const before = tableCounts(db);
	const result = await createIndicator(
		db,
		admin,
		fields({ stages: 'drafted;Drafted', stages_fr: 'rédigé', direction: 'decrease' }),
		[{ period: '2025-Q2', value: 'approved' }]
	);
	expect(result.ok).toBe(false);
	const errors = result.ok ? {} : result.errors;
	expect(errors.stages).toContain('twice');
	expect(errors.direction).toContain('increase');
	expect(tableCounts(db)).toEqual(before);
});

test('a target that names no stage is refused on its row, listing the stages', async () => {
	const db = await basic();
	const result = await createIndicator(db, admin, fields({}), [
		{ period: '2025-Q2', value: 'approved' }
	]);
	expect(result.ok).toBe(false);
	expect(result.ok ? null : result.errors.target_value_0).toContain(
		'“drafted”, “adopted”, “implemented”'
	);
});

test('stages on a count are refused on the stages field', async () => {
	const db = await basic();
	const result = await createIndicator(
		db,
		admin,
		fields({ measure: 'count', baseline_value: '', stages: 'few;many', stages_fr: '' }),
		[]
	);
	expect(result.ok).toBe(false);
	expect(result.ok ? null : result.errors.stages).toContain('milestone');
});
