/**
 * How pages write stored times: to the minute, in UTC, the same on the server and in the
 * browser, so a page does not change under the reader when it hydrates.
 */
import { intlLocale } from './locale';

/** `2025-03-14 09:26 UTC`, for a stored ISO time (UTC) or milliseconds since the epoch. */
export function timeText(at: string | number): string {
	const iso = typeof at === 'number' ? isoTime(at) : at;
	return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** The ISO form of a time in milliseconds, for a `<time datetime>`. */
export function isoTime(ms: number): string {
	return new Date(ms).toISOString();
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A day as the reader writes it: `6 Dec 2026`, `6 déc. 2026`; for a stored ISO date or time
 * (its UTC day, so server and browser agree).
 */
export function dateText(iso: string): string {
	const locale = intlLocale();
	let format = dateFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, {
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			timeZone: 'UTC'
		});
		dateFormats.set(locale, format);
	}
	return format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** `6 Dec 2026 09:26 UTC`, `6 déc. 2026 09:26 UTC`: a stored ISO time (UTC) with its day in words. */
export function dateTimeText(iso: string): string {
	return `${dateText(iso)} ${iso.slice(11, 16)} UTC`;
}
