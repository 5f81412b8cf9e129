import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// precompress: the field runs on slow links, so gzip/brotli files are served when the browser accepts them
		adapter: adapter({ precompress: true })
	}
};

export default config;
