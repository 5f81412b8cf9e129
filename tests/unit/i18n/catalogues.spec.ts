/**
 * The message catalogues (messages/<part>/<locale>.json): every message exists in every
 * language, none is empty, and the variables of a translation are the English ones. Paraglide
 * would quietly fall back to English for a missing French message; this test is what makes a
 * missing translation fail instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BASE_LOCALE, LOCALES } from '../../../src/lib/i18n/locales';

const MESSAGES = join(import.meta.dirname, '../../../messages');
const settings = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../project.inlang/settings.json'), 'utf8')
) as {
	locales: string[];
	baseLocale: string;
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};

type Catalogue = Record<string, unknown>;

function catalogue(part: string, locale: string): Catalogue {
	const all = JSON.parse(readFileSync(join(MESSAGES, part, `${locale}.json`), 'utf8')) as Catalogue;
	delete all.$schema;
	return all;
}

/** The `{name}` variables a message uses, in every variant. */
function variables(message: unknown): string[] {
	const text = JSON.stringify(message);
	return [...new Set([...text.matchAll(/(?<!\\)\{([a-zA-Z_][\w]*)\}/g)].map((m) => m[1]!))].sort();
}

const parts = readdirSync(MESSAGES, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name)
	.sort();

test('the project speaks the languages the product lists, and reads every part', () => {
	expect(settings.locales).toEqual([...LOCALES]);
	expect(settings.baseLocale).toBe(BASE_LOCALE);
	expect(settings['plugin.inlang.messageFormat'].pathPattern.sort()).toEqual(
		parts.map((p) => `./messages/${p}/{locale}.json`).sort()
	);
});

test.each(parts)('part %s: every message in every language, with the same variables', (part) => {
	const base = catalogue(part, BASE_LOCALE);
	for (const locale of LOCALES) {
		const other = catalogue(part, locale);
		expect(Object.keys(other).sort(), `${part}/${locale}.json has the same messages`).toEqual(
			Object.keys(base).sort()
		);
		for (const [key, message] of Object.entries(other)) {
			expect(JSON.stringify(message).replace(/"/g, '').trim(), `${locale}: ${key}`).not.toBe('');
			expect(variables(message), `${locale}: ${key} uses the English variables`).toEqual(
				variables(base[key])
			);
		}
	}
});

test('a message key is defined in one part only', () => {
	const seen = new Map<string, string>();
	const twice: string[] = [];
	for (const part of parts) {
		for (const key of Object.keys(catalogue(part, BASE_LOCALE))) {
			if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${part}`);
			seen.set(key, part);
		}
	}
	expect(twice).toEqual([]);
});
