/**
 * The product in French has no English left: every page of the route table (the addresses the
 * accessibility spec opens), the sign-in page and a staged upload, read by a French browser
 * (`Accept-Language: fr-FR`), and every text a reader or a screen reader meets — text, and the
 * `aria-label`, `title`, `alt` and `placeholder` attributes — checked for English.
 *
 * English is found two ways: a message of the English catalogue that French writes otherwise
 * (a translation not used), and English words no French sentence has ("the", "with", "your",
 * "Save"…), which also finds a string left hard-coded outside the catalogues. Text in an
 * element marked with another language (`lang="en"`: a French title missing, shown in English),
 * codes (`<code>`, `<kbd>`, `<samp>`, `<pre>`) and what people wrote themselves (marked
 * `data-user-text`: narratives, caveats, file names) are not the product's words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { declaredRoutes } from '../helpers/routes';
import { ADDRESSES, CYCLE } from './addresses';
import { demoPassword } from './auth';

const BASE = `http://localhost:${process.env.CPAS_E2E_PORT ?? 4173}`;
const MESSAGES = join(import.meta.dirname, '../../messages');

/** English messages that French writes otherwise: plain texts of 10 characters or more. */
function englishOnly(): string[] {
	const found: string[] = [];
	for (const part of readdirSync(MESSAGES)) {
		const en = JSON.parse(readFileSync(join(MESSAGES, part, 'en.json'), 'utf8'));
		const fr = JSON.parse(readFileSync(join(MESSAGES, part, 'fr.json'), 'utf8'));
		for (const [key, text] of Object.entries(en)) {
			if (key === '$schema' || typeof text !== 'string') continue;
			// the fixed parts around variables: "Imported {n} rows" gives "Imported " and " rows";
			// a piece of words, not one word (a code such as "indicators" reads the same in both)
			for (const piece of text.split(/\{[^}]*\}/)) {
				const words = piece.trim();
				if (words.length >= 10 && words.includes(' ') && !JSON.stringify(fr[key]).includes(words))
					found.push(words);
			}
		}
	}
	return [...new Set(found)];
}

/** Everything on the page a reader meets that reads as English, with where it was. */
async function englishOn(page: Page, catalogue: string[]): Promise<string[]> {
	return page.evaluate((messages) => {
		// whole words: a letter, digit or _ on either side is part of the word ("noté" is not
		// "not", a column code such as type_of_violence is no English)
		const WORDS =
			/(?<![\p{L}\p{N}_])(the|and|with|your|this|that|from|are|is|was|were|has|have|been|which|will|should|there|their|when|where|what|to|for|by|not|you|of)(?![\p{L}\p{N}_])/iu;
		const UI =
			/(?<![\p{L}\p{N}_])(Save|Cancel|Delete|Edit|Back|Download|Upload|Show|Hide|Search|Filter|Next|Previous|Overview|Settings|Submit|Apply|Clear|Close|Remove|Add|Update|Create|Change|Choose|Select|Yes|None|Latest|Target|Baseline|Status|Achieved|Off track|On track|No target|No data|Period|Area|Value|Line|Column|Error|Warning|Sign in|Sign out|Password|Account|Accounts|Indicator|Indicators|Objective|Objectives|Reports|History|Framework|Areas)(?![\p{L}\p{N}_])/u;
		const NOT_OURS = 'script, style, code, pre, kbd, samp, noscript, template, [data-user-text]';
		const ours = (el: Element | null) =>
			!!el &&
			!el.closest(NOT_OURS) &&
			(el.closest('[lang]')?.getAttribute('lang') ?? 'fr') === 'fr';
		const english = (text: string) =>
			WORDS.test(text) || UI.test(text) || messages.some((e) => text.includes(e));
		const found: string[] = [];
		const where = (el: Element) =>
			el.tagName.toLowerCase() +
			(el.id ? `#${el.id}` : '') +
			(el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '');
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
			if (text.length < 2 || !ours(node.parentElement)) continue;
			if (english(text)) found.push(`${where(node.parentElement!)}: "${text.slice(0, 120)}"`);
		}
		for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
			if (!ours(el)) continue;
			for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
				const text = el.getAttribute(name)?.trim();
				if (text && english(text)) found.push(`${where(el)} [${name}]: "${text.slice(0, 120)}"`);
			}
		}
		const title = document.title;
		if (english(title)) found.push(`<title>: "${title}"`);
		return found;
	}, catalogue);
}

const catalogue = englishOnly();
const PAGES = declaredRoutes().filter((r) => r.page);

test.use({ locale: 'fr-FR', storageState: { cookies: [], origins: [] } });

test('every page of the route table has an address to read in French', () => {
	const missing = PAGES.map((r) => r.id).filter((id) => !(id in ADDRESSES));
	expect(missing).toEqual([]);
});

test('the sign-in page, signed out, is in French', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	expect(await englishOn(page, catalogue)).toEqual([]);
});

test('every page the administrator opens, and a staged upload, are in French', async ({ page }) => {
	test.setTimeout(300_000);
	// signed in through the form's own request: its labels are French here
	const signedIn = await page.request.post('/login', {
		form: { username: 'admin', password: demoPassword('admin'), next: '/' },
		headers: { origin: BASE, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signedIn.status()).toBe(303);
	// the cycle the addresses open (the accessibility spec makes it too; whichever runs first)
	await page.request.post('/reports/cycles?/create', {
		form: { code: CYCLE, rating_scale: '' },
		headers: { origin: BASE, accept: 'text/html' },
		maxRedirects: 0
	});
	const found: string[] = [];
	for (const route of PAGES) {
		for (const path of ADDRESSES[route.id] ?? []) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBeLessThan(400);
			await page.waitForLoadState('networkidle');
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			found.push(...(await englishOn(page, catalogue)).map((f) => `${path} ${f}`));
		}
	}
	// the mapping page of a staged upload with a mistake, then its check
	await page.goto('/import');
	await page.setInputFiles('#file', {
		name: 'french-check.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('indicator_code,period,area_code,value\n1.2.1,2026-01,AMB,x\n')
	});
	await page.locator('form:has(#file) button[type="submit"]').click();
	await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
	await page.waitForLoadState('networkidle');
	found.push(...(await englishOn(page, catalogue)).map((f) => `mapping page ${f}`));
	expect(found, `English on French pages:\n${found.join('\n')}\n`).toEqual([]);
});
