import { test as setup } from '@playwright/test';
import { ADMIN_STATE, signIn } from './auth';

/** Signs in once as the demo administrator; every other spec starts from this session. */
setup('sign in as the demo administrator', async ({ page }) => {
	await signIn(page, 'admin');
	await page.context().storageState({ path: ADMIN_STATE });
});
