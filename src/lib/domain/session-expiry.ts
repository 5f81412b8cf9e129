/**
 * When a signed-in session ends. Two clocks: idle (no request for a while — the laptop left
 * open in a shared office) and absolute (however busy, sign in again after a working day).
 * Times are milliseconds since the epoch.
 */
export interface SessionPolicy {
	idleMs: number;
	absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = Object.freeze({
	idleMs: 2 * 60 * 60 * 1000,
	absoluteMs: 12 * 60 * 60 * 1000
});

export interface SessionTimes {
	createdAt: number;
	lastSeenAt: number;
	expiresAt: number;
}

export type SessionState = 'active' | 'idle' | 'expired';

export function sessionState(
	session: SessionTimes,
	now: number,
	policy: SessionPolicy = DEFAULT_SESSION_POLICY
): SessionState {
	if (now >= session.expiresAt) return 'expired';
	if (now - session.lastSeenAt >= policy.idleMs) return 'idle';
	return 'active';
}

/** The absolute end of a session begun at `createdAt`. */
export function sessionEnd(createdAt: number, policy: SessionPolicy = DEFAULT_SESSION_POLICY) {
	return createdAt + policy.absoluteMs;
}

/**
 * Whether a request should record that the session was seen: once a minute is precise enough
 * for an idle limit of hours and spares a write on every request; a short idle limit is
 * recorded a tenth of it at a time, so a session in use never looks idle.
 */
export function needsTouch(
	lastSeenAt: number,
	now: number,
	policy: SessionPolicy = DEFAULT_SESSION_POLICY
): boolean {
	return now - lastSeenAt >= Math.min(60_000, policy.idleMs / 10);
}

/** The policy the environment asks for (`CPAS_SESSION_IDLE_MINUTES`, `CPAS_SESSION_MAX_HOURS`). */
export function sessionPolicyFrom(env: Record<string, string | undefined>): SessionPolicy {
	const positive = (value: string | undefined, unitMs: number, fallback: number) => {
		const n = Number(value);
		return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0
			? n * unitMs
			: fallback;
	};
	return {
		idleMs: positive(env.CPAS_SESSION_IDLE_MINUTES, 60_000, DEFAULT_SESSION_POLICY.idleMs),
		absoluteMs: positive(env.CPAS_SESSION_MAX_HOURS, 3_600_000, DEFAULT_SESSION_POLICY.absoluteMs)
	};
}
