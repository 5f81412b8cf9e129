/**
 * How pages write stored times: to the minute, in UTC, the same on the server and in the
 * browser, so a page does not change under the reader when it hydrates.
 */

/** `2025-03-14 09:26 UTC`, for a stored ISO time (UTC) or milliseconds since the epoch. */
export function timeText(at: string | number): string {
	const iso = typeof at === 'number' ? isoTime(at) : at;
	return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** The ISO form of a time in milliseconds, for a `<time datetime>`. */
export function isoTime(ms: number): string {
	return new Date(ms).toISOString();
}
