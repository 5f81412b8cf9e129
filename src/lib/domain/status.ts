import type { Direction, Status } from './vocabulary';

/** The default tolerance around a target within which an indicator is "on track". */
export const DEFAULT_STATUS_MARGIN = 0.15;

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
		if (actual >= target) return 'achieved';
		return actual >= (1 - margin) * target ? 'on_track' : 'off_track';
	}
	if (actual <= target) return 'achieved';
	return actual <= (1 + margin) * target ? 'on_track' : 'off_track';
}

/**
 * Reads a margin written as a fraction (`0.1`) or a percentage (`10%`); null when it is not
 * a number between 0 and 1.
 */
export function parseMargin(text: string): number | null {
	const trimmed = text.trim();
	const percent = trimmed.endsWith('%');
	const n = Number(percent ? trimmed.slice(0, -1) : trimmed);
	if (trimmed === '' || !Number.isFinite(n)) return null;
	const fraction = percent ? n / 100 : n;
	return fraction >= 0 && fraction <= 1 ? fraction : null;
}
