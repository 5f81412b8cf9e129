/**
 * How long a sign-in must wait after failures: the first few mistakes cost nothing (people
 * mistype), then each failure doubles the wait, up to a ceiling. Applied per account (someone
 * guessing one person's password) and per address (someone trying many accounts); the longer
 * of the two wins.
 */
import { m } from '../paraglide/messages.js';

export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;

/**
 * Failures forgiven before waits begin: few for one account (a person retyping), more for an
 * address, which a whole office behind one gateway may share.
 */
export const FREE_FAILURES = { account: 3, address: 10 } as const;
export type FailureKind = keyof typeof FREE_FAILURES;

/** The wait imposed after `failures` failures in a row. */
export function delayAfter(failures: number, kind: FailureKind = 'account'): number {
	const free = FREE_FAILURES[kind];
	if (failures < free) return 0;
	return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - free));
}

export interface FailureCount {
	failures: number;
	lastFailureAt: number;
}

/** Milliseconds still to wait before another attempt is heard; 0: go ahead. */
export function waitRemaining(
	count: FailureCount | undefined,
	now: number,
	kind: FailureKind = 'account'
): number {
	const failures = currentFailures(count, now);
	if (!count || failures === 0) return 0;
	return Math.max(0, count.lastFailureAt + delayAfter(failures, kind) - now);
}

/**
 * A count left alone for a day is forgotten: a mistake last week does not make today's first
 * attempt wait.
 */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export function currentFailures(count: FailureCount | undefined, now: number): number {
	if (!count || now - count.lastFailureAt >= FORGET_AFTER_MS) return 0;
	return count.failures;
}

/** "12 seconds", "3 minutes": a wait as a person reads it, rounded up, in their language. */
export function waitText(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	// at most 900: no digit grouping to follow the language for
	if (seconds < 60) return m.shell_wait_seconds({ count: seconds, n: String(seconds) });
	const minutes = Math.ceil(seconds / 60);
	return m.shell_wait_minutes({ count: minutes, n: String(minutes) });
}
