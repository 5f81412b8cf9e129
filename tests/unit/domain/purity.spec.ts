/**
 * The domain stays pure: a file under src/lib/domain imports only other domain files and the
 * few libraries that are themselves pure (no I/O, no framework, no presentation). Wording,
 * formats and labels live in $lib/format; database access in $lib/server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';

const DOMAIN = resolve(import.meta.dirname, '../../../src/lib/domain');

/**
 * Libraries a domain rule may use: pure computation only. The topojson modules turn outlines
 * into a topology, simplify it and back (maps/simplify-outlines.ts); `geojson` and
 * `topojson-specification` are types alone.
 */
const PURE_LIBRARIES = new Set([
	'zod',
	'geojson',
	'topojson-client',
	'topojson-server',
	'topojson-simplify',
	'topojson-specification'
]);

/**
 * The message catalogue and the list of languages: a rule's refusal is written in the reader's
 * language (issue 15), and a message is a pure function of its inputs and the current locale.
 */
const LIB = resolve(DOMAIN, '..');
const MESSAGES = new Set(
	['paraglide/messages.js', 'paraglide/runtime.js', 'i18n/locales', 'i18n/locales.ts'].map((p) =>
		resolve(LIB, p)
	)
);

/** Every module a source text names: static imports and re-exports, side-effect and dynamic imports. */
function specifiers(source: string): string[] {
	// comments may say "import" in passing; this is a rough cut, enough for our own files
	const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
	const patterns = [
		/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
		/^\s*import\s*['"]([^'"]+)['"]/gm,
		/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
		/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g
	];
	return patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]!));
}

/** The imports of a file at `file` that reach outside the domain. */
function outsideImports(file: string, source: string): string[] {
	return specifiers(source).filter((spec) => {
		if (spec.startsWith('.')) {
			const target = resolve(dirname(file), spec);
			if (MESSAGES.has(target)) return false;
			return target !== DOMAIN && !target.startsWith(DOMAIN + sep);
		}
		if (spec === '$lib/domain' || spec.startsWith('$lib/domain/')) return false;
		const library = spec.startsWith('@')
			? spec.split('/').slice(0, 2).join('/')
			: spec.split('/')[0]!;
		return !PURE_LIBRARIES.has(library);
	});
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

describe('the domain imports nothing outside itself', () => {
	const files = sourceFiles(DOMAIN);

	test('the walk finds the domain files', () => {
		expect(files.length).toBeGreaterThan(20);
		expect(files.map((f) => relative(DOMAIN, f))).toContain('status.ts');
	});

	test('every domain file imports only the domain and pure libraries', () => {
		const offending = files.flatMap((file) =>
			outsideImports(file, readFileSync(file, 'utf8')).map(
				(spec) => `${relative(DOMAIN, file)} imports ${spec}`
			)
		);
		expect(offending).toEqual([]);
	});

	test('the check sees each way of importing from outside', () => {
		const file = join(DOMAIN, 'example.ts');
		const source = [
			'/** Imported from the importer\'s files: see import("$lib/server"). */',
			"// import 'node:fs' was here",
			"import { STATUS_LABEL } from '../format';",
			"import type { Db } from '$lib/server/db';",
			'import {\n\tformatValue,\n\ttype Measure\n} from "$lib/format/index";',
			"export { x } from '../server/clock';",
			"import 'chart.js/auto';",
			"const later = await import('node:fs');",
			"import { ok } from './period';",
			"import { parsePeriod } from '$lib/domain/period';",
			"import { z } from 'zod';"
		].join('\n');
		expect(outsideImports(file, source)).toEqual([
			'../format',
			'$lib/server/db',
			'$lib/format/index',
			'../server/clock',
			'chart.js/auto',
			'node:fs'
		]);
	});
});
