/**
 * formats.md §1.1–§1.4: the columns and rules of each kind of file, through the command line.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	actuals,
	exportCsv,
	importTexts,
	indicators,
	load,
	series,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

type Where = [number | null, string | null, string | null];

/** The exit code, and the errors of the files as [line, column, value]. */
async function errorsOf(files: Record<string, string>): Promise<{ code: number; errors: Where[] }> {
	const { code, report } = await importTexts(files);
	return {
		code,
		errors: report.files.flatMap((f) => f.errors.map((e): Where => [e.line, e.column, e.value]))
	};
}

describe('§1.1 areas', () => {
	test('blank parent_area is top level; the mission is the root of the top-level areas', async () => {
		await load({
			'areas.csv': [
				'area_code,area_name,parent_area,area_level',
				'N,North,,province',
				'N1,North One,N,territory',
				'N2,North Two,N,territory',
				'S,South,,province'
			].join('\n'),
			'framework.csv': FRAMEWORK,
			'indicators.csv': indicators('C,Incidents,PO1-IM1,situation,decrease,count,,month,'),
			'obs.csv':
				'indicator_code,period,area_code,value\nC,2024-01,N1,1\nC,2024-01,N2,2\nC,2024-01,S,4\n'
		});
		// N = N1 + N2 = 3; the mission = N + S = 7
		expect(await actuals('C', '--area', 'N')).toEqual({ '2024-01': 3 });
		expect(await actuals('C')).toEqual({ '2024-01': 7 });
		expect((await series('C')).area).toBeNull();
	});

	test('a figure with a blank area is a mission-wide figure', async () => {
		await load({
			'areas.csv': 'area_code,area_name\nN,North\n',
			'framework.csv': FRAMEWORK,
			'indicators.csv': indicators('C,Incidents,PO1-IM1,situation,decrease,count,,month,'),
			'obs.csv': 'indicator_code,period,area_code,value\nC,2024-01,,9\nC,2024-01,N,2\n'
		});
		expect(await actuals('C')).toEqual({ '2024-01': 9 });
		expect(await actuals('C', '--area', 'N')).toEqual({ '2024-01': 2 });
	});

	test('an unknown parent is an error', async () => {
		const r = await errorsOf({
			'areas.csv': 'area_code,area_name,parent_area\nN,North,\nN1,North One,NX\n'
		});
		expect(r).toEqual({ code: 1, errors: [[3, 'parent_area', 'NX']] });
	});

	test('a cycle is an error', async () => {
		const r = await errorsOf({
			'areas.csv': 'area_code,area_name,parent_area\nA,Alpha,B\nB,Beta,C\nC,Gamma,A\n'
		});
		expect(r.code).toBe(1);
		expect(r.errors.length).toBeGreaterThan(0);
		expect(r.errors.every(([, column]) => column === 'parent_area')).toBe(true);
	});

	test.each([
		['name', 'N1,North One,N,territory,100,2023\nN1,North 1,N,territory,120,2024', 'area_name'],
		[
			'parent',
			'N1,North One,N,territory,100,2023\nN1,North One,,territory,120,2024',
			'parent_area'
		],
		['level', 'N1,North One,N,territory,100,2023\nN1,North One,N,district,120,2024', 'area_level']
	])('two rows for one code that disagree on %s are an error', async (_, rows, column) => {
		const r = await errorsOf({
			'areas.csv': `area_code,area_name,parent_area,area_level,population,population_year\nN,North,,province,,\n${rows}\n`
		});
		expect(r.code).toBe(1);
		expect(r.errors).toEqual([[4, column, expect.any(String)]]);
	});

	test('several rows for one area with different years give a population per year', async () => {
		const { report } = await importTexts({
			'areas.csv': [
				'area_code,area_name,parent_area,area_level,population,population_year',
				'N1,North One,,territory,100000,2023',
				'N1,North One,,territory,120000,2024'
			].join('\n')
		});
		expect(report.files[0]).toMatchObject({ rows: 2, inserted: 2, errors: [] });
		const csv = (await exportCsv('areas')).stdout;
		expect(csv).toContain('N1,North One,,territory,100000,2023');
		expect(csv).toContain('N1,North One,,territory,120000,2024');
	});
});

describe('§1.2 framework', () => {
	test('the four levels with their parents, and every optional column, are kept', async () => {
		await load({
			'framework.csv': [
				'result_code,result_level,result_title,parent_result,driver_of_change,critical_condition,component,tier,description',
				'PO1,objective,Civilians protected,,,,,,The mission’s first objective',
				'PO1-IM1,impact,Threat reduced,PO1,Armed groups weaken,,,II,',
				'PO1-OC1,outcome,Forces respond,PO1-IM1,,Presence of forces,Force;UNPOL,II,',
				'PO1-OP3,output,Patrols conducted,PO1-OC1,,,Force,III,'
			].join('\n')
		});
		const csv = (await exportCsv('framework')).stdout;
		expect(csv).toContain('PO1-IM1,impact,Threat reduced,PO1,Armed groups weaken,,,II,');
		expect(csv).toContain(
			'PO1-OC1,outcome,Forces respond,PO1-IM1,,Presence of forces,Force;UNPOL,II,'
		);
		expect(csv).toContain('PO1-OP3,output,Patrols conducted,PO1-OC1,,,Force,III,');
	});

	test.each([
		['an outcome under an objective', 'PO1-OC9,outcome,X,PO1', 'PO1'],
		['an output under an impact', 'PO1-OP9,output,X,PO1-IM1', 'PO1-IM1'],
		['an impact under an outcome', 'PO1-IM9,impact,X,PO1-OC1', 'PO1-OC1'],
		['an unknown parent', 'PO1-OP9,output,X,PO1-OC7', 'PO1-OC7'],
		['a parent on an objective', 'PO9,objective,X,PO1', 'PO1'],
		['no parent on an impact', 'PO1-IM9,impact,X,', '']
	])('%s is an error on parent_result', async (_, row, value) => {
		await load({ 'framework.csv': FRAMEWORK });
		const r = await errorsOf({
			'fw.csv': `result_code,result_level,result_title,parent_result\n${row}\n`
		});
		expect(r).toEqual({ code: 1, errors: [[2, 'parent_result', value]] });
	});

	test.each([
		['result_level', 'goal'],
		['tier', 'IV']
	])('%s only takes the values of the contract ("%s" is an error)', async (column, value) => {
		const row = column === 'tier' ? `PO2,objective,X,,${value}` : `PO2,${value},X,,`;
		const r = await errorsOf({
			'fw.csv': `result_code,result_level,result_title,parent_result,tier\n${row}\n`
		});
		expect(r).toEqual({ code: 1, errors: [[2, column, value]] });
	});

	test('a missing required column is an error on line 1 naming it', async () => {
		const r = await errorsOf({ 'fw.csv': 'result_code,result_level\nPO1,objective\n' });
		expect(r).toEqual({ code: 1, errors: [[1, 'result_title', null]] });
	});
});

describe('§1.3 indicators', () => {
	const HEADER =
		'indicator_code,indicator_title,result_code,category,direction,measure,aggregation,frequency,dimensions,baseline_value,baseline_period,tier,unit,data_source,component,definition,sensitivity';

	test('every column of the contract is kept, and sensitivity defaults to internal', async () => {
		await load({
			'framework.csv': FRAMEWORK,
			'indicators.csv': [
				HEADER,
				'PO1-K3,Area patrolled,PO1-OP1,capacity,increase,number,max,quarter,,1200,2023,III,km²,Force reports,Force,Square km covered,public',
				'1.2.1,Casualties,PO1-IM1,situation,decrease,count,,month,sex;age,,,,,,,,'
			].join('\n')
		});
		const csv = (await exportCsv('indicators')).stdout;
		expect(csv).toContain(
			'PO1-K3,Area patrolled,PO1-OP1,capacity,increase,number,max,quarter,,1200,2023,III,km²,Force reports,Force,Square km covered,public'
		);
		// default aggregation of a count: sum; default sensitivity: internal
		expect(csv).toContain('1.2.1,Casualties,PO1-IM1,situation,decrease,count,sum,month,sex;age,');
		expect(csv).toMatch(/1\.2\.1,.*,internal\n/);
	});

	test.each([
		['category', 'outcome'],
		['direction', 'up'],
		['measure', 'ratio'],
		['aggregation', 'median'],
		['frequency', 'week'],
		['tier', '4'],
		['sensitivity', 'secret'],
		['baseline_period', '2024-Q5'],
		['result_code', 'PO9']
	])('%s "%s" is an error', async (column, value) => {
		await load({ 'framework.csv': FRAMEWORK });
		const cells: Record<string, string> = {
			indicator_code: 'K',
			indicator_title: 'T',
			result_code: 'PO1-IM1',
			category: 'situation',
			direction: 'decrease',
			measure: 'count',
			[column]: value
		};
		const r = await errorsOf({
			'ind.csv': `${Object.keys(cells).join(',')}\n${Object.values(cells).join(',')}\n`
		});
		expect(r).toEqual({ code: 1, errors: [[2, column, value]] });
	});

	test.each(['indicator_title', 'result_code', 'category', 'direction', 'measure'])(
		'a file without the required column %s is refused on line 1 naming it',
		async (missing) => {
			const columns = HEADER.split(',')
				.slice(0, 6)
				.filter((c) => c !== missing);
			const r = await errorsOf({
				'ind.csv': `${columns.join(',')}\n${columns.map(() => 'x').join(',')}\n`
			});
			expect(r.code).toBe(1);
			expect(r.errors).toContainEqual([1, missing, null]);
		}
	);

	test.each(['period', 'value', 'area_code', 'value_type', 'verification', 'victim_name', 'phone'])(
		'a dimension may not be named "%s" (an observations column or personal data)',
		async (name) => {
			await load({ 'framework.csv': FRAMEWORK });
			const r = await errorsOf({
				'ind.csv': indicators(`K,T,PO1-IM1,situation,decrease,count,,,sex;${name}`)
			});
			expect(r).toEqual({ code: 1, errors: [[2, 'dimensions', `sex;${name}`]] });
		}
	);

	test.each(['2024', '2024-Q1', '2024-07', '2024H1', 'fy2024/25'])(
		'a dimension may not be named as a period: "%s"',
		async (name) => {
			await load({ 'framework.csv': FRAMEWORK });
			const r = await errorsOf({
				'ind.csv': indicators(`K,T,PO1-IM1,situation,decrease,count,,,sex;${name}`)
			});
			expect(r).toEqual({ code: 1, errors: [[2, 'dimensions', `sex;${name}`]] });
		}
	);

	test.each(['area_name', 'population', 'result_level', 'category', 'measure', 'dimensions'])(
		'a dimension may not be named "%s", a column of another kind of file of this contract',
		async (name) => {
			await load({ 'framework.csv': FRAMEWORK });
			const r = await errorsOf({
				'ind.csv': indicators(`K,T,PO1-IM1,situation,decrease,count,,,sex;${name}`)
			});
			expect(r).toEqual({ code: 1, errors: [[2, 'dimensions', `sex;${name}`]] });
		}
	);
});

describe('§1.4 observations, long form', () => {
	const SETUP = {
		'areas.csv': 'area_code,area_name,population\nN1,North One,100000\nN2,North Two,\n',
		'framework.csv': FRAMEWORK,
		'indicators.csv': indicators(
			'C,Incidents,PO1-IM1,situation,decrease,count,,month,sex',
			'N,Response time,PO1-OC1,capacity,decrease,number,,month,',
			'P,% feeling safe,PO1-IM1,perception,increase,percent,,month,',
			'R,Casualties per 100k,PO1-IM1,situation,decrease,per_100k,,month,',
			'A,Days to respond to an alert,PO1-OC1,capacity,decrease,average,,month,'
		)
	};

	test('every column of the long form is read and kept', async () => {
		await load(SETUP);
		const row =
			'P,2024-01,N1,40,target,unverified,20,50,50,30,50,Survey wave 3,"Asked in Lingala, Swahili"';
		await load({
			'obs.csv': `indicator_code,period,area_code,value,value_type,verification,numerator,denominator,sample_size,ci_low,ci_high,source,comment\n${row}\n`
		});
		expect((await exportCsv('observations')).stdout).toContain(row);
	});

	test('value_type defaults to actual; a target is a target', async () => {
		await load(SETUP);
		await load({
			'obs.csv': 'indicator_code,period,value,value_type\nC,2024-01,5,\nC,2024-01,4,target\n'
		});
		const s = await series('C');
		expect(s.points.map((p) => [p.actual, p.target])).toEqual([[5, 4]]);
	});

	test('percent and per_100k figures may give numerator instead of value', async () => {
		await load(SETUP);
		await load({
			'obs.csv': [
				'indicator_code,period,area_code,value,numerator,denominator',
				'P,2024-01,N1,,30,120', // 25 %
				'R,2024-01,N1,,12,', // 12 / 100 000 × 100 000 = 12
				'R,2024-02,N1,,12,60000' // its own population: 12 / 60 000 × 100 000 = 20
			].join('\n')
		});
		expect(await actuals('P')).toEqual({ '2024-01': 25 });
		expect(await actuals('R')).toEqual({ '2024-01': 12, '2024-02': 20 });
	});

	test('an average gives value, or numerator and denominator: the total and the items', async () => {
		await load(SETUP);
		await load({
			'obs.csv': [
				'indicator_code,period,area_code,value,numerator,denominator,sample_size',
				'A,2024-01,N1,,42,12,', // 42 days over 12 alerts: 3.5
				'A,2024-02,N1,2.5,,,8', // 2.5 days over 8 alerts
				'A,2024-03,N1,4,,,' // one item
			].join('\n')
		});
		expect(await actuals('A')).toEqual({ '2024-01': 3.5, '2024-02': 2.5, '2024-03': 4 });
		expect(await actuals('A', '--by', 'quarter')).toEqual({ '2024-Q1': 66 / 21 });
	});

	test.each([
		['C,2024-01,,,3,', 'value'], // a count needs value
		['N,2024-01,,,3,', 'value'], // a number needs value
		['P,2024-01,,,,', 'value'], // neither value nor numerator
		['P,2024-01,,,30,', 'denominator'], // percent: both or neither
		['P,2024-01,,50,,90', 'numerator'],
		['A,2024-01,,,,', 'value'], // neither value nor numerator
		['A,2024-01,,,42,', 'denominator'], // average: both or neither
		['A,2024-01,,,,12', 'numerator'],
		['A,2024-01,,,42,0', 'denominator'] // no items
	])('"%s" is an error on %s', async (row, column) => {
		await load(SETUP);
		const r = await errorsOf({
			'obs.csv': `indicator_code,period,area_code,value,numerator,denominator\n${row}\n`
		});
		expect(r.code).toBe(1);
		expect(r.errors.map(([line, c]) => [line, c])).toEqual([[2, column]]);
	});

	test('a per_100k figure that finds no population is refused at import', async () => {
		await load(SETUP);
		// N2 has no population, no children, and the row has no denominator
		const r = await errorsOf({
			'obs.csv': 'indicator_code,period,area_code,value,numerator\nR,2024-01,N2,,4\n'
		});
		expect(r.code).toBe(1);
		expect(r.errors).toEqual([[2, expect.any(String), expect.anything()]]);
	});

	test.each([
		['verification', 'checked'],
		['value_type', 'forecast']
	])('%s "%s" is an error', async (column, value) => {
		await load(SETUP);
		const r = await errorsOf({
			'obs.csv': `indicator_code,period,value,${column}\nC,2024-01,1,${value}\n`
		});
		expect(r).toEqual({ code: 1, errors: [[2, column, value]] });
	});

	test('verification takes verified, unverified or blank', async () => {
		await load(SETUP);
		const { report } = await importTexts({
			'obs.csv':
				'indicator_code,period,value,verification\nC,2024-01,1,verified\nC,2024-02,1,unverified\nC,2024-03,1,\n'
		});
		expect(report.files[0]).toMatchObject({ inserted: 3, errors: [] });
	});

	test('a dimension column holds the category; blank = all', async () => {
		await load(SETUP);
		await load({
			'obs.csv':
				'indicator_code,period,value,sex\nC,2024-01,3,female\nC,2024-01,4,male\nC,2024-02,9,\n'
		});
		expect(await actuals('C')).toEqual({ '2024-01': 7, '2024-02': 9 });
	});

	test('a non-blank cell in a dimension the row’s indicator does not declare is an error', async () => {
		await load(SETUP);
		const r = await errorsOf({
			'obs.csv': 'indicator_code,period,value,sex\nN,2024-01,3,female\nN,2024-02,4,\n'
		});
		expect(r).toEqual({ code: 1, errors: [[2, 'sex', 'female']] });
	});

	test.each([
		['a negative count', 'C,2024-01,,-1', 'value', '-1'],
		['a percent above 100', 'P,2024-01,,101', 'value', '101'],
		['a percent below 0', 'P,2024-01,,-1', 'value', '-1'],
		['an unknown area', 'C,2024-01,N9,1', 'area_code', 'N9'],
		['an unknown indicator', 'C9,2024-01,,1', 'indicator_code', 'C9'],
		['a bad period', 'C,2024-Q5,,1', 'period', '2024-Q5']
	])('%s is an error naming line, column and value', async (_, row, column, value) => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv': `indicator_code,period,area_code,value\n${row}\n`
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors).toEqual([
			{ line: 2, column, value, message: expect.stringMatching(/\w+ \w+ \w+/) }
		]);
	});

	test('an unknown indicator code is reported with the nearest known codes', async () => {
		await load(SETUP);
		const { report } = await importTexts({
			'obs.csv': 'indicator_code,period,value\nc,2024-01,1\n'
		});
		expect(report.files[0]!.errors[0]!.message).toContain('C');
		expect(report.files[0]!.errors[0]!.message).toMatch(/did you mean/i);
	});
});
