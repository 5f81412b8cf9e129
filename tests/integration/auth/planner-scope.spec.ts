import { describe, expect, test } from 'vitest';
import { PROBLEM_STATUS } from '../../../src/lib/server/http/problems';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { addArea, editArea, setPopulation } from '../../../src/lib/server/areas/edit';
import {
	OutsideScope,
	addCaveat,
	deleteCaveat,
	updateCaveat
} from '../../../src/lib/server/caveats/caveats';
import type { Db } from '../../../src/lib/server/db';
import {
	editIndicator,
	findStoredIndicator,
	indicatorFields
} from '../../../src/lib/server/framework/indicators';
import {
	createNode,
	editNode,
	findNode,
	nodeFields
} from '../../../src/lib/server/framework/nodes';
import { retireIndicator, retireNode } from '../../../src/lib/server/framework/retire';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { undoBatch } from '../../../src/lib/server/imports/undo';
import { csv, freshDb, importBasic, tableCounts } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
/** Civil Affairs in the north (N: N1, N2); the basic mission also has S. */
const pat: Actor = {
	username: 'pat',
	role: 'planner',
	cleared: false,
	scope: { components: ['Civil Affairs'], areas: ['N'] }
};
const northOnly: Actor = { ...pat, scope: { components: [], areas: ['N'] } };
const civilAffairsOnly: Actor = { ...pat, scope: { components: ['Civil Affairs'], areas: [] } };

/** The basic mission, with K1 and 1.2.1 of Civil Affairs, K2 of Human Rights. */
async function mission(): Promise<Db> {
	const db = freshDb();
	await importBasic(db);
	const report = await importFiles(db, admin, [
		csv(
			'components.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure,component\n' +
				'1.2.1,Casualties per 100k,PO1-IM1,situation,decrease,per_100k,Civil Affairs\n' +
				'K1,Incidents,PO1-IM1,situation,decrease,count,Civil Affairs\n' +
				'K2,% feel safe,PO1-OC1,perception,increase,percent,Human Rights\n'
		)
	]);
	expect(report.ok, JSON.stringify(report.files[0]?.errors)).toBe(true);
	return db;
}

const errorsOf = (report: Awaited<ReturnType<typeof importFiles>>) =>
	report.files.flatMap((f) => f.errors);

describe('observation imports', () => {
	test('figures of their indicators in their areas are imported', async () => {
		const db = await mission();
		const report = await importFiles(db, pat, [
			csv('north.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,4\nK1,2024-03,N,9\n')
		]);
		expect(errorsOf(report)).toEqual([]);
		expect(report.files[0]).toMatchObject({ inserted: 2 });
	});

	test('a line outside their areas or components is refused by line, column and value, and nothing is written', async () => {
		const db = await mission();
		const before = tableCounts(db);
		const report = await importFiles(db, pat, [
			csv(
				'mixed.csv',
				'indicator_code,period,area_code,value,numerator,denominator\n' +
					'K1,2024-03,N1,4,,\n' +
					'K1,2024-03,S,2,,\n' +
					'K2,2024-Q2,N1,,10,20\n' +
					'K1,2024-03,,6,,\n'
			)
		]);
		expect(report.ok).toBe(false);
		expect(errorsOf(report)).toEqual([
			{
				line: 3,
				column: 'area_code',
				value: 'S',
				message: 'S is outside the areas assigned to you (N).'
			},
			{
				line: 4,
				column: 'indicator_code',
				value: 'K2',
				message:
					'Indicator K2 belongs to Human Rights, outside the components assigned to you (Civil Affairs).'
			},
			{
				line: 5,
				column: 'area_code',
				value: '',
				message: 'The whole mission (a blank area) is outside the areas assigned to you (N).'
			}
		]);
		expect(tableCounts(db)).toEqual(before);
	});

	test('with "import only the valid rows" the lines outside are skipped like any bad line', async () => {
		const db = await mission();
		const file = csv(
			'mixed.csv',
			'indicator_code,period,area_code,value\nK1,2024-03,N1,4\nK1,2024-03,S,2\n'
		);
		const checked = await importFiles(db, pat, [file], { dryRun: true });
		const issues = errorsOf(checked);
		const skip = { lines: new Set(issues.map((i) => i.line!)), issues };
		const report = await importFiles(db, pat, [file], { skip });
		expect(report.ok).toBe(true);
		expect(report.files[0]).toMatchObject({ inserted: 1 });
	});

	test('a wide file is checked the same way', async () => {
		const db = await mission();
		const report = await importFiles(db, pat, [
			csv('wide.csv', 'indicator_code,area_code,2024-05,2024-06\nK1,N2,1,2\nK1,S,3,4\n')
		]);
		expect(errorsOf(report)).toEqual([
			{
				line: 3,
				column: 'area_code',
				value: 'S',
				message: 'S is outside the areas assigned to you (N).'
			}
		]);
	});

	test('a line outside that changes nothing (an export imported back) is fine', async () => {
		const db = await mission();
		const report = await importFiles(db, pat, [
			csv('back.csv', 'indicator_code,period,area_code,numerator,denominator\nK2,2024-Q1,,30,90\n')
		]);
		expect(errorsOf(report)).toEqual([]);
		expect(report.files[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
	});

	test('a planner without assignments, and an administrator, work on the whole mission', async () => {
		const db = await mission();
		const line = 'indicator_code,period,area_code,value\nK1,2024-03,S,2\n';
		const everyone: Actor = { username: 'sam', role: 'planner', cleared: false };
		expect((await importFiles(db, everyone, [csv('a.csv', line)])).ok).toBe(true);
		expect((await importFiles(db, { ...admin, scope: pat.scope }, [csv('b.csv', line)])).ok).toBe(
			true
		);
	});
});

describe('framework and indicators', () => {
	const indicatorFile = (row: string) =>
		csv(
			'indicators.csv',
			`indicator_code,indicator_title,result_code,category,direction,measure,component\n${row}\n`
		);

	test('a planner creates and edits indicators of their components', async () => {
		const db = await mission();
		const report = await importFiles(db, pat, [
			indicatorFile(
				'K9,Alerts answered,PO1-OC1,capacity,increase,count,Civil Affairs;UNPOL\n' +
					'K1,Incidents reported,PO1-IM1,situation,decrease,count,Civil Affairs'
			)
		]);
		expect(errorsOf(report)).toEqual([]);
		expect(report.files[0]).toMatchObject({ inserted: 1, updated: 1 });
	});

	test('an indicator of another component, or one moved to another, is refused', async () => {
		const db = await mission();
		const report = await importFiles(db, pat, [
			indicatorFile(
				'K9,Alerts answered,PO1-OC1,capacity,increase,count,Human Rights\n' +
					'K2,% feel safe,PO1-OC1,perception,increase,percent,Civil Affairs\n' +
					'K1,Incidents,PO1-IM1,situation,decrease,count,Force'
			)
		]);
		expect(errorsOf(report)).toEqual([
			{
				line: 2,
				column: 'component',
				value: 'Human Rights',
				message:
					'Indicator K9 belongs to Human Rights, outside the components assigned to you (Civil Affairs).'
			},
			{
				line: 3,
				column: 'indicator_code',
				value: 'K2',
				message:
					'Indicator K2 belongs to Human Rights, outside the components assigned to you (Civil Affairs).'
			},
			{
				line: 4,
				column: 'component',
				value: 'Force',
				message:
					'Indicator K1 belongs to Force, outside the components assigned to you (Civil Affairs).'
			}
		]);
		expect(findStoredIndicator(db, 'K9')).toBeUndefined();
	});

	test('framework nodes: theirs are written, others refused by line, column and value', async () => {
		const db = await mission();
		const header =
			'result_code,result_level,result_title,parent_result,component\n' +
			'PO1-OC2,outcome,Communities alert,PO1-IM1,Civil Affairs\n';
		expect(errorsOf(await importFiles(db, pat, [csv('ok.csv', header)]))).toEqual([]);
		const refused = await importFiles(db, pat, [
			csv(
				'bad.csv',
				'result_code,result_level,result_title,parent_result,component\n' +
					'PO1-OC1,outcome,Forces respond faster,PO1-IM1,Force;UNPOL\n' +
					'PO1-OC3,outcome,Courts work,PO1-IM1,\n'
			)
		]);
		expect(errorsOf(refused)).toEqual([
			{
				line: 2,
				column: 'result_code',
				value: 'PO1-OC1',
				message:
					'PO1-OC1 belongs to Force; UNPOL, outside the components assigned to you (Civil Affairs).'
			},
			{
				line: 3,
				column: 'component',
				value: '',
				message:
					'PO1-OC3 names no component, so it is outside the components assigned to you (Civil Affairs).'
			}
		]);
	});

	test('the editor shows the refusal on the form’s fields', async () => {
		const db = await mission();
		const node = nodeFields(db, findNode(db, 'PO1-OC1')!);
		const created = await createNode(db, pat, {
			...node,
			result_code: 'PO1-OC7',
			component: 'Human Rights'
		});
		expect(created).toEqual({
			ok: false,
			errors: {
				component:
					'PO1-OC7 belongs to Human Rights, outside the components assigned to you (Civil Affairs).'
			}
		});
		const { result_code: _c, result_level: _l, parent_result: _p, ...rest } = node;
		const edited = await editNode(db, pat, 'PO1-OC1', { ...rest, result_title: 'Mine now' });
		expect(edited.ok).toBe(false);
		expect(!edited.ok && edited.errors.result_code).toContain('PO1-OC1 belongs to Force; UNPOL');
		expect(findNode(db, 'PO1-OC1')?.title).toBe('Forces respond');

		const k2 = findStoredIndicator(db, 'K2')!;
		const { indicator_code: _k, ...fields } = indicatorFields('PO1-OC1', k2);
		const indicator = await editIndicator(db, pat, 'K2', { ...fields, unit: 'people' }, []);
		expect(indicator.ok).toBe(false);
		expect(!indicator.ok && indicator.errors.indicator_code).toContain('Human Rights');
	});

	test('retiring: only nodes and indicators of their components', async () => {
		const db = await mission();
		expect(retireIndicator(db, pat, 'K2')).toEqual({
			ok: false,
			message:
				'Indicator K2 belongs to Human Rights, outside the components assigned to you (Civil Affairs).'
		});
		expect(retireNode(db, pat, 'PO1-OC1', { withEverythingBelow: true }).ok).toBe(false);
		expect(findNode(db, 'PO1-OC1')?.retired).toBe(false);
		expect(retireIndicator(db, pat, 'K1').ok).toBe(true);
	});

	test('a planner limited to areas only edits every component', async () => {
		const db = await mission();
		const report = await importFiles(db, northOnly, [
			indicatorFile('K2,% feel safe,PO1-OC1,perception,increase,percent,Force')
		]);
		expect(report.ok).toBe(true);
	});
});

describe('areas', () => {
	test('a planner edits areas and populations within their subtrees', async () => {
		const db = await mission();
		const added = await addArea(db, northOnly, {
			code: 'N3',
			name: 'North Three',
			parent: 'N',
			level: 'territory',
			population: '1000',
			year: '2024'
		});
		expect(added.ok).toBe(true);
		expect(
			(await editArea(db, northOnly, { code: 'N1', name: 'Beni', parent: 'N', level: '' })).ok
		).toBe(true);
		expect(
			(await setPopulation(db, northOnly, { code: 'N2', population: '60000', year: '2025' })).ok
		).toBe(true);
	});

	test('areas outside, or moved out of or into their subtrees, are refused by line, column and value', async () => {
		const db = await mission();
		const before = tableCounts(db);
		const report = await importFiles(db, northOnly, [
			csv(
				'areas.csv',
				'area_code,area_name,parent_area,population,population_year\n' +
					'S,South (renamed),,,\n' +
					'S3,South Three,S,,\n' +
					'N1,North One,S,,\n' +
					'N,North,S,,\n' +
					'N2,North Two,N,,\n'
			)
		]);
		expect(errorsOf(report)).toEqual([
			{
				line: 2,
				column: 'area_code',
				value: 'S',
				message: 'S is outside the areas assigned to you (N).'
			},
			{
				line: 3,
				column: 'parent_area',
				value: 'S',
				message: 'S is outside the areas assigned to you (N).'
			},
			{
				line: 4,
				column: 'parent_area',
				value: 'S',
				message: 'S is outside the areas assigned to you (N).'
			},
			{
				line: 5,
				column: 'parent_area',
				value: 'S',
				message: 'S is outside the areas assigned to you (N).'
			}
		]);
		expect(tableCounts(db)).toEqual(before);
	});

	test('a population outside is refused on the form', async () => {
		const db = await mission();
		const result = await setPopulation(db, northOnly, {
			code: 'S',
			population: '1',
			year: '2024'
		});
		expect(result.ok).toBe(false);
		expect(JSON.stringify(result)).toContain('S is outside the areas assigned to you (N).');
	});

	test('a planner limited to components only edits every area', async () => {
		const db = await mission();
		expect(
			(await editArea(db, civilAffairsOnly, { code: 'S', name: 'Sud', parent: '', level: '' })).ok
		).toBe(true);
	});
});

describe('undo', () => {
	test('a planner undoes a batch whose figures are all in their scope', async () => {
		const db = await mission();
		const report = await importFiles(db, pat, [
			csv('north.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,4\n')
		]);
		expect(undoBatch(db, pat, report.files[0]!.batchId!).ok).toBe(true);
	});

	test('a batch with a figure outside their scope is refused, and nothing is undone', async () => {
		const db = await mission();
		const report = await importFiles(db, admin, [
			csv('both.csv', 'indicator_code,period,area_code,value\nK1,2024-03,N1,4\nK1,2024-03,S,2\n')
		]);
		const id = report.files[0]!.batchId!;
		const before = tableCounts(db);
		expect(undoBatch(db, pat, id)).toEqual({
			ok: false,
			problem: 'outside_scope',
			batchId: id,
			message: `Import #${id} has figures outside your scope: S is outside the areas assigned to you (N). Only someone whose scope covers every figure of it may undo it; nothing was undone.`
		});
		// the page and POST /api/v1/imports/{id}/undo answer 403: understood, not allowed
		expect(PROBLEM_STATUS.outside_scope).toBe(403);
		expect(tableCounts(db)).toEqual(before);
		expect(undoBatch(db, admin, id).ok).toBe(true);
	});

	test('figures a batch replaced count too, by the indicator they had', async () => {
		const db = await mission();
		// the basic file's K2 figure is mission-wide and Human Rights'
		const report = await importFiles(db, civilAffairsOnly, [
			csv('k1.csv', 'indicator_code,period,area_code,value\nK1,2024-01,N1,6\n')
		]);
		const id = report.files[0]!.batchId!;
		expect(undoBatch(db, pat, id).ok).toBe(true);
		const basicBatch = id - 2; // basic observations, then the components file, then k1.csv
		const refused = undoBatch(db, civilAffairsOnly, basicBatch);
		expect(refused.ok).toBe(false);
		expect(refused.message).toContain('Indicator K2 belongs to Human Rights');
	});
});

describe('caveats', () => {
	const input = { indicator: 'K1', area: 'N1', period: '2024-Q1', text: 'No access in March.' };

	test('on their indicators and areas', () => {
		return mission().then((db) => {
			const added = addCaveat(db, pat, input);
			expect(added.ok).toBe(true);
			const id = (added as { id: number }).id;
			expect(updateCaveat(db, pat, id, { ...input, text: 'Roads cut.' }).ok).toBe(true);
			expect(deleteCaveat(db, pat, id)).toBe(true);
		});
	});

	test('refused on other indicators, other areas, or every indicator', async () => {
		const db = await mission();
		expect(addCaveat(db, pat, { ...input, indicator: 'K2' })).toEqual({
			ok: false,
			errors: {
				indicator:
					'Indicator K2 belongs to Human Rights, outside the components assigned to you (Civil Affairs).'
			}
		});
		expect(addCaveat(db, pat, { ...input, area: 'S' })).toEqual({
			ok: false,
			errors: { area: 'S is outside the areas assigned to you (N).' }
		});
		expect(addCaveat(db, pat, { ...input, indicator: null }).ok).toBe(false);
		expect(addCaveat(db, pat, { ...input, area: null }).ok).toBe(false);
	});

	test('a caveat outside may not be changed or deleted', async () => {
		const db = await mission();
		const added = addCaveat(db, admin, { ...input, indicator: 'K2' });
		const id = (added as { id: number }).id;
		expect(updateCaveat(db, pat, id, input)).toEqual({
			ok: false,
			errors: {
				id: 'Indicator K2 belongs to Human Rights, outside the components assigned to you (Civil Affairs).'
			}
		});
		expect(() => deleteCaveat(db, pat, id)).toThrow(OutsideScope);
		expect(deleteCaveat(db, admin, id)).toBe(true);
	});
});
