/**
 * Node module hooks that compile .svelte files for server rendering, so the command line can
 * render the same Svelte component as the page (`cpas report rbb --format html`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
	if (!url.endsWith('.svelte')) return nextLoad(url, context);
	const filename = fileURLToPath(url);
	const source = await readFile(filename, 'utf8');
	const { js } = compile(source, { filename, generate: 'server', css: 'injected', dev: false });
	return { format: 'module', source: js.code, shortCircuit: true };
}
