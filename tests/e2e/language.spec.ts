import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoPassword } from './auth';

/**
 * Choosing a language, without JavaScript: the header's switcher on the sign-in page, then an
 * account's own choice on /account, kept across pages, signing out and a new browser; English
 * again when chosen. The demo verifier is used and put back to its browser's language after.
 */
const WHO = 'verifier';

async function browserWithoutScripts(browser: Browser, locale = 'en-GB'): Promise<Page> {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		locale,
		storageState: { cookies: [], origins: [] }
	});
	return context.newPage();
}

async function chooseOnAccount(page: Page, name: string | RegExp, save: string | RegExp) {
	await page.goto('/account');
	await page.getByRole('radio', { name }).check();
	await page.getByRole('button', { name: save }).click();
	await expect(page).toHaveURL(/\/account\?language=saved$/);
}

test('the language is chosen and kept without JavaScript', async ({ browser }) => {
	test.setTimeout(60_000);
	const page = await browserWithoutScripts(browser);
	try {
		// the sign-in page in English, then in French from the header's switcher
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByRole('button', { name: 'Français' }).click();
		await expect(page).toHaveURL(/\/login/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');

		// signed in from the French page: the pages speak French
		await page.getByLabel('Nom d’utilisateur').fill(WHO);
		await page.getByLabel('Mot de passe').fill(demoPassword(WHO));
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).not.toHaveURL(/\/login/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

		// the account's own choice: Français
		await chooseOnAccount(page, 'Français', 'Enregistrer la langue');
		await expect(page.getByRole('status')).toHaveText('Votre langue est enregistrée.');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre compte');
		await page.goto('/indicators');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeVisible();

		// signed out: the sign-in page stays French
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL(/\/login/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	} finally {
		await page.context().close();
	}

	// another session, in a browser asking for English: the account's choice wins once signed in
	const again = await browserWithoutScripts(browser, 'en-GB');
	try {
		await again.goto('/login');
		await expect(again.locator('html')).toHaveAttribute('lang', 'en');
		await again.getByLabel('User name').fill(WHO);
		await again.getByLabel('Password').fill(demoPassword(WHO));
		await again.getByRole('button', { name: 'Sign in' }).click();
		await expect(again).not.toHaveURL(/\/login/);
		await expect(again.locator('html')).toHaveAttribute('lang', 'fr');
		await again.goto('/objectives');
		await expect(again.locator('html')).toHaveAttribute('lang', 'fr');

		// English chosen: English again, on this page and the next
		await chooseOnAccount(again, 'English', 'Enregistrer la langue');
		await expect(again.locator('html')).toHaveAttribute('lang', 'en');
		await expect(again.getByRole('status')).toHaveText('Your language is saved.');
		await expect(again.getByRole('heading', { level: 1 })).toHaveText('Your account');
		await again.goto('/indicators');
		await expect(again.locator('html')).toHaveAttribute('lang', 'en');
		await expect(again.getByRole('button', { name: 'Sign out' })).toBeVisible();
	} finally {
		// back to the browser's language, as the demo account was (whatever language it shows)
		await again.goto('/account');
		await again.locator('input[name="locale"][value="browser"]').check();
		await again.locator('form[action="?/language"] button[type="submit"]').click();
		await again.context().close();
	}
});
