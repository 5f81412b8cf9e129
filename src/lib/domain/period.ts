/**
 * Periods as written in files, on the command line and in the API (formats.md §2), and the
 * buckets a series is cut into (formats.md §3).
 *
 * Dates are ISO `YYYY-MM-DD` strings throughout so that plain string comparison orders them.
 * Calendar arithmetic is done on integers rather than with `Date`, so no time zone or daylight
 * saving change can shift a day.
 */

import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import { INTL_TAGS } from '../i18n/locales';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'day' | 'fy' | 'range';

export type Granularity = 'month' | 'quarter' | 'half' | 'year' | 'fy';

export const GRANULARITIES: readonly Granularity[] = ['month', 'quarter', 'half', 'year', 'fy'];

export interface Period {
	kind: PeriodKind;
	/** First day, inclusive. */
	start: string;
	/** Last day, inclusive. */
	end: string;
	/** How the period is shown in a series; for a range, the text as written. */
	label: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string };

/** The forms a period may be written in, as the refusals list them (in the reader's language). */
export function acceptedPeriodForms(): string {
	return m.impmsg_period_forms();
}

// Four digits keep string order equal to date order; a wider year would sort wrongly.
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;
const yearRangeReason = () =>
	m.impmsg_period_years_range({ first: String(FIRST_YEAR), last: String(LAST_YEAR) });
const monthRangeReason = () => m.impmsg_period_months_range();

// Budget years run July to June (formats.md §2).
const BUDGET_YEAR_FIRST_MONTH = 7;

/** "February 2023" / "février 2023": a month as the refusals name it, in the reader's language. */
function monthName(year: number, month: number): string {
	return new Date(Date.UTC(year, month - 1, 1)).toLocaleString(INTL_TAGS[getLocale()], {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

const YEAR = /^(\d{4})$/;
const HALF = /^(\d{4})-?([HS])(\d+)$/i;
const QUARTER = /^(\d{4})-?Q(\d+)$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const BUDGET_YEAR = /^(?:FY)?(\d{4})\/(\d+)$/i;
const RANGE = /^(\d{4}-\S*?)\s*\/\s*(\S*)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Shapes that are close to an accepted form, so the message can say what is wrong.
const SHORT_MONTH = /^\d{4}-\d$/;
const QUARTER_OR_HALF_WITHOUT_YEAR = /^-?[QHS]\d+$/i;

export function parsePeriod(text: string): PeriodResult {
	const written = text.trim();
	if (written === '') {
		return { ok: false, message: m.impmsg_period_empty({ forms: acceptedPeriodForms() }) };
	}
	const refuse = (reason?: string): PeriodResult => ({
		ok: false,
		message:
			reason === undefined
				? m.impmsg_period_not({ written, forms: acceptedPeriodForms() })
				: m.impmsg_period_not_because({ written, reason, forms: acceptedPeriodForms() })
	});

	let match = YEAR.exec(written);
	if (match) {
		const [, yearText = ''] = match;
		const year = Number(yearText);
		return yearInRange(year) ? accept(yearPeriod(year)) : refuse(yearRangeReason());
	}

	match = HALF.exec(written);
	if (match) {
		const [, yearText = '', , halfText = ''] = match;
		const year = Number(yearText);
		if (!yearInRange(year)) return refuse(yearRangeReason());
		if (halfText !== '1' && halfText !== '2') {
			return refuse(m.impmsg_period_halves());
		}
		return accept(halfPeriod(year, halfText === '1' ? 1 : 2));
	}

	match = QUARTER.exec(written);
	if (match) {
		const [, yearText = '', quarterText = ''] = match;
		const year = Number(yearText);
		if (!yearInRange(year)) return refuse(yearRangeReason());
		if (!/^[1-4]$/.test(quarterText)) return refuse(m.impmsg_period_quarters());
		return accept(quarterPeriod(year, Number(quarterText)));
	}

	match = MONTH.exec(written);
	if (match) {
		const [, yearText = '', monthText = ''] = match;
		const year = Number(yearText);
		const month = Number(monthText);
		if (!yearInRange(year)) return refuse(yearRangeReason());
		if (month < 1 || month > 12) return refuse(monthRangeReason());
		return accept(monthPeriod(year, month));
	}

	if (ISO_DATE.test(written)) {
		const problem = dateProblem(written);
		if (problem !== null) return refuse(m.impmsg_period_not_real_date({ problem }));
		return accept({ kind: 'day', start: written, end: written, label: written });
	}

	match = BUDGET_YEAR.exec(written);
	if (match) {
		const [, yearText = '', endText = ''] = match;
		const year = Number(yearText);
		// The budget year ends in year + 1, which must also be a four-digit year.
		if (!yearInRange(year) || !yearInRange(year + 1)) {
			return refuse(
				m.impmsg_period_budget_years_range({
					first: budgetYearLabel(FIRST_YEAR),
					last: budgetYearLabel(LAST_YEAR - 1)
				})
			);
		}
		if (endText !== twoDigits((year + 1) % 100)) {
			return refuse(m.impmsg_period_budget_year_end({ example: budgetYearLabel(year) }));
		}
		return accept(budgetYearPeriod(year));
	}

	match = RANGE.exec(written);
	if (match) {
		const [, first = '', last = ''] = match;
		if (!ISO_DATE.test(first) || !ISO_DATE.test(last)) {
			return refuse(m.impmsg_period_range_form());
		}
		for (const date of [first, last]) {
			const problem = dateProblem(date);
			if (problem !== null) return refuse(m.impmsg_period_date_not_real({ date, problem }));
		}
		if (first > last) return refuse(m.impmsg_period_range_backwards({ first, last }));
		return accept({ kind: 'range', start: first, end: last, label: written });
	}

	if (SHORT_MONTH.test(written)) return refuse(m.impmsg_period_month_digits());
	if (QUARTER_OR_HALF_WITHOUT_YEAR.test(written)) {
		return refuse(m.impmsg_period_needs_year());
	}
	return refuse();
}

export function isGranularity(s: string): s is Granularity {
	return (GRANULARITIES as readonly string[]).includes(s);
}

/** Throws on an invalid date: callers are expected to have validated it already. */
export function bucketContaining(date: string, by: Granularity): Period {
	const { year, month } = partsOf(date);
	switch (by) {
		case 'month':
			return monthPeriod(year, month);
		case 'quarter':
			return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
		case 'half':
			return halfPeriod(year, month <= 6 ? 1 : 2);
		case 'year':
			return yearPeriod(year);
		case 'fy':
			return budgetYearPeriod(month >= BUDGET_YEAR_FIRST_MONTH ? year : year - 1);
	}
}

/** Empty when start is after end. */
export function bucketsOverlapping(start: string, end: string, by: Granularity): Period[] {
	if (start > end) return [];
	let bucket = bucketContaining(start, by);
	const buckets = [bucket];
	// Stepping only while a bucket ends before `end` never walks past the last valid year.
	while (bucket.end < end) {
		bucket = bucketContaining(addDays(bucket.end, 1), by);
		buckets.push(bucket);
	}
	return buckets;
}

export function isInside(
	inner: { start: string; end: string },
	outer: { start: string; end: string }
): boolean {
	return outer.start <= inner.start && inner.end <= outer.end;
}

export function overlapsPartly(
	a: { start: string; end: string },
	b: { start: string; end: string }
): boolean {
	const overlap = a.start <= b.end && b.start <= a.end;
	return overlap && !isInside(a, b) && !isInside(b, a);
}

export function daysInMonth(year: number, month: number): number {
	if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
		throw new RangeError(`No such month: ${year}-${month}`);
	}
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Throws on an invalid date or a fractional number of days. The result is not checked against
 * the four-digit years, so callers stepping near 1000 or 9999 must bound themselves.
 */
export function addDays(date: string, n: number): string {
	if (!Number.isInteger(n)) throw new RangeError(`Cannot add ${n} days: not a whole number`);
	const { year, month, day } = partsOf(date);
	const shifted = civilFromDayNumber(dayNumber(year, month, day) + n);
	return isoDate(shifted.year, shifted.month, shifted.day);
}

export function isValidDate(date: string): boolean {
	return dateProblem(date) === null;
}

export function granularityOf(period: Period): Granularity | null {
	switch (period.kind) {
		case 'month':
		case 'quarter':
		case 'half':
		case 'year':
		case 'fy':
			return period.kind;
		case 'day':
		case 'range':
			return null;
	}
}

function accept(period: Period): PeriodResult {
	return { ok: true, period };
}

function yearInRange(year: number): boolean {
	return year >= FIRST_YEAR && year <= LAST_YEAR;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Why the text is not a real `YYYY-MM-DD` date, or null when it is one. */
export function dateProblem(date: string): string | null {
	const match = ISO_DATE.exec(date);
	if (!match) return m.impmsg_date_not_iso();
	const [, yearText = '', monthText = '', dayText = ''] = match;
	const year = Number(yearText);
	const month = Number(monthText);
	const day = Number(dayText);
	if (!yearInRange(year)) return yearRangeReason();
	if (month < 1 || month > 12) return monthRangeReason();
	const last = daysInMonth(year, month);
	if (day < 1) return m.impmsg_date_days_start();
	if (day > last)
		return m.impmsg_date_month_days({ month: monthName(year, month), days: String(last) });
	return null;
}

function partsOf(date: string): { year: number; month: number; day: number } {
	const match = ISO_DATE.exec(date);
	if (!match || dateProblem(date) !== null) throw new RangeError(`Not a valid date: "${date}"`);
	const [, yearText = '', monthText = '', dayText = ''] = match;
	return { year: Number(yearText), month: Number(monthText), day: Number(dayText) };
}

function twoDigits(n: number): string {
	return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
}

function monthPeriod(year: number, month: number): Period {
	return {
		kind: 'month',
		start: isoDate(year, month, 1),
		end: isoDate(year, month, daysInMonth(year, month)),
		label: `${year}-${twoDigits(month)}`
	};
}

function quarterPeriod(year: number, quarter: number): Period {
	const lastMonth = quarter * 3;
	return {
		kind: 'quarter',
		start: isoDate(year, lastMonth - 2, 1),
		end: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
		label: `${year}-Q${quarter}`
	};
}

function halfPeriod(year: number, half: 1 | 2): Period {
	return half === 1
		? { kind: 'half', start: isoDate(year, 1, 1), end: isoDate(year, 6, 30), label: `${year}-H1` }
		: { kind: 'half', start: isoDate(year, 7, 1), end: isoDate(year, 12, 31), label: `${year}-H2` };
}

function yearPeriod(year: number): Period {
	return { kind: 'year', start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), label: `${year}` };
}

/** The budget year that starts on 1 July of `firstYear`. */
function budgetYearPeriod(firstYear: number): Period {
	return {
		kind: 'fy',
		start: isoDate(firstYear, BUDGET_YEAR_FIRST_MONTH, 1),
		end: isoDate(firstYear + 1, BUDGET_YEAR_FIRST_MONTH - 1, 30),
		label: budgetYearLabel(firstYear)
	};
}

function budgetYearLabel(firstYear: number): string {
	return `FY${firstYear}/${twoDigits((firstYear + 1) % 100)}`;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
// Eras of 400 years repeat exactly, which keeps the arithmetic on small integers.
function dayNumber(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

function civilFromDayNumber(days: number): { year: number; month: number; day: number } {
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36524) -
			Math.floor(dayOfEra / 146096)) /
			365
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
	const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
	return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
