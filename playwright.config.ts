import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/chromium';
import { ADMIN_STATE } from './tests/e2e/auth';

/** ports from the environment, so two checkouts can run their e2e suites at once */
const PORT = Number(process.env.CPAS_E2E_PORT ?? 4173);
/** a second server on an empty database */
const EMPTY_PORT = PORT + 1;

/**
 * End-to-end tests drive Debian's Chromium (Playwright's own browser download cannot work on
 * our machines) against the built app, on a fresh database loaded with the demo mission.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 30_000,
	reporter: process.env.CI ? 'list' : 'line',
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: CHROMIUM_LAUNCH
	},
	projects: [
		{ name: 'sign-in', testMatch: /global\.setup\.ts/ },
		{
			// every spec runs signed in as the demo administrator; pageAs() opens other roles
			name: 'e2e',
			dependencies: ['sign-in'],
			testIgnore: /global\.setup\.ts/,
			use: { storageState: ADMIN_STATE }
		}
	],
	webServer: [
		{
			command: 'node tests/e2e/serve.js',
			port: PORT,
			timeout: 120_000,
			reuseExistingServer: false,
			env: {
				PORT: String(PORT),
				ORIGIN: `http://localhost:${PORT}`,
				DATABASE_PATH: 'test-results/e2e.sqlite',
				CPAS_DEMO: '1',
				// small, so that tests/e2e/upload-limit.spec.ts can pass it without a large file
				CPAS_UPLOAD_LIMIT_MB: '2'
			}
		},
		{
			// a new installation: no account, no demo (tests/e2e/first-administrator.spec.ts)
			command: 'node tests/e2e/serve.js',
			port: EMPTY_PORT,
			timeout: 120_000,
			reuseExistingServer: false,
			env: {
				PORT: String(EMPTY_PORT),
				ORIGIN: `http://localhost:${EMPTY_PORT}`,
				DATABASE_PATH: 'test-results/e2e-empty.sqlite',
				CPAS_DEMO: '0'
			}
		}
	]
});
