/**
 * Turning the public view on and off the way an administrator does: the checkbox on
 * /admin/settings, saved with the form (the other settings left as they are).
 */
import { expect, type Page } from '@playwright/test';

export async function setPublicView(page: Page, on: boolean): Promise<void> {
	await page.goto('/admin/settings');
	const box = page.getByLabel('Open the public view to anyone without an account');
	await box.setChecked(on);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('[data-public-view-state]')).toHaveText(
		on ? 'The public view is on.' : 'The public view is off: every page asks to sign in.'
	);
}
