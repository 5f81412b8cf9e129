/**
 * What an API token may do. `full`: whatever its account may (the token acts as its user).
 * `read`: only read — a partner dashboard's token cannot import, undo or change anything even
 * when its account could, so a leaked copy gives away figures, never the power to alter them.
 */
export const TOKEN_SCOPES = ['full', 'read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The scope a new token gets when the form does not say: the safer one (docs/api.md). */
export const DEFAULT_TOKEN_SCOPE: TokenScope = 'read';

export function isTokenScope(value: unknown): value is TokenScope {
	return (TOKEN_SCOPES as readonly unknown[]).includes(value);
}

/** Methods that only read: HTTP's safe methods. Anything else may change something. */
const READING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a token of this scope may send a request of this method. */
export function scopeAllows(scope: TokenScope, method: string): boolean {
	return scope === 'full' || READING_METHODS.has(method.toUpperCase());
}
