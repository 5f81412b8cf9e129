/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent with another
 * site's form posts), Secure whenever the app is reached over HTTPS — behind a reverse proxy
 * that terminates TLS, set ORIGIN=https://… so the app knows (docs/security.md).
 */
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/sessions';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}

/** The client's address for rate limiting; adapter-node reads ADDRESS_HEADER behind a proxy. */
export function clientAddress(getClientAddress: () => string): string | null {
	try {
		return getClientAddress();
	} catch {
		return null;
	}
}
