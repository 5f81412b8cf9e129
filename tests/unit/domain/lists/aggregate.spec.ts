import { describe, expect, test } from 'vitest';
import {
	openList,
	type ListIssue,
	type ListSetup,
	type RulePlan
} from '$lib/domain/lists/aggregate';
import type { ListArea } from '$lib/domain/lists/area-match';
import { findListColumn } from '$lib/domain/lists/list-columns';
import { coveredPeriods, ruleFigures, type ListFigure } from '$lib/domain/lists/list-figures';
import type { ListRule, RuleValue } from '$lib/domain/lists/rule';
import type { Granularity } from '$lib/domain/period';

const AREAS: ListArea[] = [
	{ id: 1, code: 'NK', name: 'Nord-Kivu', parentId: null, level: 'province' },
	{ id: 2, code: 'BNI', name: 'Beni', parentId: 1, level: 'territory' },
	{ id: 3, code: 'LUB', name: 'Lubero', parentId: 1, level: 'territory' },
	{ id: 4, code: 'IT', name: 'Ituri', parentId: null, level: 'province' },
	{ id: 5, code: 'DJU', name: 'Djugu', parentId: 4, level: 'territory' },
	{ id: 9, code: 'XX', name: 'Unlocated', parentId: null, level: null }
];

function rule(value: RuleValue, more: Partial<ListRule> = {}): ListRule {
	return {
		source: 'log',
		indicatorCode: 'CIV',
		value,
		dateColumn: 'date',
		areaColumn: 'area',
		where: [],
		dimensions: [],
		weightColumn: null,
		unlocatedArea: null,
		verification: null,
		...more
	};
}

function plan(r: ListRule, frequency: Granularity = 'month', nonNegative = true): RulePlan {
	return { rule: r, frequency, nonNegative };
}

/** A comma file's numbers, enough for these tests (the importer passes its own reader). */
function readNumber(text: string) {
	return /^-?\d+(\.\d+)?$/.test(text.trim())
		? ({ ok: true, value: Number(text) } as const)
		: ({ ok: false, message: 'is not a number' } as const);
}

function setup(rules: RulePlan[], categories = new Map<string, string[]>()): ListSetup {
	return { rules, areas: AREAS, categories, readNumber };
}

/** Runs a list (a header row then data rows, lines from 2) and returns issues and figures. */
function run(
	rules: RulePlan[],
	table: string[][],
	options: { held?: number[]; categories?: Map<string, string[]> } = {}
) {
	const issues: ListIssue[] = [];
	const [header, ...rows] = table;
	const list = openList(setup(rules, options.categories), header!, (i) => issues.push(i));
	if (!list) return { issues, figures: [] as ListFigure[][], aggregate: null };
	rows.forEach((cells, i) => list.row(i + 2, cells));
	const aggregate = list.finish();
	const figures = aggregate.rules.map((r) =>
		ruleFigures(r, aggregate.periods, new Set(options.held ?? []))
	);
	return { issues, figures, aggregate };
}

/** Figures as compact text, sorted: "2024-01 BNI {} = 2". */
function shown(figures: ListFigure[]): string[] {
	const code = new Map(AREAS.map((a) => [a.id, a.code]));
	return figures
		.map((f) => {
			const dims = Object.entries(f.dimensions)
				.map(([k, v]) => `${k}:${v}`)
				.join(',');
			const pair =
				f.numerator === null ? '' : ` (${f.numerator}/${f.denominator} n=${f.sampleSize})`;
			return `${f.period.label} ${code.get(f.areaId)} {${dims}} = ${f.value}${pair}`;
		})
		.sort();
}

const INCIDENTS = [
	['id', 'date', 'area', 'type', 'deaths', 'notes'],
	['1', '2024-01-03', 'BNI', 'attack', '2', 'free text'],
	['2', '2024-01-20T10:00:00Z', 'beni', 'Attack ', '', ''],
	['3', '2024-01-21 08:00', 'LUB', 'looting', '1', ''],
	['4', '2024-03-02', 'BNI', 'ATTACK', '4', ''],
	['5', '2024-03-05', 'Lubero', 'abduction', '0', '']
];

describe('count and sum (formats.md §5.3 step 4) with zeros over the coverage (step 5)', () => {
	test('rows are counted per month and area; a covered month without rows is 0', () => {
		const { issues, figures, aggregate } = run([plan(rule({ kind: 'count' }))], INCIDENTS);
		expect(issues).toEqual([]);
		expect(aggregate!.rows).toBe(5);
		expect(aggregate!.rules[0]!.matched).toBe(5);
		expect(shown(figures[0]!)).toEqual([
			'2024-01 BNI {} = 2',
			'2024-01 LUB {} = 1',
			'2024-02 BNI {} = 0',
			'2024-02 LUB {} = 0',
			'2024-03 BNI {} = 1',
			'2024-03 LUB {} = 1'
		]);
		expect(figures[0]!.find((f) => f.value === 2)!.rows).toBe(2);
	});

	test('where: trimmed, case-insensitive, all conditions hold; != excludes', () => {
		const attacks = rule(
			{ kind: 'count' },
			{ where: [{ column: 'type', negated: false, values: ['attack'] }] }
		);
		const notAttacks = rule(
			{ kind: 'count' },
			{
				indicatorCode: 'OTHER',
				where: [{ column: 'TYPE', negated: true, values: ['attack', 'LOOTING'] }]
			}
		);
		const { figures, aggregate } = run([plan(attacks), plan(notAttacks)], INCIDENTS);
		expect(aggregate!.rules.map((r) => r.matched)).toEqual([3, 1]);
		expect(shown(figures[0]!)).toEqual([
			'2024-01 BNI {} = 2',
			'2024-01 LUB {} = 0',
			'2024-02 BNI {} = 0',
			'2024-02 LUB {} = 0',
			'2024-03 BNI {} = 1',
			'2024-03 LUB {} = 0'
		]);
		expect(shown(figures[1]!).filter((f) => !f.endsWith('= 0'))).toEqual(['2024-03 LUB {} = 1']);
	});

	test('sum adds a column, a blank cell adding 0; per quarter for a quarterly indicator', () => {
		const { figures } = run([plan(rule({ kind: 'sum', column: 'deaths' }), 'quarter')], INCIDENTS);
		expect(shown(figures[0]!)).toEqual(['2024-Q1 BNI {} = 6', '2024-Q1 LUB {} = 1']);
	});

	test('the covered areas include those where the rule already holds figures', () => {
		const { figures } = run([plan(rule({ kind: 'count' }), 'quarter')], INCIDENTS, { held: [5] });
		expect(shown(figures[0]!)).toContain('2024-Q1 DJU {} = 0');
	});

	test('the coverage runs over every row, matched or not', () => {
		const late = rule(
			{ kind: 'count' },
			{ where: [{ column: 'type', negated: false, values: ['looting'] }] }
		);
		const { aggregate } = run([plan(late)], INCIDENTS);
		const periods = coveredPeriods(aggregate!.rules[0]!).map((p) => p.label);
		expect(periods).toEqual(['2024-01', '2024-02', '2024-03']);
	});

	test('a blank area goes to unlocated_area; without one it is an error with value ""', () => {
		const table = [...INCIDENTS, ['6', '2024-02-10', '  ', 'attack', '1', '']];
		const located = run([plan(rule({ kind: 'count' }, { unlocatedArea: 'XX' }))], table);
		expect(located.issues).toEqual([]);
		expect(shown(located.figures[0]!)).toContain('2024-02 XX {} = 1');
		expect(shown(located.figures[0]!)).toContain('2024-01 XX {} = 0');
		const refused = run([plan(rule({ kind: 'count' }))], table);
		expect(refused.issues).toEqual([
			expect.objectContaining({ line: 7, column: 'area', value: '' })
		]);
	});

	test('a negative cell added to a count is an error; text in a sum column is an error', () => {
		const table = [
			['date', 'area', 'deaths'],
			['2024-01-01', 'BNI', '-1'],
			['2024-01-01', 'BNI', 'many']
		];
		const { issues } = run([plan(rule({ kind: 'sum', column: 'deaths' }))], table);
		expect(issues.map((i) => [i.line, i.column, i.value])).toEqual([
			[2, 'deaths', '-1'],
			[3, 'deaths', 'many']
		]);
		expect(issues[1]!.message).toMatch(/not a number/);
		const number = run(
			[plan(rule({ kind: 'sum', column: 'deaths' }), 'month', false)],
			table.slice(0, 2)
		);
		expect(shown(number.figures[0]!)).toEqual(['2024-01 BNI {} = -1']);
	});
});

describe('dimensions', () => {
	const byType = rule({ kind: 'count' }, { dimensions: [{ dimension: 'event', column: 'type' }] });

	test('a cell matches a known category ignoring case; a blank is unknown; new ones are told', () => {
		const table = [...INCIDENTS, ['6', '2024-03-09', 'BNI', '', '', '']];
		const { figures, aggregate } = run([plan(byType)], table, {
			categories: new Map([['event', ['Attack', 'Unknown']]])
		});
		expect(shown(figures[0]!)).toEqual([
			'2024-01 BNI {event:Attack} = 2',
			'2024-01 LUB {event:looting} = 1',
			'2024-02 BNI {} = 0',
			'2024-02 LUB {} = 0',
			'2024-03 BNI {event:Attack} = 1',
			'2024-03 BNI {event:Unknown} = 1',
			'2024-03 LUB {event:abduction} = 1'
		]);
		expect(aggregate!.newCategories).toEqual([
			{ dimension: 'event', category: 'looting', line: 4, column: 'type', forBlank: false },
			{ dimension: 'event', category: 'abduction', line: 6, column: 'type', forBlank: false }
		]);
	});

	test('the first spelling of a new category is kept for the later ones', () => {
		const { figures, aggregate } = run([plan(byType)], INCIDENTS);
		expect(shown(figures[0]!).filter((f) => f.includes('attack'))).toEqual([
			'2024-01 BNI {event:attack} = 2',
			'2024-03 BNI {event:attack} = 1'
		]);
		expect(aggregate!.newCategories.map((c) => c.category)).toEqual([
			'attack',
			'looting',
			'abduction'
		]);
	});

	test("a blank cell makes the category unknown, marked as the product's own", () => {
		const table = [
			['date', 'area', 'type'],
			['2024-01-01', 'BNI', '']
		];
		const { figures, aggregate } = run([plan(byType)], table);
		expect(shown(figures[0]!)).toEqual(['2024-01 BNI {event:unknown} = 1']);
		expect(aggregate!.newCategories[0]!.forBlank).toBe(true);
	});

	test('two dimensions key the groups together', () => {
		const two = rule(
			{ kind: 'count' },
			{
				dimensions: [
					{ dimension: 'event', column: 'type' },
					{ dimension: 'sex', column: 'sex' }
				]
			}
		);
		const table = [
			['date', 'area', 'type', 'sex'],
			['2024-01-01', 'BNI', 'attack', 'F'],
			['2024-01-02', 'BNI', 'attack', 'f'],
			['2024-01-03', 'BNI', 'attack', 'M']
		];
		expect(shown(run([plan(two)], table).figures[0]!)).toEqual([
			'2024-01 BNI {event:attack,sex:F} = 2',
			'2024-01 BNI {event:attack,sex:M} = 1'
		]);
	});
});

describe('share, mean and days write pairs and no zeros', () => {
	const survey = [
		['_submission_time', 'area', 'group_safety/feel_safe', 'group_hh/weight', 'age'],
		['2024-05-01T09:00:00', 'BNI', 'Yes', '1.5', '30'],
		['2024-05-02T09:00:00', 'BNI', 'no', '0.5', ''],
		['2024-05-03T09:00:00', 'BNI', '', '2', '40'],
		['2024-07-03T09:00:00', 'LUB', 'YES ', '1', '20']
	];

	test('share: weights of the rows holding a value among the rows with a value', () => {
		const share = rule(
			{ kind: 'share', column: 'feel_safe', values: ['yes', 'very much'] },
			{ dateColumn: '_submission_time', weightColumn: 'weight' }
		);
		const { issues, figures } = run([plan(share, 'quarter')], survey);
		expect(issues).toEqual([]);
		expect(shown(figures[0]!)).toEqual([
			'2024-Q2 BNI {} = 75 (1.5/2 n=2)',
			'2024-Q3 LUB {} = 100 (1/1 n=1)'
		]);
	});

	test('mean: weighted total over the weights of rows with a value', () => {
		const mean = rule(
			{ kind: 'mean', column: 'age' },
			{ dateColumn: '_submission_time', weightColumn: 'group_hh/weight' }
		);
		const { figures } = run([plan(mean, 'quarter')], survey);
		expect(shown(figures[0]!)).toEqual([
			'2024-Q2 BNI {} = 35.714285714285715 (125/3.5 n=2)',
			'2024-Q3 LUB {} = 20 (20/1 n=1)'
		]);
	});

	test('a blank, zero or negative weight on a row the rule uses is an error', () => {
		const table = [
			['date', 'area', 'answer', 'w'],
			['2024-01-01', 'BNI', 'yes', ''],
			['2024-01-01', 'BNI', 'yes', '0'],
			['2024-01-01', 'BNI', 'yes', '-2'],
			['2024-01-01', 'BNI', '', ''],
			['2024-01-01', 'BNI', 'no', 'heavy']
		];
		const share = rule({ kind: 'share', column: 'answer', values: ['yes'] }, { weightColumn: 'w' });
		const { issues } = run([plan(share)], table);
		expect(issues.map((i) => [i.line, i.column, i.value])).toEqual([
			[2, 'w', ''],
			[3, 'w', '0'],
			[4, 'w', '-2'],
			[6, 'w', 'heavy']
		]);
	});

	test('days: the mean number of days from FROM to TO over rows with both dates', () => {
		const alerts = [
			['alert_id', 'received', 'responded', 'area'],
			['A1', '2024-01-01', '2024-01-03', 'BNI'],
			['A2', '2024-01-10T22:00', '2024-01-11 06:00', 'BNI'],
			['A3', '2024-01-12', '', 'BNI'],
			['A4', '2024-02-27', '2024-03-02', 'LUB']
		];
		const days = rule(
			{ kind: 'days', from: 'received', to: 'responded' },
			{ dateColumn: 'received' }
		);
		const { issues, figures } = run([plan(days)], alerts);
		expect(issues).toEqual([]);
		expect(shown(figures[0]!)).toEqual([
			'2024-01 BNI {} = 1.5 (3/2 n=2)',
			'2024-02 LUB {} = 4 (4/1 n=1)'
		]);
	});

	test('days: a response dated before its alert is an error on the TO column', () => {
		const alerts = [
			['received', 'responded', 'area'],
			['2024-01-05', '2024-01-03', 'BNI'],
			['2024-01-05', '03/01/2024', 'BNI']
		];
		const days = rule(
			{ kind: 'days', from: 'received', to: 'responded' },
			{ dateColumn: 'received' }
		);
		const { issues } = run([plan(days)], alerts);
		expect(issues.map((i) => [i.line, i.column, i.value])).toEqual([
			[2, 'responded', '2024-01-03'],
			[3, 'responded', '03/01/2024']
		]);
		expect(issues[0]!.message).toMatch(/before/);
	});

	test('a group with no row used gives no figure', () => {
		const table = [
			['date', 'area', 'age'],
			['2024-01-01', 'BNI', '']
		];
		const { figures } = run([plan(rule({ kind: 'mean', column: 'age' }))], table);
		expect(figures[0]).toEqual([]);
	});
});

describe('bad rows refuse the list, each error once with line, column and value', () => {
	test("every rule reads every row's date and area, matched or not", () => {
		const table = [
			['date', 'area', 'type'],
			['15/01/2024', 'BNI', 'other'],
			['2024-02-30', 'Atlantis', 'other'],
			['2024-01-01', 'BNI', 'attack']
		];
		const r = rule(
			{ kind: 'count' },
			{ where: [{ column: 'type', negated: false, values: ['attack'] }] }
		);
		const second = { ...r, indicatorCode: 'TWO' };
		const { issues } = run([plan(r), plan(second)], table);
		expect(issues.map((i) => [i.line, i.column, i.value])).toEqual([
			[2, 'date', '15/01/2024'],
			[3, 'date', '2024-02-30'],
			[3, 'area', 'Atlantis']
		]);
	});

	test('an area and one of its descendants: an error on the first row naming the coarser', () => {
		const table = [
			['date', 'area'],
			['2024-01-01', 'BNI'],
			['2024-01-02', 'Nord-Kivu'],
			['2024-01-03', 'NK'],
			['2024-01-04', 'LUB']
		];
		const { issues } = run([plan(rule({ kind: 'count' }))], table);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ line: 3, column: 'area', value: 'Nord-Kivu' });
		expect(issues[0]!.message).toMatch(/Nord-Kivu \(NK\).*Beni \(BNI\)/);
	});

	test('a column a rule names and the file lacks refuses it, naming rule and column', () => {
		const r = rule(
			{ kind: 'sum', column: 'fatalities' },
			{ where: [{ column: 'kind', negated: false, values: ['x'] }] }
		);
		const { issues, aggregate } = run([plan(r)], INCIDENTS);
		expect(aggregate).toBeNull();
		expect(issues.map((i) => [i.line, i.column, i.value])).toEqual([
			[1, 'kind', null],
			[1, 'fatalities', null]
		]);
		expect(issues[1]!.message).toMatch(/The rule log → CIV reads the column "fatalities"/);
	});

	test('an unlocated_area that is no area refuses the list', () => {
		const { issues, aggregate } = run(
			[plan(rule({ kind: 'count' }, { unlocatedArea: 'GONE' }))],
			INCIDENTS
		);
		expect(aggregate).toBeNull();
		expect(issues[0]).toMatchObject({ column: 'unlocated_area', value: 'GONE' });
	});
});

describe('columns of the list by name (KoboToolbox group paths)', () => {
	const headers = [
		'_submission_time',
		'group_safety/feel_safe',
		'Group HH/Weight',
		'a/q',
		'b/q',
		'Area Name'
	];

	test('exactly, ignoring case, surrounding spaces; spaces, hyphens, underscores equivalent', () => {
		expect(findListColumn(headers, ' _SUBMISSION_TIME ')).toEqual({ ok: true, position: 0 });
		expect(findListColumn(headers, 'area-name')).toEqual({ ok: true, position: 5 });
	});

	test('by the question name inside its group, or by the whole path', () => {
		expect(findListColumn(headers, 'feel_safe')).toEqual({ ok: true, position: 1 });
		expect(findListColumn(headers, 'feel safe')).toEqual({ ok: true, position: 1 });
		expect(findListColumn(headers, 'group_safety/feel_safe')).toEqual({ ok: true, position: 1 });
		expect(findListColumn(headers, 'weight')).toEqual({ ok: true, position: 2 });
	});

	test('a question in two groups is ambiguous; a missing one is missing', () => {
		expect(findListColumn(headers, 'q')).toEqual({
			ok: false,
			reason: 'ambiguous',
			candidates: ['a/q', 'b/q']
		});
		expect(findListColumn(headers, 'other/feel_safe')).toEqual({ ok: false, reason: 'missing' });
		expect(findListColumn(headers, 'safe')).toEqual({ ok: false, reason: 'missing' });
	});
});
