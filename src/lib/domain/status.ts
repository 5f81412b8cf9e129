import type { Direction, Status } from './vocabulary';

/** The default tolerance around a target within which an indicator is "on track". */
export const DEFAULT_STATUS_MARGIN = 0.15;

/**
 * Comparisons allow a relative error of 1e-9, so binary floating point cannot move a value
 * across an edge: 1.15 × 100 is 114.99999999999999, yet an actual of 115 is on track.
 */
const RELATIVE_TOLERANCE = 1e-9;

function atLeast(value: number, bound: number): boolean {
	return value >= bound - RELATIVE_TOLERANCE * Math.abs(bound);
}

function atMost(value: number, bound: number): boolean {
	return value <= bound + RELATIVE_TOLERANCE * Math.abs(bound);
}

/**
 * Direction-aware status of one point (formats.md §3). For an `increase` indicator, reaching
 * the target is achieved and falling short by at most the margin is on track; mirrored for
 * `decrease`.
 */
export function statusFor(
	actual: number | null,
	target: number | null,
	direction: Direction,
	margin: number = DEFAULT_STATUS_MARGIN
): Status {
	if (actual === null) return 'no_data';
	if (target === null) return 'no_target';
	if (direction === 'increase') {
		if (atLeast(actual, target)) return 'achieved';
		return atLeast(actual, (1 - margin) * target) ? 'on_track' : 'off_track';
	}
	if (atMost(actual, target)) return 'achieved';
	return atMost(actual, (1 + margin) * target) ? 'on_track' : 'off_track';
}

/** A plain decimal number; the exponent is there for numbers written by `String(n)`. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a margin written as a fraction (`0.1`) or a percentage (`10%`, spaces allowed around
 * the number); null when it is not a number between 0 and 1.
 */
export function parseMargin(text: string): number | null {
	const trimmed = text.trim();
	const percent = trimmed.endsWith('%');
	const digits = (percent ? trimmed.slice(0, -1) : trimmed).trim();
	if (!DECIMAL.test(digits)) return null;
	const n = Number(digits);
	const fraction = percent ? n / 100 : n;
	return Number.isFinite(fraction) && fraction <= 1 ? fraction : null;
}
