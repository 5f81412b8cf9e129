import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// precompress: the field runs on slow links, so gzip/brotli files are served when the browser accepts them
		adapter: adapter({ precompress: true }),
		// The page's own scripts and styles come from this origin only; SvelteKit adds a nonce to
		// its inline hydration script (mode 'auto'), and we write no inline script of our own.
		// docs/security.md explains each directive.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// 'unsafe-inline' for styles only: Svelte renders style: directives (chart heights, the
				// area tree's indentation) as style attributes in the server's HTML, and with 'self'
				// alone Chromium blocks them (tests/e2e/security.spec.ts saw it). Styles cannot run
				// code; scripts stay 'self' plus SvelteKit's nonce.
				'style-src': ['self', 'unsafe-inline'],
				// charts are exported as PNGs through data: and blob: URLs
				'img-src': ['self', 'data:', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
