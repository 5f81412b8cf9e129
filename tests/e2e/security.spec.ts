import { expect, test, type Page } from '@playwright/test';

/**
 * The Content-Security-Policy must not break any page: every violation the browser reports,
 * from the page (securitypolicyviolation) or on the console, fails the test. Pages are used,
 * not just opened: charts drawn, a PNG exported, a file uploaded, an editor saved.
 */
function watchViolations(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	page.on('pageerror', (error) => {
		if (/Content Security Policy/i.test(error.message)) violations.push(error.message);
	});
	// securitypolicyviolation events are not logged when they come from a style attribute the
	// parser meets before any script runs, so listen from the first byte of every document
	void page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(
				`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`
			);
		});
	});
	return violations;
}

async function visit(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBeLessThan(400);
	await page.waitForLoadState('networkidle');
}

test('no page breaks the Content-Security-Policy', async ({ page }) => {
	test.setTimeout(90_000);
	const violations = watchViolations(page);

	for (const path of [
		'/',
		'/objectives',
		'/indicators',
		'/areas',
		'/framework',
		'/framework/catalogue',
		'/framework/nodes/PO2-OC2',
		'/import',
		'/import/history',
		'/reports',
		'/reports/iptt',
		'/reports/rbb',
		'/reports/cycles',
		'/actions'
	]) {
		await visit(page, path);
	}

	// the objective page with its charts actually drawn
	await visit(page, '/objectives/PO1');
	await expect(page.locator('canvas').first()).toBeVisible();
	expect(
		await page.evaluate(() => document.querySelector('canvas')!.toDataURL().length)
	).toBeGreaterThan(1000);

	// the indicator page's PNG export (a data: URL)
	await visit(page, '/indicators/1.2.1?by=quarter');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the chart (PNG)' }).first().click();
	expect((await download).suggestedFilename()).toMatch(/\.png$/);

	// an upload on the import page (sent by script, with its progress)
	await visit(page, '/import');
	await page.setInputFiles('#file', {
		name: 'csp-check.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('indicator_code,period,value\n1.2.1,2026-Q3,4\n')
	});
	await page.getByRole('button', { name: 'Upload and map columns' }).click();
	await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
	await page.waitForLoadState('networkidle');

	// a framework editor, sent and refused (nothing written), its problems shown
	await visit(page, '/framework/nodes/new?level=impact&parent=PO3');
	await page.getByRole('button', { name: 'Add impact' }).click();
	await expect(page.getByRole('alert')).toContainText('Title: result_title is required.');

	// a report page of a budget year
	await visit(page, '/reports/rbb');
	const year = page.locator('a[href^="/reports/rbb/FY"]').first();
	await year.click();
	await page.waitForLoadState('networkidle');

	expect(violations).toEqual([]);
});

test('pages, API answers and downloads carry the security headers', async ({ request }) => {
	for (const path of [
		'/',
		'/api/v1/indicators',
		'/api/v1/nope',
		'/indicators/1.2.1/series.csv',
		'/no-such-page'
	]) {
		const response = await request.get(path);
		const headers = response.headers();
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('same-origin');
		expect(headers['x-frame-options'], path).toBe('DENY');
	}
	const page = (await request.get('/')).headers()['content-security-policy'] ?? '';
	for (const directive of [
		"default-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	]) {
		expect(page).toContain(directive);
	}
	expect(page).toMatch(/script-src 'self' 'nonce-[^']+'/);
});

test('a form posted from another site is still refused (SvelteKit origin check)', async ({
	request
}) => {
	const response = await request.post('/areas?/upload', {
		headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'dry_run=1'
	});
	expect(response.status()).toBe(403);
});
