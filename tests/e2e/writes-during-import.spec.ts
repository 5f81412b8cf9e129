/**
 * The server while an import holds the database's write lock (issue 13): a second SQLite
 * connection on the server's own database file takes the lock and keeps it, as an import's
 * transaction does. Pages answer, signing in answers within a second, and a change is refused
 * with a clear 503 (Retry-After, the reason on the page) instead of a 500 — and is saved once
 * the lock is free.
 */
import { expect, request, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { demoPassword } from './auth';

const DATABASE = 'test-results/e2e.sqlite';
const MESSAGE = 'An import is being written; your change was not saved. Try again in a moment.';

test('while an import writes: pages and sign-in answer, a change gets a clear 503', async ({
	page,
	baseURL
}) => {
	await page.goto('/admin/settings');
	const lock = new Database(DATABASE);
	lock.exec('BEGIN IMMEDIATE');
	try {
		let started = Date.now();
		await page.goto('/admin/settings');
		expect(Date.now() - started).toBeLessThan(1000);

		// signing in writes only the sessions database: no waiting on the lock
		const someoneElse = await request.newContext({ baseURL });
		started = Date.now();
		const signedIn = await someoneElse.post('/login', {
			form: { username: 'planner', password: demoPassword('planner'), next: '/' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(signedIn.status(), await signedIn.text()).toBe(303);
		expect(signedIn.headers()['set-cookie']).toMatch(/cpas_session=/);
		expect(Date.now() - started).toBeLessThan(1000);
		await someoneElse.dispose();

		// a change to the main database: 503, with when to try again, and no stack trace
		started = Date.now();
		const refused = await page.request.post('/admin/settings?/save', {
			form: { small_cell_threshold: '5', status_margin: '12' },
			headers: { origin: baseURL! }
		});
		expect(refused.status()).toBe(503);
		expect(refused.headers()['retry-after']).toBe('5');
		expect(await refused.text()).toContain(MESSAGE);
		// within a second, like every other answer while an import writes (issue 13)
		expect(Date.now() - started).toBeLessThan(1000);

		// through the form in the browser, the page says why
		await page
			.getByLabel(/status/i)
			.first()
			.fill('12');
		await page.getByRole('button', { name: 'Save the settings' }).click();
		await expect(page.getByText(MESSAGE)).toBeVisible();
	} finally {
		lock.exec('ROLLBACK');
		lock.close();
	}
	await page.goto('/admin/settings');
	await page
		.getByLabel(/status/i)
		.first()
		.fill('12');
	await page.getByRole('button', { name: 'Save the settings' }).click();
	await expect(page.getByRole('status')).toBeVisible();
	// put it back for the other specs
	await page
		.getByLabel(/status/i)
		.first()
		.fill('15');
	await page.getByRole('button', { name: 'Save the settings' }).click();
	await expect(page.getByRole('status')).toBeVisible();
});
