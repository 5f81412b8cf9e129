/**
 * The RBB report as a self-contained HTML file, beside its CSV and workbook: the document
 * component the page shows (lib/components/reports/RbbDocument.svelte), rendered on the
 * server, with its styles inline. Outside Vite (the `cpas` process) .svelte files are compiled
 * on import by svelte-hooks.js.
 */
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import type { Component } from 'svelte';
import type { RbbReport } from '../../../domain/rbb-report';
import { m } from '../../../paraglide/messages.js';
import { inLocale } from '../../i18n/request-locale';

let hooked = false;

async function documentComponent(): Promise<Component<{ report: RbbReport; demo?: boolean }>> {
	// Under Vite (tests), its Svelte plugin compiles the component and sets import.meta.env;
	// a plain Node process has neither and needs the hook.
	if (!hooked && import.meta.env === undefined) {
		register('./svelte-hooks.js', import.meta.url);
		hooked = true;
	}
	return (await import('../../../components/reports/RbbDocument.svelte')).default;
}

/**
 * The colour tokens of src/app.css (its custom properties only), which the document's styles
 * use: a page has them from the app's stylesheet, a file of its own must carry them.
 */
function tokens(): string {
	const css = readFileSync(new URL('../../../../app.css', import.meta.url), 'utf8');
	return [...css.matchAll(/^\s*(--[\w-]+:[^;]+;)/gm)].map((m) => m[1]).join(' ');
}

const escape = (s: string) =>
	s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The report as a file, written in its language (`report.locale`), whoever asks for it. */
export async function rbbHtml(report: RbbReport, demo: boolean): Promise<string> {
	const { render } = await import('svelte/server');
	const component = await documentComponent();
	const { head, body, title } = inLocale(report.locale, () => {
		// the result's parts are getters: read them here, inside the report's language
		const rendered = render(component, { props: { report, demo } });
		return {
			head: rendered.head,
			body: rendered.body,
			title: m.rep_rbb_title({ year: report.year.label })
		};
	});
	return `<!doctype html>
<html lang="${report.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>:root { ${tokens()} } body { margin: 1.5rem; } @media print { body { margin: 0; } }</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}
