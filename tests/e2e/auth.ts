/**
 * Signing in for end-to-end tests. Every spec runs signed in as the demo administrator (the
 * `sign-in` project saves that session, see global.setup.ts); a spec that needs another role
 * opens its own browser context with `pageAs`.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { demoPassword } from '../../src/lib/server/demo/demo-password';

export const ADMIN_STATE = 'test-results/e2e/.auth/admin.json';

export { demoPassword };

export async function signIn(page: Page, username: string, password = demoPassword(username)) {
	await page.goto('/login');
	await page.getByLabel('User name').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** A page in a fresh browser context, signed in as `username` (a demo account by default). */
export async function pageAs(browser: Browser, username: string, password?: string): Promise<Page> {
	const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
	const page = await context.newPage();
	await signIn(page, username, password);
	return page;
}
