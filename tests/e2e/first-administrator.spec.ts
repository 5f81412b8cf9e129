/**
 * A new installation (its own server on an empty database, see playwright.config.ts): the
 * first-administrator page and nothing else; then accounts as an administrator makes them,
 * including a temporary password that must be replaced before anything else.
 */
import { expect, test } from '@playwright/test';
import { signIn } from './auth';

const EMPTY = `http://localhost:${Number(process.env.CPAS_E2E_PORT ?? 4173) + 1}`;
test.use({ baseURL: EMPTY, storageState: { cookies: [], origins: [] } });

test('a new installation shows only the first-administrator page, then works', async ({
	page,
	browser
}) => {
	test.setTimeout(60_000);
	// every page leads to the setup page; the API answers 401
	for (const path of ['/', '/indicators', '/admin/users', '/login']) {
		await page.goto(path);
		await expect(page, path).toHaveURL(/\/setup$/);
	}
	await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
	const api = await page.request.get('/api/v1/indicators');
	expect(api.status()).toBe(401);
	expect(await api.json()).toEqual({
		error: 'No account exists yet: create the first administrator at /setup.'
	});

	// a mistake is said on its field; then the administrator is created and signed in
	await page.getByLabel('User name').fill('chief.admin');
	await page.locator('#setup-password').fill('a long pass phrase');
	await page.getByLabel('Password again').fill('another phrase');
	await page.getByRole('button', { name: 'Create the administrator' }).click();
	await expect(page.getByRole('alert')).toContainText('The two passwords differ.');
	await page.locator('#setup-password').fill('a long pass phrase');
	await page.getByLabel('Password again').fill('a long pass phrase');
	await page.getByRole('button', { name: 'Create the administrator' }).click();
	await expect(page).toHaveURL(/\/admin\/users$/);
	await expect(page.getByRole('link', { name: /^chief\.admin\s*, your account$/ })).toBeVisible();

	// the setup page is gone for good
	await page.goto('/setup');
	await expect(page).toHaveURL(/\/admin\/users$|\/$/);

	// an account made by the administrator, then given a temporary password
	await page.goto('/admin/users');
	await page.locator('#create-username').fill('lea');
	await page.locator('#create-password').fill('first password 2026');
	await page.getByLabel('Role').selectOption('leadership');
	await page.getByRole('button', { name: 'Create the account' }).click();
	await expect(page).toHaveURL(/\/admin\/users\/lea/);
	await page.getByLabel('Temporary password').fill('temporary phrase 77');
	await page.getByRole('button', { name: 'Set the temporary password' }).click();
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: /temporary|reset/i })
			.first()
	).toBeVisible();

	// lea signs in with it and must choose her own before anything else
	const lea = await (
		await browser.newContext({ baseURL: EMPTY, storageState: { cookies: [], origins: [] } })
	).newPage();
	await lea.goto('/login');
	await lea.getByLabel('User name').fill('lea');
	await lea.getByLabel('Password').fill('temporary phrase 77');
	await lea.getByRole('button', { name: 'Sign in' }).click();
	await expect(lea).toHaveURL(/\/account\?password=reset/);
	await lea.goto('/indicators');
	await expect(lea).toHaveURL(/\/account\?password=reset/);
	await lea.locator('#password-current').fill('temporary phrase 77');
	await lea.locator('#password-password').fill('lea chooses her own');
	await lea.locator('#password-confirm').fill('lea chooses her own');
	await lea.getByRole('button', { name: 'Change the password' }).click();
	await expect(lea.getByRole('status').first()).toContainText('Your password is changed');
	await lea.goto('/indicators');
	await expect(lea).toHaveURL(/\/indicators$/);

	// the old temporary password no longer opens anything
	const again = await (
		await browser.newContext({ baseURL: EMPTY, storageState: { cookies: [], origins: [] } })
	).newPage();
	await again.goto('/login');
	await again.getByLabel('User name').fill('lea');
	await again.getByLabel('Password').fill('temporary phrase 77');
	await again.getByRole('button', { name: 'Sign in' }).click();
	await expect(again.getByRole('alert')).toContainText('not right');
	await signIn(again, 'lea', 'lea chooses her own');
});
