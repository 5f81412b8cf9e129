import { expect, request as apiRequest, test, type Browser } from '@playwright/test';
import { signIn } from './auth';

/**
 * Accounts from end to end: the administrator (the default session) creates a planner with a
 * scope; the planner signs in in browsers of their own, sees a planner's navigation, changes
 * the password, gets an API token shown once, ends another of their sessions; disabled by the
 * administrator, the planner's next page is the sign-in page and the token stops working.
 */
const USERNAME = 'pat.e2e';
const FIRST = 'first-password-2026';
const SECOND = 'a much longer second password';

async function freshPage(browser: Browser) {
	const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
	return context.newPage();
}

test('an account from creation to disabling', async ({ page, browser, baseURL }) => {
	test.setTimeout(90_000);

	// the administrator creates a planner for the Force in Amberlake
	await page.goto('/admin/users');
	await page.locator('#create-username').fill(USERNAME);
	await page.locator('#create-display_name').fill('Pat Planner');
	await page.locator('#create-password').fill(FIRST);
	await page.getByLabel('Role').selectOption('planner');
	const components = page.getByRole('group', { name: 'Components' });
	await components.getByRole('checkbox', { name: 'Force', exact: true }).check();
	await page
		.getByRole('group', { name: /^Areas/ })
		.getByRole('checkbox', { name: 'Amberlake (AMB)' })
		.check();
	await page.getByRole('button', { name: 'Create the account' }).click();
	await expect(page).toHaveURL(`/admin/users/${USERNAME}?created=1`);
	await expect(page.getByRole('status').first()).toContainText('The account is created');
	await expect(components.getByRole('checkbox', { name: 'Force', exact: true })).toBeChecked();
	await page.goto('/admin/users');
	await expect(page.getByRole('row', { name: new RegExp(USERNAME) })).toContainText(
		'Force; areas AMB'
	);

	// the planner signs in: a planner's navigation, no accounts or audit log
	const pat = await freshPage(browser);
	await signIn(pat, USERNAME, FIRST);
	const nav = pat.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'Import' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Accounts' })).toHaveCount(0);
	await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
	await pat.getByRole('link', { name: /your account/ }).click();
	await expect(pat).toHaveURL('/account');
	await expect(pat.getByText('Components: Force')).toBeVisible();
	await expect(pat.getByText(/Areas: Amberlake/)).toBeVisible();

	// … changes the password
	await pat.locator('#password-current').fill(FIRST);
	await pat.locator('#password-password').fill(SECOND);
	await pat.locator('#password-confirm').fill(SECOND);
	await pat.getByRole('button', { name: 'Change the password' }).click();
	await expect(pat.getByRole('status')).toContainText('Your password is changed');

	// … creates an API token, shown this once, and it works
	await pat.getByLabel('Token name').fill('nightly export');
	await pat.getByRole('button', { name: 'Create a token' }).click();
	await expect(pat.getByText('it will not be shown again')).toBeVisible();
	const secret = await pat.locator('#new-token-secret').inputValue();
	expect(secret).toMatch(/^cpas_/);
	await expect(pat.locator('pre')).toContainText(`Authorization: Bearer ${secret}`);
	const api = await apiRequest.newContext({ baseURL });
	const withToken = { headers: { authorization: `Bearer ${secret}` } };
	expect((await api.get('/api/v1/indicators', withToken)).status()).toBe(200);
	await pat.reload();
	await expect(pat.locator('#new-token-secret')).toHaveCount(0);
	await expect(pat.getByText(secret)).toHaveCount(0);
	await expect(pat.getByRole('row', { name: /nightly export/ })).not.toContainText('never');

	// … signs in on a second browser with the new password, then ends that session from the first
	const other = await freshPage(browser);
	await signIn(other, USERNAME, SECOND);
	await pat.reload();
	await expect(pat.getByText('(this session)')).toHaveCount(1);
	await pat.getByRole('button', { name: /^End session of / }).click();
	await expect(pat.getByRole('status')).toContainText('The session has ended');
	await expect(pat.getByRole('button', { name: /^End session of / })).toHaveCount(0);
	await other.goto('/indicators');
	await expect(other).toHaveURL(/\/login/);

	// the administrator disables the planner: the next page load is the sign-in page
	await page.goto(`/admin/users/${USERNAME}`);
	await page.getByRole('button', { name: `Disable ${USERNAME}` }).click();
	await expect(page.getByRole('status')).toContainText('The account is disabled');
	await pat.goto('/');
	await expect(pat).toHaveURL(/\/login/);
	expect((await api.get('/api/v1/indicators', withToken)).status()).toBe(401);

	await api.dispose();
	await pat.context().close();
	await other.context().close();
});
