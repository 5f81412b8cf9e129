import { describe, expect, test } from 'vitest';
import {
	DEFAULT_SESSION_POLICY,
	needsTouch,
	sessionEnd,
	sessionPolicyFrom,
	sessionState
} from '../../../src/lib/domain/session-expiry';

const policy = { idleMs: 1000, absoluteMs: 10_000 };
const begun = { createdAt: 0, lastSeenAt: 0, expiresAt: sessionEnd(0, policy) };

describe('when a session ends', () => {
	test('active while used within the idle limit, before the absolute end', () => {
		expect(sessionState(begun, 999, policy)).toBe('active');
		expect(sessionState({ ...begun, lastSeenAt: 9000 }, 9500, policy)).toBe('active');
	});

	test('idle once nothing was asked for the idle limit', () => {
		expect(sessionState(begun, 1000, policy)).toBe('idle');
	});

	test('expired at its absolute end however busy', () => {
		expect(sessionState({ ...begun, lastSeenAt: 9999 }, 10_000, policy)).toBe('expired');
	});

	test('seen at most once a minute, or a tenth of a short idle limit', () => {
		expect(needsTouch(0, 59_999)).toBe(false);
		expect(needsTouch(0, 60_000)).toBe(true);
		expect(needsTouch(0, 99, policy)).toBe(false);
		expect(needsTouch(0, 100, policy)).toBe(true);
	});

	test('the environment can change both limits; nonsense keeps the defaults', () => {
		expect(
			sessionPolicyFrom({ CPAS_SESSION_IDLE_MINUTES: '30', CPAS_SESSION_MAX_HOURS: '8' })
		).toEqual({ idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 });
		expect(
			sessionPolicyFrom({ CPAS_SESSION_IDLE_MINUTES: 'soon', CPAS_SESSION_MAX_HOURS: '-1' })
		).toEqual(DEFAULT_SESSION_POLICY);
	});
});
