/**
 * Headers every answer of the app carries (pages, API, downloads, error pages); the
 * Content-Security-Policy itself is SvelteKit's (kit.csp in svelte.config.js), because only it
 * knows the nonce of its hydration script. See docs/security.md.
 */
const SECURITY_HEADERS: Record<string, string> = {
	// a CSV download is never run as a script or shown as HTML because a browser guessed its type
	'x-content-type-options': 'nosniff',
	// view URLs name areas and filters; no other site needs to learn what was being looked at
	'referrer-policy': 'same-origin',
	// the CSP's frame-ancestors 'none' for browsers too old to know it
	'x-frame-options': 'DENY'
};

export function withSecurityHeaders(response: Response): Response {
	try {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
		return response;
	} catch {
		// a Response with immutable headers (one passed through from fetch): copy it
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) copy.headers.set(name, value);
		return copy;
	}
}
