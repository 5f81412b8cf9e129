import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_LAUNCH } from './tests/chromium';

export default defineConfig({
	plugins: [
		// messages/*/{en,fr}.json compiled to one function per message (src/lib/paraglide); the
		// locale comes from the request (src/lib/server/i18n), never from the URL
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['globalVariable', 'baseLocale']
		}),
		sveltekit()
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'node',
					environment: 'node',
					include: ['tests/unit/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
					// one process per worker for all files: importing the app again for every file
					// took longer than the tests; what a file changes in the process is put back
					isolate: false,
					setupFiles: ['tests/setup/process-state.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'component',
					include: ['tests/component/**/*.svelte.spec.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({
							launchOptions: CHROMIUM_LAUNCH
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});
