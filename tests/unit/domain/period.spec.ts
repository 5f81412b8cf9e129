import { describe, expect, test } from 'vitest';
import {
	acceptedPeriodForms,
	GRANULARITIES,
	addDays,
	bucketContaining,
	bucketsOverlapping,
	daysInMonth,
	granularityOf,
	isGranularity,
	isInside,
	isValidDate,
	overlapsPartly,
	parsePeriod,
	type Granularity,
	type Period,
	type PeriodKind
} from '$lib/domain/period';

function parsed(text: string): Period {
	const result = parsePeriod(text);
	if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.message}`);
	return result.period;
}

function refusal(text: string): string {
	const result = parsePeriod(text);
	if (result.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result)}`);
	return result.message;
}

function period(kind: PeriodKind, start: string, end: string, label: string): Period {
	return { kind, start, end, label };
}

function labels(periods: Period[]): string[] {
	return periods.map((p) => p.label);
}

describe('GRANULARITIES and isGranularity', () => {
	test('lists the five granularities in order', () => {
		expect(GRANULARITIES).toEqual(['month', 'quarter', 'half', 'year', 'fy']);
	});

	test.each(['month', 'quarter', 'half', 'year', 'fy'])('%s is a granularity', (s) => {
		expect(isGranularity(s)).toBe(true);
	});

	test.each(['day', 'range', 'week', '', 'Month', 'QUARTER', 'FY', ' year', 'years'])(
		'%j is not a granularity',
		(s) => {
			expect(isGranularity(s)).toBe(false);
		}
	);
});

describe('parsePeriod: calendar years', () => {
	test.each([
		['2024', '2024-01-01', '2024-12-31'],
		['2023', '2023-01-01', '2023-12-31'],
		['2000', '2000-01-01', '2000-12-31'],
		['1900', '1900-01-01', '1900-12-31'],
		['1000', '1000-01-01', '1000-12-31'],
		['9999', '9999-01-01', '9999-12-31']
	])('%s runs %s to %s', (text, start, end) => {
		expect(parsePeriod(text)).toEqual({ ok: true, period: period('year', start, end, text) });
	});

	test.each(['  2024', '2024  ', '\t2024\n', ' \r\n 2024 \t'])(
		'surrounding whitespace is trimmed: %j',
		(text) => {
			expect(parsed(text)).toEqual(period('year', '2024-01-01', '2024-12-31', '2024'));
		}
	);
});

describe('parsePeriod: half years', () => {
	const firstHalf = period('half', '2024-01-01', '2024-06-30', '2024-H1');
	const secondHalf = period('half', '2024-07-01', '2024-12-31', '2024-H2');

	test.each(['2024-H1', '2024H1', '2024-S1', '2024S1', '2024-h1', '2024h1', '2024-s1', '2024s1'])(
		'%s is January to June, labelled 2024-H1',
		(text) => {
			expect(parsed(text)).toEqual(firstHalf);
		}
	);

	test.each(['2024-H2', '2024H2', '2024-S2', '2024S2', '2024-h2', '2024h2', '2024-s2', '2024s2'])(
		'%s is July to December, labelled 2024-H2',
		(text) => {
			expect(parsed(text)).toEqual(secondHalf);
		}
	);

	test('whitespace around a half year is trimmed', () => {
		expect(parsed('  2024-s2 ')).toEqual(secondHalf);
	});

	test('a half year of a leap year has the same edges', () => {
		expect(parsed('2000-H1')).toEqual(period('half', '2000-01-01', '2000-06-30', '2000-H1'));
	});
});

describe('parsePeriod: quarters', () => {
	test.each([
		[1, '2024-01-01', '2024-03-31'],
		[2, '2024-04-01', '2024-06-30'],
		[3, '2024-07-01', '2024-09-30'],
		[4, '2024-10-01', '2024-12-31']
	])('Q%i runs %s to %s in every written form', (quarter, start, end) => {
		const expected = period('quarter', start, end, `2024-Q${quarter}`);
		for (const text of [
			`2024-Q${quarter}`,
			`2024Q${quarter}`,
			`2024-q${quarter}`,
			`2024q${quarter}`,
			` 2024-Q${quarter}\t`
		]) {
			expect(parsed(text)).toEqual(expected);
		}
	});

	test('a quarter in another year carries that year', () => {
		expect(parsed('1999q4')).toEqual(period('quarter', '1999-10-01', '1999-12-31', '1999-Q4'));
	});
});

describe('parsePeriod: months', () => {
	test.each([
		['2023-01', '2023-01-31'],
		['2023-02', '2023-02-28'],
		['2023-03', '2023-03-31'],
		['2023-04', '2023-04-30'],
		['2023-05', '2023-05-31'],
		['2023-06', '2023-06-30'],
		['2023-07', '2023-07-31'],
		['2023-08', '2023-08-31'],
		['2023-09', '2023-09-30'],
		['2023-10', '2023-10-31'],
		['2023-11', '2023-11-30'],
		['2023-12', '2023-12-31']
	])('%s ends on %s', (text, end) => {
		expect(parsed(text)).toEqual(period('month', `${text}-01`, end, text));
	});

	test.each([
		['2024-02', '2024-02-29'],
		['2023-02', '2023-02-28'],
		['2000-02', '2000-02-29'],
		['1900-02', '1900-02-28'],
		['2100-02', '2100-02-28'],
		['2400-02', '2400-02-29'],
		['1996-02', '1996-02-29']
	])('February %s ends on %s', (text, end) => {
		expect(parsed(text)).toEqual(period('month', `${text}-01`, end, text));
	});

	test('a month is trimmed', () => {
		expect(parsed(' 2024-07 ')).toEqual(period('month', '2024-07-01', '2024-07-31', '2024-07'));
	});
});

describe('parsePeriod: single days', () => {
	test.each([
		'2024-07-15',
		'2024-01-01',
		'2024-12-31',
		'2024-02-29',
		'2000-02-29',
		'2023-02-28',
		'2024-04-30',
		'1000-01-01',
		'9999-12-31'
	])('%s starts and ends on itself', (text) => {
		expect(parsePeriod(text)).toEqual({ ok: true, period: period('day', text, text, text) });
	});

	test('a day is trimmed', () => {
		expect(parsed('\t2024-07-15 ')).toEqual(
			period('day', '2024-07-15', '2024-07-15', '2024-07-15')
		);
	});
});

describe('parsePeriod: budget years', () => {
	test.each(['FY2024/25', '2024/25', 'fy2024/25', 'Fy2024/25', 'fY2024/25', '  FY2024/25  '])(
		'%j is 1 July 2024 to 30 June 2025',
		(text) => {
			expect(parsed(text)).toEqual(period('fy', '2024-07-01', '2025-06-30', 'FY2024/25'));
		}
	);

	test.each([
		['FY1999/00', '1999-07-01', '2000-06-30', 'FY1999/00'],
		['1999/00', '1999-07-01', '2000-06-30', 'FY1999/00'],
		['FY2099/00', '2099-07-01', '2100-06-30', 'FY2099/00'],
		['FY2000/01', '2000-07-01', '2001-06-30', 'FY2000/01'],
		['2008/09', '2008-07-01', '2009-06-30', 'FY2008/09'],
		['FY2023/24', '2023-07-01', '2024-06-30', 'FY2023/24'],
		['FY1000/01', '1000-07-01', '1001-06-30', 'FY1000/01'],
		['FY9998/99', '9998-07-01', '9999-06-30', 'FY9998/99']
	])('%s runs %s to %s, labelled %s', (text, start, end, label) => {
		expect(parsed(text)).toEqual(period('fy', start, end, label));
	});
});

describe('parsePeriod: explicit ranges', () => {
	test.each([
		['2024-01-01/2024-03-31', '2024-01-01', '2024-03-31'],
		['2024-07-15/2024-07-15', '2024-07-15', '2024-07-15'],
		['2023-12-15/2024-01-14', '2023-12-15', '2024-01-14'],
		['2024-02-29/2024-03-01', '2024-02-29', '2024-03-01'],
		['1999-07-01/2000-06-30', '1999-07-01', '2000-06-30'],
		['2020-01-01/2029-12-31', '2020-01-01', '2029-12-31']
	])('%s runs %s to %s, labelled as written', (text, start, end) => {
		expect(parsePeriod(text)).toEqual({ ok: true, period: period('range', start, end, text) });
	});

	test('outer whitespace is trimmed from the label', () => {
		expect(parsed('  2024-01-01/2024-03-31\t')).toEqual(
			period('range', '2024-01-01', '2024-03-31', '2024-01-01/2024-03-31')
		);
	});

	test('spaces around the slash are accepted and kept in the label', () => {
		expect(parsed('2024-01-01 / 2024-03-31')).toEqual(
			period('range', '2024-01-01', '2024-03-31', '2024-01-01 / 2024-03-31')
		);
	});

	test('a range that is exactly a quarter stays a range', () => {
		expect(parsed('2024-01-01/2024-03-31').kind).toBe('range');
	});
});

describe('parsePeriod: refusals', () => {
	test.each([
		['2024-Q5', 'quarters run Q1 to Q4'],
		['2024Q5', 'quarters run Q1 to Q4'],
		['2024-Q0', 'quarters run Q1 to Q4'],
		['2024-q9', 'quarters run Q1 to Q4'],
		['2024-Q12', 'quarters run Q1 to Q4'],
		['2024-Q03', 'quarters run Q1 to Q4'],
		['2024-13', 'months run 01 to 12'],
		['2024-00', 'months run 01 to 12'],
		['2024-99', 'months run 01 to 12'],
		['2024-H3', 'half years are H1 (January to June) and H2 (July to December), or S1 and S2'],
		['2024-H0', 'half years are H1 (January to June) and H2 (July to December), or S1 and S2'],
		['2024S3', 'half years are H1 (January to June) and H2 (July to December), or S1 and S2'],
		['2024-h12', 'half years are H1 (January to June) and H2 (July to December), or S1 and S2'],
		['2023-02-29', 'it is not a real date (February 2023 has 28 days)'],
		['1900-02-29', 'it is not a real date (February 1900 has 28 days)'],
		['2100-02-29', 'it is not a real date (February 2100 has 28 days)'],
		['2024-02-30', 'it is not a real date (February 2024 has 29 days)'],
		['2024-04-31', 'it is not a real date (April 2024 has 30 days)'],
		['2024-06-31', 'it is not a real date (June 2024 has 30 days)'],
		['2024-09-31', 'it is not a real date (September 2024 has 30 days)'],
		['2024-11-31', 'it is not a real date (November 2024 has 30 days)'],
		['2024-01-32', 'it is not a real date (January 2024 has 31 days)'],
		['2024-07-00', 'it is not a real date (days start at 01)'],
		['2024-13-01', 'it is not a real date (months run 01 to 12)'],
		['2024-00-10', 'it is not a real date (months run 01 to 12)'],
		[
			'2024/26',
			'a budget year runs from July to June, so the part after "/" must be the last two digits of the next year (FY2024/25)'
		],
		[
			'FY2024/26',
			'a budget year runs from July to June, so the part after "/" must be the last two digits of the next year (FY2024/25)'
		],
		[
			'FY2024/24',
			'a budget year runs from July to June, so the part after "/" must be the last two digits of the next year (FY2024/25)'
		],
		[
			'2024/2025',
			'a budget year runs from July to June, so the part after "/" must be the last two digits of the next year (FY2024/25)'
		],
		[
			'2024/5',
			'a budget year runs from July to June, so the part after "/" must be the last two digits of the next year (FY2024/25)'
		],
		[
			'FY1999/99',
			'a budget year runs from July to June, so the part after "/" must be the last two digits of the next year (FY1999/00)'
		],
		[
			'fy1999/2000',
			'a budget year runs from July to June, so the part after "/" must be the last two digits of the next year (FY1999/00)'
		],
		['FY9999/00', 'budget years run from FY1000/01 to FY9998/99'],
		['0999/00', 'budget years run from FY1000/01 to FY9998/99'],
		['0999', 'years run from 1000 to 9999'],
		['0000', 'years run from 1000 to 9999'],
		['0999-12', 'years run from 1000 to 9999'],
		['0999-Q4', 'years run from 1000 to 9999'],
		['0999-H2', 'years run from 1000 to 9999'],
		['0999-12-31', 'it is not a real date (years run from 1000 to 9999)'],
		['2024-03-31/2024-01-01', 'the range starts (2024-03-31) after it ends (2024-01-01)'],
		['2025-01-01/2024-12-31', 'the range starts (2025-01-01) after it ends (2024-12-31)'],
		['2024-01-01/2024-02-30', '2024-02-30 is not a real date (February 2024 has 29 days)'],
		['2023-02-29/2023-03-31', '2023-02-29 is not a real date (February 2023 has 28 days)'],
		['2024-01-01/2024-13-01', '2024-13-01 is not a real date (months run 01 to 12)'],
		['2024-01/2024-03', 'a range is written as its first and last day, e.g. 2024-01-01/2024-03-31'],
		['2024-01-01/2024', 'a range is written as its first and last day, e.g. 2024-01-01/2024-03-31'],
		['2024-01-01/', 'a range is written as its first and last day, e.g. 2024-01-01/2024-03-31'],
		[
			'2024-1-1/2024-3-31',
			'a range is written as its first and last day, e.g. 2024-01-01/2024-03-31'
		],
		['2024-7', 'months are written with two digits, e.g. 2024-07'],
		['2024-1', 'months are written with two digits, e.g. 2024-07'],
		['Q1', 'a quarter or half year needs its year in front, e.g. 2024-Q1 or 2024-H1'],
		['h2', 'a quarter or half year needs its year in front, e.g. 2024-Q1 or 2024-H1'],
		['S1', 'a quarter or half year needs its year in front, e.g. 2024-Q1 or 2024-H1']
	])('%j is refused: %s', (text, reason) => {
		expect(parsePeriod(text)).toEqual({
			ok: false,
			message: `"${text}" is not a period: ${reason}. Accepted forms: ${acceptedPeriodForms()}.`
		});
	});

	test.each([
		'24',
		'202',
		'20245',
		'abc',
		'Q',
		'FY2024',
		'FY24/25',
		'24/25',
		'2024-W01',
		'2024 Q3',
		'2024--Q3',
		'2024-Q',
		'2024-H',
		'2024-07-1',
		'2024-7-15',
		'2024/07/15',
		'15/07/2024',
		'2024-07-15T00:00',
		'2024-Q3-01',
		'Q3 2024',
		'2024.07',
		'２０２４',
		'-2024',
		'+2024',
		'2024-01-01 - 2024-03-31',
		'2024-01-01..2024-03-31',
		'July 2024'
	])('%j is refused as not a period', (text) => {
		expect(parsePeriod(text)).toEqual({
			ok: false,
			message: `"${text}" is not a period. Accepted forms: ${acceptedPeriodForms()}.`
		});
	});

	test.each(['', ' ', '   \t\n'])('an empty value %j is refused', (text) => {
		expect(parsePeriod(text)).toEqual({
			ok: false,
			message: `An empty value is not a period. Accepted forms: ${acceptedPeriodForms()}.`
		});
	});

	test('the message quotes the value without its surrounding whitespace', () => {
		expect(refusal('  2024-Q5 ')).toBe(
			`"2024-Q5" is not a period: quarters run Q1 to Q4. Accepted forms: ${acceptedPeriodForms()}.`
		);
	});
});

describe('acceptedPeriodForms', () => {
	const examples = [
		'2024',
		'2024-H1',
		'2024H1',
		'2024-S1',
		'2024-Q3',
		'2024Q3',
		'2024-07',
		'2024-07-15',
		'FY2024/25',
		'2024/25',
		'2024-01-01/2024-03-31'
	];

	test.each(examples)('mentions %s, which parses', (example) => {
		expect(acceptedPeriodForms()).toContain(example);
		expect(parsePeriod(example).ok).toBe(true);
	});

	test('every example written in it parses', () => {
		const written = acceptedPeriodForms().match(/[0-9FYQHS/-]{4,}/gi) ?? [];
		expect(written.length).toBeGreaterThanOrEqual(examples.length);
		for (const example of written) expect(parsePeriod(example)).toMatchObject({ ok: true });
	});
});

describe('daysInMonth', () => {
	test.each([
		[2023, 1, 31],
		[2023, 2, 28],
		[2023, 3, 31],
		[2023, 4, 30],
		[2023, 5, 31],
		[2023, 6, 30],
		[2023, 7, 31],
		[2023, 8, 31],
		[2023, 9, 30],
		[2023, 10, 31],
		[2023, 11, 30],
		[2023, 12, 31]
	])('%i-%i has %i days', (year, month, days) => {
		expect(daysInMonth(year, month)).toBe(days);
	});

	test.each([
		[2024, 29],
		[2023, 28],
		[2000, 29],
		[1900, 28],
		[2100, 28],
		[2200, 28],
		[2300, 28],
		[2400, 29],
		[1600, 29],
		[1996, 29],
		[2001, 28]
	])('February %i has %i days', (year, days) => {
		expect(daysInMonth(year, 2)).toBe(days);
	});

	test.each([
		[2024, 0],
		[2024, 13],
		[2024, -1],
		[2024, 1.5],
		[2024.5, 1]
	])('%s-%s is not a month', (year, month) => {
		expect(() => daysInMonth(year, month)).toThrow(RangeError);
	});
});

describe('isValidDate', () => {
	test.each([
		'2024-02-29',
		'2000-02-29',
		'2024-12-31',
		'2024-01-01',
		'2023-06-30',
		'1000-01-01',
		'9999-12-31'
	])('%s is a valid date', (date) => {
		expect(isValidDate(date)).toBe(true);
	});

	test.each([
		'2023-02-29',
		'1900-02-29',
		'2024-02-30',
		'2024-04-31',
		'2024-13-01',
		'2024-00-10',
		'2024-01-00',
		'2024-01-32',
		'2024-2-29',
		'2024-02-9',
		'24-02-29',
		'20240229',
		'2024/02/29',
		'2024-02-29 ',
		' 2024-02-29',
		'2024-02-29T00:00:00Z',
		'0999-12-31',
		'abcd-ef-gh',
		'',
		'2024',
		'2024-07'
	])('%j is not a valid date', (date) => {
		expect(isValidDate(date)).toBe(false);
	});
});

describe('addDays', () => {
	test.each([
		['2024-07-15', 0, '2024-07-15'],
		['2024-07-15', 1, '2024-07-16'],
		['2024-07-31', 1, '2024-08-01'],
		['2024-04-30', 1, '2024-05-01'],
		['2024-08-01', -1, '2024-07-31'],
		['2024-12-31', 1, '2025-01-01'],
		['2025-01-01', -1, '2024-12-31'],
		['2024-02-28', 1, '2024-02-29'],
		['2024-02-29', 1, '2024-03-01'],
		['2024-03-01', -1, '2024-02-29'],
		['2023-02-28', 1, '2023-03-01'],
		['2023-03-01', -1, '2023-02-28'],
		['2000-02-28', 1, '2000-02-29'],
		['1900-02-28', 1, '1900-03-01'],
		['2100-03-01', -1, '2100-02-28'],
		['2024-01-01', 365, '2024-12-31'],
		['2024-01-01', 366, '2025-01-01'],
		['2023-01-01', 365, '2024-01-01'],
		['2024-06-30', 1, '2024-07-01'],
		['2024-01-31', 29, '2024-02-29'],
		['2024-01-01', 10000, '2051-05-19'],
		['2024-01-01', -10000, '1996-08-15'],
		['1999-12-31', 1, '2000-01-01'],
		['2000-01-01', -1, '1999-12-31'],
		['1000-01-01', 0, '1000-01-01'],
		['9999-12-30', 1, '9999-12-31']
	])('%s %+i days is %s', (date, n, expected) => {
		expect(addDays(date, n)).toBe(expected);
	});

	test('walks every day of 1999–2001 in step with the UTC calendar', () => {
		let date = '1999-01-01';
		let utc = Date.UTC(1999, 0, 1);
		let steps = 0;
		while (date !== '2002-01-01') {
			expect(date).toBe(new Date(utc).toISOString().slice(0, 10));
			expect(isValidDate(date)).toBe(true);
			const next = addDays(date, 1);
			expect(next > date).toBe(true);
			expect(addDays(next, -1)).toBe(date);
			date = next;
			utc += 86_400_000;
			steps += 1;
		}
		expect(steps).toBe(365 + 365 + 366);
	});

	test.each(['2024-02-30', '2024-7-1', '', 'today'])('refuses the invalid date %j', (date) => {
		expect(() => addDays(date, 1)).toThrow(RangeError);
	});

	test('refuses a fractional number of days', () => {
		expect(() => addDays('2024-07-15', 0.5)).toThrow(RangeError);
	});
});

describe('bucketContaining', () => {
	test.each<[string, Granularity, Period]>([
		['2024-07-01', 'month', period('month', '2024-07-01', '2024-07-31', '2024-07')],
		['2024-07-31', 'month', period('month', '2024-07-01', '2024-07-31', '2024-07')],
		['2024-02-01', 'month', period('month', '2024-02-01', '2024-02-29', '2024-02')],
		['2024-02-29', 'month', period('month', '2024-02-01', '2024-02-29', '2024-02')],
		['2023-02-28', 'month', period('month', '2023-02-01', '2023-02-28', '2023-02')],
		['2024-12-31', 'month', period('month', '2024-12-01', '2024-12-31', '2024-12')],
		['2024-01-01', 'quarter', period('quarter', '2024-01-01', '2024-03-31', '2024-Q1')],
		['2024-03-31', 'quarter', period('quarter', '2024-01-01', '2024-03-31', '2024-Q1')],
		['2024-04-01', 'quarter', period('quarter', '2024-04-01', '2024-06-30', '2024-Q2')],
		['2024-06-30', 'quarter', period('quarter', '2024-04-01', '2024-06-30', '2024-Q2')],
		['2024-07-01', 'quarter', period('quarter', '2024-07-01', '2024-09-30', '2024-Q3')],
		['2024-09-30', 'quarter', period('quarter', '2024-07-01', '2024-09-30', '2024-Q3')],
		['2024-10-01', 'quarter', period('quarter', '2024-10-01', '2024-12-31', '2024-Q4')],
		['2024-12-31', 'quarter', period('quarter', '2024-10-01', '2024-12-31', '2024-Q4')],
		['2024-01-01', 'half', period('half', '2024-01-01', '2024-06-30', '2024-H1')],
		['2024-06-30', 'half', period('half', '2024-01-01', '2024-06-30', '2024-H1')],
		['2024-07-01', 'half', period('half', '2024-07-01', '2024-12-31', '2024-H2')],
		['2024-12-31', 'half', period('half', '2024-07-01', '2024-12-31', '2024-H2')],
		['2024-01-01', 'year', period('year', '2024-01-01', '2024-12-31', '2024')],
		['2024-12-31', 'year', period('year', '2024-01-01', '2024-12-31', '2024')],
		['2024-07-01', 'fy', period('fy', '2024-07-01', '2025-06-30', 'FY2024/25')],
		['2025-06-30', 'fy', period('fy', '2024-07-01', '2025-06-30', 'FY2024/25')],
		['2024-12-31', 'fy', period('fy', '2024-07-01', '2025-06-30', 'FY2024/25')],
		['2025-01-01', 'fy', period('fy', '2024-07-01', '2025-06-30', 'FY2024/25')],
		['2024-06-30', 'fy', period('fy', '2023-07-01', '2024-06-30', 'FY2023/24')],
		['2024-01-01', 'fy', period('fy', '2023-07-01', '2024-06-30', 'FY2023/24')],
		['1999-07-01', 'fy', period('fy', '1999-07-01', '2000-06-30', 'FY1999/00')],
		['2000-06-30', 'fy', period('fy', '1999-07-01', '2000-06-30', 'FY1999/00')],
		['2000-07-01', 'fy', period('fy', '2000-07-01', '2001-06-30', 'FY2000/01')]
	])('%s by %s is %o', (date, by, expected) => {
		expect(bucketContaining(date, by)).toEqual(expected);
	});

	test('every bucket label parses back to the same bucket', () => {
		const dates = ['2023-01-01', '2023-02-14', '2024-02-29', '2024-06-30', '2024-07-01'];
		for (const date of [...dates, '2024-09-30', '2024-11-15', '2024-12-31', '1999-12-31']) {
			for (const by of GRANULARITIES) {
				const bucket = bucketContaining(date, by);
				expect(parsed(bucket.label)).toEqual(bucket);
				expect(granularityOf(bucket)).toBe(by);
				expect(isInside({ start: date, end: date }, bucket)).toBe(true);
			}
		}
	});

	test('refuses an invalid date', () => {
		expect(() => bucketContaining('2023-02-29', 'month')).toThrow(RangeError);
	});
});

describe('bucketsOverlapping', () => {
	test.each<[string, string, Granularity, string[]]>([
		['2024-05-15', '2024-08-01', 'quarter', ['2024-Q2', '2024-Q3']],
		['2024-05-15', '2024-08-01', 'fy', ['FY2023/24', 'FY2024/25']],
		['2024-05-15', '2024-08-01', 'month', ['2024-05', '2024-06', '2024-07', '2024-08']],
		['2024-05-15', '2024-08-01', 'half', ['2024-H1', '2024-H2']],
		['2024-05-15', '2024-08-01', 'year', ['2024']],
		['2024-11-15', '2025-02-01', 'month', ['2024-11', '2024-12', '2025-01', '2025-02']],
		['2024-11-15', '2025-02-01', 'quarter', ['2024-Q4', '2025-Q1']],
		['2024-11-15', '2025-02-01', 'half', ['2024-H2', '2025-H1']],
		['2024-11-15', '2025-02-01', 'year', ['2024', '2025']],
		['2024-11-15', '2025-02-01', 'fy', ['FY2024/25']],
		['2024-01-01', '2024-03-31', 'quarter', ['2024-Q1']],
		['2024-01-01', '2024-03-31', 'month', ['2024-01', '2024-02', '2024-03']],
		['2024-01-01', '2024-12-31', 'quarter', ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']],
		['2024-03-31', '2024-04-01', 'quarter', ['2024-Q1', '2024-Q2']],
		['2024-07-15', '2024-07-15', 'month', ['2024-07']],
		['2024-07-15', '2024-07-15', 'fy', ['FY2024/25']],
		['2024-06-30', '2024-07-01', 'fy', ['FY2023/24', 'FY2024/25']],
		['2024-07-01', '2025-06-30', 'fy', ['FY2024/25']],
		['1998-08-01', '2001-01-01', 'fy', ['FY1998/99', 'FY1999/00', 'FY2000/01']],
		['1999-12-01', '2000-03-01', 'month', ['1999-12', '2000-01', '2000-02', '2000-03']],
		['2022-02-01', '2024-01-31', 'year', ['2022', '2023', '2024']],
		['2023-12-31', '2025-01-01', 'half', ['2023-H2', '2024-H1', '2024-H2', '2025-H1']]
	])('%s to %s by %s', (start, end, by, expected) => {
		expect(labels(bucketsOverlapping(start, end, by))).toEqual(expected);
	});

	test('returns whole buckets, including the parts outside the range', () => {
		expect(bucketsOverlapping('2024-05-15', '2024-08-01', 'fy')).toEqual([
			period('fy', '2023-07-01', '2024-06-30', 'FY2023/24'),
			period('fy', '2024-07-01', '2025-06-30', 'FY2024/25')
		]);
	});

	test('buckets follow each other without gaps over several years', () => {
		for (const by of GRANULARITIES) {
			const buckets = bucketsOverlapping('2019-03-10', '2026-10-20', by);
			expect((buckets[0]?.start ?? '') <= '2019-03-10').toBe(true);
			expect((buckets.at(-1)?.end ?? '') >= '2026-10-20').toBe(true);
			for (let i = 1; i < buckets.length; i++) {
				const previous = buckets[i - 1];
				const current = buckets[i];
				if (previous === undefined || current === undefined) throw new Error('missing bucket');
				expect(current.start).toBe(addDays(previous.end, 1));
			}
		}
	});

	test('counts the buckets over whole years', () => {
		const counts = GRANULARITIES.map(
			(by) => bucketsOverlapping('2020-01-01', '2024-12-31', by).length
		);
		expect(counts).toEqual([60, 20, 10, 5, 6]);
	});

	test('is empty when the range starts after it ends', () => {
		expect(bucketsOverlapping('2024-08-01', '2024-05-15', 'month')).toEqual([]);
	});

	test('stops at the last representable year', () => {
		expect(labels(bucketsOverlapping('9999-11-15', '9999-12-31', 'month'))).toEqual([
			'9999-11',
			'9999-12'
		]);
	});
});

describe('isInside', () => {
	const q3 = { start: '2024-07-01', end: '2024-09-30' };

	test.each([
		[{ start: '2024-07-01', end: '2024-09-30' }, q3, true],
		[{ start: '2024-07-01', end: '2024-07-31' }, q3, true],
		[{ start: '2024-09-01', end: '2024-09-30' }, q3, true],
		[{ start: '2024-08-15', end: '2024-08-15' }, q3, true],
		[{ start: '2024-07-01', end: '2024-07-01' }, q3, true],
		[{ start: '2024-09-30', end: '2024-09-30' }, q3, true],
		[{ start: '2024-06-30', end: '2024-07-31' }, q3, false],
		[{ start: '2024-09-01', end: '2024-10-01' }, q3, false],
		[{ start: '2024-06-30', end: '2024-10-01' }, q3, false],
		[{ start: '2024-01-01', end: '2024-12-31' }, q3, false],
		[{ start: '2024-06-30', end: '2024-06-30' }, q3, false],
		[{ start: '2024-10-01', end: '2024-10-31' }, q3, false]
	])('%o inside %o is %s', (inner, outer, expected) => {
		expect(isInside(inner, outer)).toBe(expected);
	});

	test('a quarter lies inside its year and budget year, not the other way round', () => {
		expect(isInside(parsed('2024-Q3'), parsed('2024'))).toBe(true);
		expect(isInside(parsed('2024-Q3'), parsed('FY2024/25'))).toBe(true);
		expect(isInside(parsed('2024-Q2'), parsed('FY2024/25'))).toBe(false);
		expect(isInside(parsed('2024'), parsed('2024-Q3'))).toBe(false);
	});
});

describe('overlapsPartly', () => {
	const q3 = { start: '2024-07-01', end: '2024-09-30' };

	test.each([
		[{ start: '2024-06-15', end: '2024-07-15' }, true],
		[{ start: '2024-09-15', end: '2024-10-15' }, true],
		[{ start: '2024-06-30', end: '2024-07-01' }, true],
		[{ start: '2024-09-30', end: '2024-10-01' }, true],
		[{ start: '2024-07-01', end: '2024-09-30' }, false],
		[{ start: '2024-08-01', end: '2024-08-31' }, false],
		[{ start: '2024-07-01', end: '2024-07-01' }, false],
		[{ start: '2024-01-01', end: '2024-12-31' }, false],
		[{ start: '2024-07-01', end: '2024-12-31' }, false],
		[{ start: '2024-06-01', end: '2024-06-30' }, false],
		[{ start: '2024-10-01', end: '2024-10-31' }, false]
	])('%o against Q3 2024 is %s', (other, expected) => {
		expect(overlapsPartly(other, q3)).toBe(expected);
		expect(overlapsPartly(q3, other)).toBe(expected);
	});

	test('calendar and budget periods', () => {
		expect(overlapsPartly(parsed('2024-H1'), parsed('FY2023/24'))).toBe(false);
		expect(overlapsPartly(parsed('2024'), parsed('FY2024/25'))).toBe(true);
		expect(overlapsPartly(parsed('2024-Q2'), parsed('2024-05-15/2024-08-01'))).toBe(true);
	});
});

describe('granularityOf', () => {
	test.each<[string, Granularity | null]>([
		['2024-07', 'month'],
		['2024-Q3', 'quarter'],
		['2024-S2', 'half'],
		['2024', 'year'],
		['FY2024/25', 'fy'],
		['2024/25', 'fy'],
		['2024-07-15', null],
		['2024-07-01/2024-07-31', null]
	])('%s has granularity %s', (text, expected) => {
		expect(granularityOf(parsed(text))).toBe(expected);
	});
});
