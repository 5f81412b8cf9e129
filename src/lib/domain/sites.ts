/**
 * The rules of a site's row (docs/formats.md "Sites: where the mission stands"), pure so they
 * are tested alone: where a site is (WGS84 degrees) and when it was open (ISO dates, closed on
 * or after opened). Each answers the problem in words, or null when the value is fine.
 */
import { m } from '../paraglide/messages.js';
import { dateProblem } from './period';

export const LATITUDE_RANGE = { min: -90, max: 90 } as const;
export const LONGITUDE_RANGE = { min: -180, max: 180 } as const;

const within = (n: number, range: { min: number; max: number }) => n >= range.min && n <= range.max;

/**
 * Why a latitude cannot be one. A latitude past ±90 that would be a fine longitude, beside a
 * longitude that would be a fine latitude, is most likely the two columns swapped: say so.
 */
export function latitudeProblem(
	value: string,
	latitude: number,
	longitude?: number | null
): string | null {
	if (within(latitude, LATITUDE_RANGE)) return null;
	const swapped =
		within(latitude, LONGITUDE_RANGE) && longitude != null && within(longitude, LATITUDE_RANGE);
	return swapped ? m.site_latitude_swapped({ value }) : m.site_latitude_range({ value });
}

export function longitudeProblem(value: string, longitude: number): string | null {
	return within(longitude, LONGITUDE_RANGE) ? null : m.site_longitude_range({ value });
}

/** Why a site's date cannot be read: it must be a real day written YYYY-MM-DD. */
export function siteDateProblem(value: string): string | null {
	const reason = dateProblem(value);
	return reason === null ? null : m.site_date_refused({ value, reason });
}

/** A site cannot close before it opened (ISO dates compare as text); the same day is fine. */
export function closedBeforeOpened(opened: string, closed: string): string | null {
	return closed < opened ? m.site_closed_before_opened({ opened, closed }) : null;
}
