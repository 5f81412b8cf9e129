/** Random opaque secrets (session cookies, API tokens) and the hashes they are stored as. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe: unguessable, and harmless in a header or a cookie. */
export function newSecret(prefix = ''): string {
	return prefix + randomBytes(32).toString('base64url');
}

/**
 * SHA-256 is enough here (unlike passwords): the secret has 256 bits of entropy, so there is
 * nothing to guess, and a fast hash keeps every request's lookup cheap.
 */
export function secretHash(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}
