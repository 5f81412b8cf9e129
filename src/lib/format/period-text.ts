/**
 * How a period is shown to people. The codes (`2026-Q3`, `2026-03`, `FY2024/25`) are the
 * contract's and stay in files and URLs; English readers see them as they are, French readers
 * `T3 2026`, `mars 2026`, `exercice 2024/25`.
 */
import { parsePeriod } from '../domain/period';
import { BASE_LOCALE } from '../i18n/locales';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import { dateText } from './time';
import { intlLocale } from './locale';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const BUDGET_YEAR = /^FY(\d{4}\/\d{2})$/;

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** `mars 2026`: the month's name and year in the reader's language. */
function monthText(start: string): string {
	const locale = intlLocale();
	let format = monthFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
		monthFormats.set(locale, format);
	}
	return format.format(new Date(`${start}T00:00:00Z`));
}

const SEASON_MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
];
const SEASON_QUARTER = /^Q([1-4])$/;
const shortMonthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A point of the same-season axis (`sameSeason`'s `Jan`…`Dec`, `Q1`…`Q4`) as the reader reads
 * it: `janv.`, `T1` in French; English as the domain writes it.
 */
export function seasonLabel(label: string): string {
	const quarter = SEASON_QUARTER.exec(label);
	if (quarter) return m.dash_season_quarter({ quarter: quarter[1]! });
	const month = SEASON_MONTHS.indexOf(label);
	if (month < 0 || getLocale() === BASE_LOCALE) return label;
	const locale = intlLocale();
	let format = shortMonthFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
		shortMonthFormats.set(locale, format);
	}
	return format.format(Date.UTC(2000, month, 1));
}

/** A period code as the reader reads it; anything that is not a period is shown as written. */
export function periodLabel(code: string): string {
	let match = QUARTER.exec(code);
	if (match) return m.dash_period_quarter({ year: match[1]!, quarter: match[2]! });
	match = HALF.exec(code);
	if (match) return m.dash_period_half({ year: match[1]!, half: match[2]! });
	match = BUDGET_YEAR.exec(code);
	if (match) return m.dash_period_budget_year({ years: match[1]! });
	// months, days and ranges: English reads the codes themselves (ISO dates)
	if (getLocale() === BASE_LOCALE) return code;
	const parsed = parsePeriod(code);
	if (!parsed.ok) return code;
	const { kind, start, end } = parsed.period;
	if (kind === 'month') return monthText(start);
	if (kind === 'day') return dateText(start);
	if (kind === 'range') return m.dash_period_range({ start: dateText(start), end: dateText(end) });
	return code;
}
