import { getLocale } from '../paraglide/runtime.js';

/** Built once: a formatter per call is most of the time a long table takes. */
const FRENCH_DAY = new Intl.DateTimeFormat('fr-FR', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});

/**
 * The day of a stored ISO date or time, as the reports write it in the current language:
 * `2025-07-31` in English (as the reports always wrote it, so sorting and tests keep it),
 * `31 juil. 2025` in French.
 */
export function dayText(iso: string): string {
	const day = iso.slice(0, 10);
	if (getLocale() !== 'fr' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
	return FRENCH_DAY.format(new Date(`${day}T00:00:00Z`));
}
