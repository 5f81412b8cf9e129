/**
 * Lists refused (formats.md §5.2–§5.3, §1.7): every file in tests/fixtures/broken/lists/ is a
 * mistake an export of a source makes, named for it. Each goes through the real command line
 * (`cpas import --source NAME FILE --json`) against a mission whose sources were imported as a
 * rules file: refused whole with exit 1, the error naming the line, column and value the
 * contract gives, and nothing written.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { cpas } from '../../helpers/cli';
import { FIXTURES } from '../../helpers/db';

const BROKEN = join(FIXTURES, 'broken', 'lists');
const MISSION = ['areas.csv', 'framework.csv', 'indicators.csv', 'rules.csv'].map((f) =>
	join(FIXTURES, 'lists', f)
);

interface Case {
	file: string;
	source: 'incidents' | 'survey' | 'alerts';
	/** null for a problem not on one line */
	line: number | null;
	column: string | null;
	/** the offending cell as written (`""` when blank); undefined when the error has none */
	value?: string | null;
	/** words the message must hold */
	says?: string[];
}

const CASES: Case[] = [
	// step 2: areas
	{
		file: 'list-area-matches-nothing.csv',
		source: 'incidents',
		line: 3,
		column: 'area',
		value: 'Atlantis',
		says: ['matches no area']
	},
	{
		file: 'list-area-name-two-areas-share.csv',
		source: 'incidents',
		line: 3,
		column: 'area',
		value: 'Mahagi',
		says: ['N3', 'S2']
	},
	{
		file: 'list-blank-area-without-unlocated-area.csv',
		source: 'incidents',
		line: 3,
		column: 'area',
		value: '',
		says: ['unlocated_area']
	},
	{
		file: 'list-province-and-its-territory.csv',
		source: 'incidents',
		line: 2,
		column: 'area',
		value: 'North',
		says: ['North (N)', 'inside it']
	},
	// step 1: dates
	{
		file: 'list-day-first-date.csv',
		source: 'incidents',
		line: 3,
		column: 'date',
		value: '22/01/2024',
		says: ['YYYY-MM-DD']
	},
	{
		file: 'list-impossible-date.csv',
		source: 'incidents',
		line: 3,
		column: 'date',
		value: '2023-02-29',
		says: ['February 2023 has 28 days']
	},
	{
		file: 'list-month-without-day.csv',
		source: 'incidents',
		line: 3,
		column: 'date',
		value: '2024-01'
	},
	{
		file: 'list-date-with-slashes.csv',
		source: 'incidents',
		line: 3,
		column: 'date',
		value: '2024/01/22'
	},
	{ file: 'list-blank-date.csv', source: 'incidents', line: 3, column: 'date', value: '' },
	{
		file: 'list-survey-date-with-time-zone-but-no-day.csv',
		source: 'survey',
		line: 3,
		column: '_submission_time',
		value: '2024-05T11:00:00Z'
	},
	// step 4: numbers and weights
	{
		file: 'list-text-in-sum-column.csv',
		source: 'incidents',
		line: 3,
		column: 'deaths',
		value: 'several',
		says: ['not a number']
	},
	{
		file: 'list-negative-number-summed-into-count.csv',
		source: 'incidents',
		line: 3,
		column: 'deaths',
		value: '-3',
		says: ['negative']
	},
	{
		file: 'list-decimal-comma-in-comma-file.csv',
		source: 'incidents',
		line: 3,
		column: 'deaths',
		value: '1,5'
	},
	{
		file: 'list-decimal-point-in-semicolon-file.csv',
		source: 'incidents',
		line: 3,
		column: 'deaths',
		value: '1.5',
		says: ['semicolon']
	},
	{
		file: 'list-blank-weight.csv',
		source: 'survey',
		line: 3,
		column: 'group_hh/weight',
		value: ''
	},
	{
		file: 'list-zero-weight.csv',
		source: 'survey',
		line: 3,
		column: 'group_hh/weight',
		value: '0'
	},
	{
		file: 'list-negative-weight.csv',
		source: 'survey',
		line: 3,
		column: 'group_hh/weight',
		value: '-1'
	},
	{
		file: 'list-weight-not-a-number.csv',
		source: 'survey',
		line: 3,
		column: 'group_hh/weight',
		value: 'heavy'
	},
	// step 4 and 5: averages (mean, days)
	{
		file: 'list-response-before-alert.csv',
		source: 'alerts',
		line: 3,
		column: 'responded',
		value: '2024-01-08',
		says: ['before']
	},
	{
		file: 'list-text-in-mean-column.csv',
		source: 'alerts',
		line: 3,
		column: 'people_affected',
		value: 'many',
		says: ['not a number']
	},
	// §5.2: columns
	{
		file: 'list-column-a-rule-names-missing.csv',
		source: 'incidents',
		line: 1,
		column: 'victim_sex',
		value: null,
		says: ['incidents → CIV', 'victim_sex']
	},
	{
		file: 'list-where-column-missing.csv',
		source: 'incidents',
		line: 1,
		column: 'type',
		value: null,
		says: ['incidents → CIV']
	},
	{
		file: 'list-question-in-two-groups.csv',
		source: 'survey',
		line: 1,
		column: 'feel_safe',
		value: null,
		says: ['group_safety/feel_safe', 'group_again/feel_safe']
	},
	// §5.2 and §1.0: personal data
	{
		file: 'list-victim-name-column.csv',
		source: 'incidents',
		line: 1,
		column: 'victim_name',
		value: 'victim_name',
		says: ['personal data']
	},
	{
		file: 'list-informant-phone-column.csv',
		source: 'incidents',
		line: 1,
		column: 'phone',
		value: 'phone',
		says: ['personal data']
	},
	{
		file: 'list-respondent-name-in-a-group.csv',
		source: 'survey',
		line: 1,
		column: 'group_respondent/full_name',
		value: 'group_respondent/full_name',
		says: ['personal data']
	},
	// §1.0: reading
	{
		file: 'list-unclosed-quote.csv',
		source: 'incidents',
		line: null,
		column: null,
		says: ['never closed']
	},
	{ file: 'list-empty-file.csv', source: 'incidents', line: null, column: null, says: ['empty'] },
	{
		file: 'list-not-a-text-file.csv',
		source: 'incidents',
		line: null,
		column: null,
		says: ['not a text file']
	}
];

async function figures(): Promise<string> {
	const r = await cpas('export', 'observations');
	expect(r.code).toBe(0);
	return r.stdout;
}

let root: string;
let prepared: string;
beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'cpas-list-refusals-'));
	prepared = join(root, 'prepared.sqlite');
	process.env.DATABASE_PATH = prepared;
	const mission = await cpas('import', ...MISSION, '--json');
	expect(JSON.parse(mission.stdout).files.map((f: { errors: unknown[] }) => f.errors)).toEqual([
		[],
		[],
		[],
		[]
	]);
	const list = await cpas(
		'import',
		'--source',
		'incidents',
		join(FIXTURES, 'lists', 'incidents.csv')
	);
	expect(list.code).toBe(0);
	delete process.env.DATABASE_PATH;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
	const dir = mkdtempSync(join(root, 'case-'));
	copyFileSync(prepared, join(dir, 'cpas.sqlite'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
});
afterEach(() => {
	delete process.env.DATABASE_PATH;
});

test('at least 25 broken lists, each named for its mistake and each with a case', () => {
	const files = readdirSync(BROKEN).sort();
	expect(files.length).toBeGreaterThanOrEqual(25);
	expect(CASES.map((c) => c.file).sort()).toEqual(files);
});

describe('each broken list is refused with exit 1, its line, column and value, and nothing written', () => {
	test.each(CASES)('$file', async (c) => {
		const before = await figures();
		const r = await cpas('import', '--source', c.source, join(BROKEN, c.file), '--json');
		expect(r.code).toBe(1);
		const report = JSON.parse(r.stdout);
		expect(report).toMatchObject({ ok: false, dryRun: false });
		const [file] = report.files;
		expect(file.kind === 'list' || file.kind === null).toBe(true);
		const errors = file.errors as {
			line: number | null;
			column: string | null;
			value: string | null;
			message: string;
		}[];
		const found = errors.find((e) => e.line === c.line && e.column === c.column);
		expect(found, JSON.stringify(errors)).toBeDefined();
		if (c.value !== undefined) expect(found!.value).toBe(c.value);
		for (const word of c.says ?? []) expect(found!.message).toContain(word);
		// the fixture has this one mistake
		expect(errors.filter((e) => e !== found)).toEqual([]);
		expect(found!.message).not.toMatch(/\bundefined\b|\[object | {4}at /);
		expect(await figures()).toBe(before);
	});
});

test('an unknown source: exit 1, naming the known sources, nothing read or written', async () => {
	const before = await figures();
	const r = await cpas(
		'import',
		'--source',
		'acled',
		join(FIXTURES, 'lists', 'incidents.csv'),
		'--json'
	);
	expect(r.code).toBe(1);
	const [file] = JSON.parse(r.stdout).files;
	expect(file.errors[0].message).toMatch(/Unknown source "acled".*alerts, incidents, survey/);
	expect(await figures()).toBe(before);
});

test('--source without a name is a usage error (exit 2)', async () => {
	const r = await cpas('import', '--source', '', join(FIXTURES, 'lists', 'incidents.csv'));
	expect(r.code).toBe(2);
});
