/**
 * Periods (formats.md §2): every accepted form, in any letter case, parses and its label parses
 * back to the same days; any other text is refused with a message naming the accepted forms,
 * never a throw; and the laws the series rely on — a bucket holds its dates, buckets tile a
 * range without gap or overlap, the smaller periods of a year lie inside the larger.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
	GRANULARITIES,
	addDays,
	bucketContaining,
	bucketsOverlapping,
	isInside,
	overlapsPartly,
	parsePeriod,
	type Period
} from '../../../src/lib/domain/period';
import { propertyTest } from '../../helpers/properties';

const year = fc.integer({ min: 1000, max: 9998 });
const date = fc
	.date({
		min: new Date('1000-01-01T00:00:00Z'),
		max: new Date('9998-12-31T00:00:00Z'),
		noInvalidDate: true
	})
	.map((d) => d.toISOString().slice(0, 10));
const pad = (n: number) => String(n).padStart(2, '0');
const randomCase = (text: string, upper: boolean[]) =>
	[...text].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join('');

/** A period as a planner may write it, and the label it must get. */
const writtenPeriod = fc.oneof(
	year.map((y) => ({ text: `${y}`, label: `${y}` })),
	fc
		.tuple(year, fc.constantFrom(1, 2), fc.constantFrom('-H', 'H', '-S', 'S'))
		.map(([y, h, form]) => ({ text: `${y}${form}${h}`, label: `${y}-H${h}` })),
	fc
		.tuple(year, fc.integer({ min: 1, max: 4 }), fc.constantFrom('-Q', 'Q'))
		.map(([y, q, form]) => ({ text: `${y}${form}${q}`, label: `${y}-Q${q}` })),
	fc
		.tuple(year, fc.integer({ min: 1, max: 12 }))
		.map(([y, m]) => ({ text: `${y}-${pad(m)}`, label: `${y}-${pad(m)}` })),
	date.map((d) => ({ text: d, label: d })),
	fc.tuple(year, fc.constantFrom('FY', '')).map(([y, fy]) => ({
		text: `${fy}${y}/${pad((y + 1) % 100)}`,
		label: `FY${y}/${pad((y + 1) % 100)}`
	})),
	fc.tuple(date, date, fc.constantFrom('/', ' / ')).map(([a, b, slash]) => {
		const text = `${a < b ? a : b}${slash}${a < b ? b : a}`;
		return { text, label: text };
	})
);

propertyTest(
	'periods',
	'every accepted form parses, and its label parses back to the same days',
	{ short: 2000, share: 0.35 },
	() =>
		fc.property(
			writtenPeriod,
			fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
			fc.boolean(),
			(p, upper, spaces) => {
				const text = (spaces ? ' ' : '') + randomCase(p.text, upper) + (spaces ? '\t' : '');
				const parsed = parsePeriod(text);
				if (!parsed.ok) throw new Error(`${JSON.stringify(text)}: ${parsed.message}`);
				const period = parsed.period;
				expect(period.label.toUpperCase()).toBe(p.label.toUpperCase());
				expect(period.start <= period.end).toBe(true);
				const again = parsePeriod(period.label);
				expect(again.ok && [again.period.start, again.period.end]).toEqual([
					period.start,
					period.end
				]);
			}
		)
);

propertyTest(
	'periods',
	'any other text is refused with the accepted forms, never a throw',
	{ short: 3000, share: 0.35 },
	() =>
		fc.property(
			fc.oneof(
				fc.string({ unit: fc.constantFrom(...'0123456789-/QHSFYqhsfy '), maxLength: 24 }),
				fc.string({ maxLength: 12 })
			),
			(text) => {
				const parsed = parsePeriod(text);
				if (parsed.ok) {
					// what is accepted is a real span of four-digit-year days, labelled
					expect(parsed.period.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
					expect(parsed.period.start <= parsed.period.end).toBe(true);
					expect(parsed.period.label).not.toBe('');
				} else expect(parsed.message).toMatch(/not a period|Accepted forms/);
			}
		)
);

function periodOf(text: string): Period {
	const parsed = parsePeriod(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.period;
}

propertyTest(
	'periods',
	'a day lies in its month, quarter, half, year and budget year, which nest',
	{ short: 1000, share: 0.15 },
	() =>
		fc.property(date, (d) => {
			const day = periodOf(d);
			const [month, quarter, half, yearOf, fy] = GRANULARITIES.map((g) => bucketContaining(d, g));
			for (const bucket of [month, quarter, half, yearOf, fy])
				expect(isInside(day, bucket!)).toBe(true);
			expect(
				isInside(month!, quarter!) && isInside(quarter!, half!) && isInside(half!, yearOf!)
			).toBe(true);
			expect(isInside(month!, fy!) && isInside(quarter!, fy!) && isInside(half!, fy!)).toBe(true);
			// a budget year and a calendar year are never one inside the other
			expect(overlapsPartly(fy!, yearOf!)).toBe(true);
			// the bucket's label parses to the bucket
			expect(periodOf(month!.label)).toEqual(month);
		})
);

propertyTest(
	'periods',
	'buckets tile a range in order, without gap or overlap, and days step back and forth',
	{ short: 500, share: 0.15 },
	() =>
		fc.property(
			date,
			fc.nat(800),
			fc.constantFrom(...GRANULARITIES),
			fc.integer({ min: -400, max: 400 }),
			(start, length, by, step) => {
				const end = addDays(start, length);
				// addDays leaves four-digit years to its callers (10000-01-01 sorts before 9998)
				fc.pre(end.length === 10 && end <= '9998-12-31');
				const buckets = bucketsOverlapping(start, end, by);
				expect(buckets[0]!.start <= start).toBe(true);
				expect(buckets.at(-1)!.end >= end).toBe(true);
				for (let i = 1; i < buckets.length; i++) {
					expect(buckets[i]!.start).toBe(addDays(buckets[i - 1]!.end, 1));
				}
				const moved = addDays(start, step);
				fc.pre(/^\d{4}-/.test(moved) && moved >= '1000-01-01');
				expect(addDays(moved, -step)).toBe(start);
				expect(Math.sign(moved.localeCompare(start))).toBe(Math.sign(step));
			}
		)
);
