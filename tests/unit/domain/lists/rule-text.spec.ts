import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ListRule, RuleValue } from '$lib/domain/lists/rule';
import {
	MEASURES_FOR_VALUE,
	formatDimensions,
	formatRuleValue,
	formatWhere,
	measureProblem,
	parseDimensions,
	parseRuleValue,
	parseWhere,
	ruleCells,
	ruleColumns,
	sourceKey,
	sourceNameProblem,
	takesWeight,
	valueFitsMeasure
} from '$lib/domain/lists/rule-text';

function value(text: string): RuleValue {
	const parsed = parseRuleValue(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value;
}

function problem(parsed: { ok: boolean; message?: string }): string {
	if (parsed.ok) throw new Error('expected a refusal');
	return parsed.message!;
}

describe('parseRuleValue', () => {
	test.each<[string, RuleValue]>([
		['count', { kind: 'count' }],
		[' COUNT ', { kind: 'count' }],
		['sum(fatalities)', { kind: 'sum', column: 'fatalities' }],
		['Sum( deaths_civilians )', { kind: 'sum', column: 'deaths_civilians' }],
		['sum(Event Date)', { kind: 'sum', column: 'Event Date' }],
		['mean(group_safety/feel_safe)', { kind: 'mean', column: 'group_safety/feel_safe' }],
		['share(feel_safe=yes)', { kind: 'share', column: 'feel_safe', values: ['yes'] }],
		[
			'share( feel_safe = Very safe | Safe )',
			{ kind: 'share', column: 'feel_safe', values: ['Very safe', 'Safe'] }
		],
		// everything after the first = is values, so a value may hold =
		['share(answer=a=b)', { kind: 'share', column: 'answer', values: ['a=b'] }],
		// and parentheses: the call's text runs to the last )
		[
			'share(type=Violence (VAC)|Riots)',
			{ kind: 'share', column: 'type', values: ['Violence (VAC)', 'Riots'] }
		],
		['days(alert_date,response_date)', { kind: 'days', from: 'alert_date', to: 'response_date' }],
		[
			'DAYS( alert date , response date )',
			{ kind: 'days', from: 'alert date', to: 'response date' }
		]
	])('reads %j', (text, expected) => {
		expect(value(text)).toEqual(expected);
	});

	test.each([
		['', 'blank'],
		['   ', 'blank'],
		['counts', 'neither count nor a function'],
		['count(x)', 'count takes no column'],
		['sum()', 'the column to add up is missing'],
		['sum( )', 'missing'],
		['sum(a,b)', 'is not a column name'],
		['sum(a', 'neither count nor a function'],
		['sum a', 'neither count nor a function'],
		['total(x)', '"total" is not a rule function'],
		['median(x)', 'not a rule function'],
		['share(x)', 'share needs COLUMN=V1|V2'],
		['share(=yes)', 'the column of the answers is missing'],
		['share(x=)', 'no value is given for column "x"'],
		['share(x=a||b)', 'is blank'],
		['share(x=a|)', 'is blank'],
		['days(a)', 'two date columns'],
		['days(a,b,c)', 'two date columns'],
		['days(,b)', 'FROM date column is missing'],
		['days(a,)', 'TO date column is missing'],
		['days(a,A)', 'same column'],
		['mean(a;b)', 'not a column name']
	])('refuses %j (%s), naming the forms', (text, why) => {
		const message = problem(parseRuleValue(text));
		expect(message).toContain(why);
		expect(message).toContain('sum(COLUMN)');
	});
});

describe('parseWhere', () => {
	test('blank is every row', () => {
		expect(parseWhere('')).toEqual({ ok: true, value: [] });
		expect(parseWhere(' ; ')).toEqual({ ok: true, value: [] });
	});

	test('reads conditions, negated or not, trimming names and values', () => {
		expect(
			parseWhere(
				'type_of_violence=3; event_type != Protests | Riots ;civilian_targeting=Civilian targeting'
			)
		).toEqual({
			ok: true,
			value: [
				{ column: 'type_of_violence', negated: false, values: ['3'] },
				{ column: 'event_type', negated: true, values: ['Protests', 'Riots'] },
				{ column: 'civilian_targeting', negated: false, values: ['Civilian targeting'] }
			]
		});
	});

	test('a value may hold = and parentheses; a column may hold / and spaces', () => {
		expect(parseWhere('group_a/q 1=x=y|(z)')).toEqual({
			ok: true,
			value: [{ column: 'group_a/q 1', negated: false, values: ['x=y', '(z)'] }]
		});
	});

	test.each([
		['event_type', 'no ='],
		['=x', 'the column is missing'],
		['!=x', 'the column is missing'],
		['a=', 'no value is given'],
		['a!=', 'no value is given'],
		['a=x||y', 'is blank'],
		['a(b)=x', 'not a column name'],
		['a=x;b', 'no =']
	])('refuses %j (%s), naming the form', (text, why) => {
		const message = problem(parseWhere(text));
		expect(message).toContain(why);
		expect(message).toContain('COLUMN!=V1|V2');
	});
});

describe('parseDimensions', () => {
	test('reads DIMENSION=COLUMN pairs', () => {
		expect(parseDimensions(' sex = gender ; perpetrator=actor1 ;')).toEqual({
			ok: true,
			value: [
				{ dimension: 'sex', column: 'gender' },
				{ dimension: 'perpetrator', column: 'actor1' }
			]
		});
		expect(parseDimensions('')).toEqual({ ok: true, value: [] });
	});

	test.each([
		['sex', 'no ='],
		['sex=a=b', 'two ='],
		['=gender', 'the dimension is missing'],
		['sex=', 'the column is missing'],
		['sex=a;SEX=b', 'named twice'],
		['sex=a|b', 'not a column name']
	])('refuses %j (%s)', (text, why) => {
		const message = problem(parseDimensions(text));
		expect(message).toContain(why);
		expect(message).toContain('DIMENSION=COLUMN');
	});
});

describe('formatting is canonical and reads back', () => {
	test.each([
		['COUNT', 'count'],
		['Sum( best )', 'sum(best)'],
		['share( a = x | y )', 'share(a=x|y)'],
		['MEAN(score)', 'mean(score)'],
		['days( a , b )', 'days(a,b)']
	])('%j is written %j', (text, canonical) => {
		expect(formatRuleValue(value(text))).toBe(canonical);
	});

	test('where and dimensions', () => {
		const where = parseWhere(' a = x | y ; b!=z ');
		expect(where.ok && formatWhere(where.value)).toBe('a=x|y;b!=z');
		const dims = parseDimensions(' sex = gender ;age=age_group');
		expect(dims.ok && formatDimensions(dims.value)).toBe('sex=gender;age=age_group');
	});

	// names and values from the characters the syntax allows, spaces inside but not around
	const nameChar = fc.constantFrom(...'abcXYZ019_/-. é'.split(''));
	const trimmed = (chars: fc.Arbitrary<string>) =>
		fc
			.array(chars, { minLength: 1, maxLength: 12 })
			.map((cs) => cs.join('').trim())
			.filter((s) => s !== '' && !s.endsWith('!'));
	const column = trimmed(nameChar);
	const cell = trimmed(fc.constantFrom(...'abc XYZ 019()=!,/é'.split('')));
	const values = fc.array(cell, { minLength: 1, maxLength: 4 });
	const ruleValue: fc.Arbitrary<RuleValue> = fc.oneof(
		fc.constant({ kind: 'count' as const }),
		column.map((c) => ({ kind: 'sum' as const, column: c })),
		column.map((c) => ({ kind: 'mean' as const, column: c })),
		fc.tuple(column, values).map(([c, v]) => ({ kind: 'share' as const, column: c, values: v })),
		fc
			.tuple(column, column)
			.filter(([a, b]) => a.toLowerCase() !== b.toLowerCase())
			.map(([from, to]) => ({ kind: 'days' as const, from, to }))
	);

	test('parse(format(v)) = v for every value', () => {
		fc.assert(
			fc.property(ruleValue, (v) => {
				expect(parseRuleValue(formatRuleValue(v))).toEqual({ ok: true, value: v });
			})
		);
	});

	test('parse(format(w)) = w for every where', () => {
		const condition = fc.record({ column, negated: fc.boolean(), values });
		fc.assert(
			fc.property(fc.array(condition, { maxLength: 4 }), (w) => {
				expect(parseWhere(formatWhere(w))).toEqual({ ok: true, value: w });
			})
		);
	});

	test('format(parse(x)) is stable: formatting what was read once reads back the same', () => {
		for (const text of ['COUNT', ' sum( a )', 'share(x = 1 | 2)', 'days(a , b)']) {
			const once = formatRuleValue(value(text));
			expect(formatRuleValue(value(once))).toBe(once);
		}
	});
});

describe('source names', () => {
	test.each(['ucdp-ged', 'ACLED', 'kobo_survey.2024', 'a'])('%j is a name', (name) => {
		expect(sourceNameProblem(name)).toBeNull();
	});

	test.each([
		['', 'needs a name'],
		['ucdp ged', 'not a source name'],
		['acled/2024', 'not a source name'],
		['été', 'not a source name'],
		['x'.repeat(101), 'at most 100']
	])('%j is refused (%s)', (name, why) => {
		expect(sourceNameProblem(name)).toContain(why);
	});

	test('names compare ignoring case', () => {
		expect(sourceKey('UCDP-GED')).toBe(sourceKey('ucdp-ged'));
	});
});

describe('which value fits which measure', () => {
	test.each([
		['count', 'count', true],
		['count', 'number', true],
		['sum', 'count', true],
		['sum', 'number', true],
		['count', 'percent', false],
		['sum', 'average', false],
		['share', 'percent', true],
		['share', 'count', false],
		['share', 'average', false],
		['mean', 'average', true],
		['days', 'average', true],
		['days', 'percent', false],
		['mean', 'number', false],
		['count', 'per_100k', false]
	] as const)('%s on %s: %s', (kind, measure, fits) => {
		expect(valueFitsMeasure(kind, measure)).toBe(fits);
		expect(measureProblem(kind, '1.2.1', measure) === null).toBe(fits);
	});

	test('the refusal names what fits and what to use instead', () => {
		expect(measureProblem('share', '1.1.1', 'count')).toBe(
			'share needs an indicator of measure percent; 1.1.1 is a count indicator. For a count indicator use count or sum.'
		);
		expect(measureProblem('days', '2.2.2', 'percent')).toContain('use share');
		expect(measureProblem('count', 'X', 'per_100k')).toContain('No rule value writes');
	});

	test('every kind fits some measure; weights only for share and mean', () => {
		for (const kind of Object.keys(MEASURES_FOR_VALUE)) {
			expect(MEASURES_FOR_VALUE[kind as keyof typeof MEASURES_FOR_VALUE].length).toBeGreaterThan(0);
		}
		expect(
			['count', 'sum', 'share', 'mean', 'days'].filter((k) => takesWeight(k as never))
		).toEqual(['share', 'mean']);
	});
});

describe('the columns a rule names', () => {
	const rule: ListRule = {
		source: 'alerts',
		indicatorCode: '2.2.3',
		value: { kind: 'days', from: 'alert_date', to: 'response_date' },
		dateColumn: 'alert_date',
		areaColumn: 'province',
		where: [{ column: 'status', negated: true, values: ['cancelled'] }],
		dimensions: [{ dimension: 'type', column: 'alert_type' }],
		weightColumn: null,
		unlocatedArea: 'HQ',
		verification: 'verified'
	};

	test('each once, with what it is for', () => {
		expect(ruleColumns(rule)).toEqual([
			{ column: 'alert_date', role: 'date_column' },
			{ column: 'province', role: 'area_column' },
			{ column: 'response_date', role: 'value' },
			{ column: 'status', role: 'where' },
			{ column: 'alert_type', role: 'dimensions' }
		]);
	});

	test('a weight column is named', () => {
		const survey: ListRule = {
			...rule,
			value: { kind: 'share', column: 'group_safety/feel_safe', values: ['yes'] },
			where: [],
			dimensions: [],
			weightColumn: 'weight'
		};
		expect(ruleColumns(survey).map((c) => c.column)).toEqual([
			'alert_date',
			'province',
			'group_safety/feel_safe',
			'weight'
		]);
	});

	test('its cells as a rules file holds them', () => {
		expect(ruleCells(rule)).toEqual({
			source: 'alerts',
			indicator_code: '2.2.3',
			value: 'days(alert_date,response_date)',
			date_column: 'alert_date',
			area_column: 'province',
			where: 'status!=cancelled',
			dimensions: 'type=alert_type',
			weight_column: '',
			unlocated_area: 'HQ',
			verification: 'verified'
		});
	});
});
