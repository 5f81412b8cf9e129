/**
 * An error page written before any route renders (the gate's refusals): plain HTML in the
 * reader's language, like src/error.html (SvelteKit's fallback, which has one language) with
 * the same look, the status, the message and the ways back.
 */
import { m } from '../../paraglide/messages.js';
import { currentLocale } from '../i18n/request-locale';

const escape = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A way on from the page: a link and its words. */
export interface WayOn {
	href: string;
	label: string;
}

export function errorPage(
	status: number,
	message: string,
	options: { title?: string; ways?: WayOn[]; headers?: Record<string, string> } = {}
): Response {
	const title =
		options.title ?? (status === 403 ? m.shell_error_title_403() : m.shell_error_title_other());
	const ways = options.ways ?? [
		{ href: '/', label: m.shell_error_back_home() },
		{ href: '/account', label: m.shell_error_your_account() }
	];
	const html = `<!doctype html>
<html lang="${currentLocale()}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(title)} · CPAS</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f4f6f8; }
header { background: #0b5394; color: #fff; padding: 0.6rem 1rem; font-weight: 700; }
main { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
a { color: #0b5394; }
</style>
</head>
<body>
<header>${escape(m.shell_brand())}</header>
<main>
<p>${escape(m.shell_error_status({ status }))}</p>
<h1>${escape(title)}</h1>
<p>${escape(message)}</p>
<p>${ways.map((w) => `<a href="${escape(w.href)}">${escape(w.label)}</a>`).join(' · ')}</p>
</main>
</body>
</html>
`;
	return new Response(html, {
		status,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			...options.headers
		}
	});
}
