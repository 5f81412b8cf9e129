/**
 * Refusals (formats.md §1.0, §1.7, §2, §3): every file in tests/fixtures/broken/ is a mistake a
 * planner makes. Each is refused whole with exit code 1, the error names the line and column
 * the contract gives, and the database exports byte-identically before and after.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { cpas } from '../../helpers/cli';
import { FIXTURES } from '../../helpers/db';

const BROKEN = join(FIXTURES, 'broken');
const broken = (f: string) => join(BROKEN, f);
const BASIC = ['areas.csv', 'framework.csv', 'indicators.csv', 'observations.csv'].map((f) =>
	join(FIXTURES, 'basic', f)
);
const KINDS = [
	'areas',
	'framework',
	'indicators',
	'rules',
	'observations',
	'sites',
	'outputs',
	'resources'
];
/** An unrecognised file is refused naming the kinds and their required columns (§1.0). */
const KIND_WORDS = [...KINDS, 'area_code', 'result_level', 'indicator_title', 'period'];
/** A valid indicators file with an `average` indicator, D1 (days to respond to an alert). */
const DAYS = 'indicators-new-response-days.csv';
/** A valid indicators file with a `milestone` indicator, M1 (drafted → adopted → implemented). */
const PLAN = 'indicators-new-protection-plan.csv';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Case {
	/** the broken file, in tests/fixtures/broken/ */
	file: string;
	/** null for a problem not on one line; several lines when each of them is reported */
	line: number | null | number[];
	/** null where the contract names no column */
	column: string | null;
	/** the offending value, where the error carries one */
	value?: string;
	/** a known code the message should suggest for an unknown one */
	suggests?: string;
	/** valid files imported in the same call (in tests/fixtures/broken/valid/) */
	with?: string[];
	/** other lines on which errors are expected too (the file has no other mistake) */
	alsoOn?: number[];
	/** for conflicting duplicates: each line's message names the other line */
	namesOtherLine?: boolean;
	/** words the message must hold: the accepted words, the reason */
	says?: string[];
}

const CASES: Case[] = [
	// §2 periods
	{ file: 'observations-quarter-out-of-range.csv', line: 3, column: 'period', value: '2024-Q5' },
	{ file: 'observations-month-13.csv', line: 2, column: 'period', value: '2024-13' },
	{ file: 'observations-quarter-without-year.csv', line: 2, column: 'period', value: 'Q1' },
	{ file: 'observations-budget-year-wrong-end.csv', line: 2, column: 'period', value: '2024/26' },
	{ file: 'observations-day-not-in-calendar.csv', line: 3, column: 'period', value: '2024-02-30' },
	{
		file: 'observations-range-reversed.csv',
		line: 2,
		column: 'period',
		value: '2024-03-31/2024-01-01'
	},
	// §1.0 numbers
	{ file: 'observations-value-not-a-number.csv', line: 2, column: 'value', value: 'abc' },
	{ file: 'observations-decimal-comma-in-comma-file.csv', line: 2, column: 'value', value: '1,5' },
	{
		file: 'observations-decimal-point-in-semicolon-file.csv',
		line: 4,
		column: 'value',
		value: '12.5'
	},
	{
		file: 'observations-utf8-bom-semicolon-dot-decimal.csv',
		line: 3,
		column: 'value',
		value: '1.5'
	},
	{ file: 'observations-value-with-exponent.csv', line: 2, column: 'value', value: '1e3' },
	// §1.4, §1.7 figures
	{ file: 'observations-negative-count.csv', line: 2, column: 'value', value: '-3' },
	{ file: 'observations-percent-above-100.csv', line: 2, column: 'value', value: '120' },
	{ file: 'observations-percent-sign-above-100.csv', line: 3, column: 'value', value: '120%' },
	{
		file: 'observations-percent-numerator-without-denominator.csv',
		line: 2,
		column: 'denominator'
	},
	{
		file: 'observations-numerator-above-denominator.csv',
		line: 2,
		column: 'numerator',
		value: '95'
	},
	{ file: 'observations-count-without-value.csv', line: 2, column: 'value' },
	// a milestone declares its stages; its figures name one of them (docs/formats.md)
	{
		file: 'indicators-milestone-without-stages.csv',
		line: 2,
		column: 'stages',
		says: ['stages']
	},
	{ file: 'indicators-milestone-one-stage.csv', line: 2, column: 'stages', value: 'met' },
	{
		file: 'indicators-milestone-stage-named-twice.csv',
		line: 2,
		column: 'stages',
		value: 'drafted;Adopted;adopted',
		says: ['adopted', 'twice']
	},
	{
		file: 'indicators-milestone-blank-stage.csv',
		line: 2,
		column: 'stages',
		value: 'drafted;;implemented',
		says: ['Stage 2']
	},
	{
		file: 'indicators-milestone-french-stages-count.csv',
		line: 2,
		column: 'stages_fr',
		value: 'rédigé;adopté',
		says: ['2 French stage names for 3 stages']
	},
	{
		file: 'indicators-milestone-direction-decrease.csv',
		line: 2,
		column: 'direction',
		value: 'decrease',
		says: ['increase']
	},
	{
		file: 'indicators-stages-for-a-count.csv',
		line: 2,
		column: 'stages',
		value: 'few;many',
		says: ['milestone']
	},
	{
		file: 'observations-milestone-unknown-stage.csv',
		line: 3,
		column: 'value',
		value: 'approved',
		with: [PLAN],
		says: ['“drafted”, “adopted”, “implemented”', 'M1']
	},
	{
		file: 'observations-milestone-position-beyond-stages.csv',
		line: 3,
		column: 'value',
		value: '4',
		with: [PLAN],
		says: ['from 1 to 3']
	},
	{
		file: 'observations-milestone-with-numerator.csv',
		line: 3,
		column: 'numerator',
		value: '2',
		with: [PLAN]
	},
	{
		file: 'observations-milestone-with-sample-size.csv',
		line: 2,
		column: 'sample_size',
		value: '12',
		with: [PLAN]
	},
	// an average is the pair (total, items), or a value with its items in sample_size
	{
		file: 'observations-average-total-without-items.csv',
		line: 3,
		column: 'denominator',
		with: [DAYS],
		says: ['numerator', 'denominator']
	},
	{
		file: 'observations-average-items-without-total.csv',
		line: 2,
		column: 'numerator',
		with: [DAYS],
		says: ['numerator', 'denominator']
	},
	{
		file: 'observations-average-zero-items.csv',
		line: 2,
		column: 'denominator',
		value: '0',
		with: [DAYS],
		says: ['more than 0']
	},
	{
		file: 'observations-average-negative-items.csv',
		line: 2,
		column: 'denominator',
		value: '-2',
		with: [DAYS]
	},
	{
		file: 'observations-average-zero-sample-size.csv',
		line: 3,
		column: 'sample_size',
		value: '0',
		with: [DAYS],
		says: ['more than 0']
	},
	{
		file: 'observations-average-without-value-or-total.csv',
		line: 2,
		column: 'value',
		with: [DAYS]
	},
	{
		file: 'observations-average-total-not-a-number.csv',
		line: 2,
		column: 'numerator',
		value: 'twelve',
		with: [DAYS]
	},
	{
		file: 'observations-bad-value-type.csv',
		line: 3,
		column: 'value_type',
		value: 'forecast',
		says: ['actual', 'target']
	},
	{
		file: 'observations-bad-verification-word.csv',
		line: 2,
		column: 'verification',
		value: 'yes',
		says: ['verified', 'unverified']
	},
	{
		file: 'observations-unknown-indicator-code.csv',
		line: 3,
		column: 'indicator_code',
		value: 'K1x',
		suggests: 'K1'
	},
	{
		file: 'observations-unknown-area-code.csv',
		line: 2,
		column: 'area_code',
		value: 'N3',
		suggests: 'N1'
	},
	{ file: 'observations-undeclared-dimension.csv', line: 2, column: 'age', value: 'adult' },
	{
		file: 'observations-conflicting-duplicate-rows.csv',
		line: [2, 3],
		column: 'value',
		namesOtherLine: true
	},
	// the contract does not say which of two overlapping lines carries the error: the later one
	{ file: 'observations-periods-partly-overlap.csv', line: 3, column: 'period', value: '2024-02' },
	{
		file: 'observations-range-overlaps-stored-months.csv',
		line: 2,
		column: 'period',
		value: '2024-01-15/2024-02-15'
	},
	{
		file: 'observations-rate-for-area-without-population.csv',
		line: 3,
		column: 'area_code',
		value: 'E',
		with: ['areas-east-without-population.csv']
	},
	// §1.7 a missing required column: line 1, naming the column
	{ file: 'observations-missing-period-column.csv', line: 1, column: 'period' },
	{ file: 'observations-missing-value-column.csv', line: 1, column: 'value' },
	// §1.0 line numbers: blank records count, a quoted value spanning lines is one record
	{ file: 'observations-blank-lines-before-error.csv', line: 5, column: 'period', value: '2024-3' },
	{
		file: 'observations-multiline-comment-then-bad-period.csv',
		line: 3,
		column: 'period',
		value: 'March 2024'
	},
	{ file: 'observations-utf16-tab-month-13.csv', line: 3, column: 'period', value: '2024-13' },
	// §1.6 wide form: the column is the period header
	{ file: 'observations-wide-cell-not-a-number.csv', line: 2, column: '2024-02', value: 'n/a' },
	{ file: 'observations-wide-negative-count.csv', line: 3, column: '2024-Q3', value: '-1' },
	// §1.0 personal data: refused on the header, naming the column as written
	{
		file: 'observations-victim-name-column.csv',
		line: 1,
		column: 'victim_name',
		says: ['personal']
	},
	{ file: 'observations-phone-column.csv', line: 1, column: 'phone', says: ['personal'] },
	// a header ending in _name that is not a column of the contract
	{
		file: 'observations-officer-name-column.csv',
		line: 1,
		column: 'Officer Name',
		says: ['personal']
	},
	{ file: 'areas-date-of-birth-column.csv', line: 1, column: 'Date of Birth', says: ['personal'] },
	// §1.7 problems not on one line
	{ file: 'unknown-kind-pivot-table.csv', line: null, column: null, says: KIND_WORDS },
	// docs/formats.md "Sites: where the mission stands" (beyond the contract)
	{
		file: 'sites-latitude-out-of-range.csv',
		line: 3,
		column: 'latitude',
		value: '-95.2',
		says: ['-90', '90']
	},
	{
		file: 'sites-closed-before-opened.csv',
		line: 3,
		column: 'closed',
		value: '2019-02-01',
		says: ['2021-06-30']
	},
	{
		file: 'sites-unknown-type.csv',
		line: 3,
		column: 'site_type',
		value: 'police_station',
		says: ['base', 'temporary_base', 'police_post', 'other']
	},
	// docs/formats.md "Outputs" and "Resources" (beyond the contract): the RBB report's files
	{
		file: 'outputs-deliverable-completed-with-number.csv',
		line: 3,
		column: 'completed',
		value: '3',
		with: ['framework-outputs.csv'],
		says: ['deliverable', 'yes or no']
	},
	{
		file: 'outputs-negative-planned.csv',
		line: 3,
		column: 'planned',
		value: '-40',
		with: ['framework-outputs.csv'],
		says: ['negative']
	},
	{
		file: 'outputs-node-not-an-output.csv',
		line: 2,
		column: 'result_code',
		value: 'PO1-OC1',
		says: ['outcome', 'output']
	},
	{
		file: 'outputs-unknown-result-code.csv',
		line: 3,
		column: 'result_code',
		value: 'PO1-OP9',
		with: ['framework-outputs.csv']
	},
	{
		file: 'outputs-budget-year-wrong-end.csv',
		line: 2,
		column: 'budget_year',
		value: '2024/26',
		with: ['framework-outputs.csv']
	},
	{
		file: 'resources-amount-in-euros.csv',
		line: 3,
		column: 'apportionment',
		value: '€800,000',
		says: ['US dollars']
	},
	{
		file: 'resources-negative-expenditure.csv',
		line: 2,
		column: 'expenditure',
		value: '-2500',
		says: ['negative']
	},
	{
		file: 'resources-component-and-objective.csv',
		line: 2,
		column: 'result_code',
		value: 'PO1',
		says: ['Force', 'blank']
	},
	{
		file: 'resources-line-for-an-outcome.csv',
		line: 2,
		column: 'result_code',
		value: 'PO1-OC1',
		says: ['objective']
	},
	// without area_name the header is no kind at all (§1.0 recognises areas by both columns)
	{ file: 'areas-without-area-name-column.csv', line: null, column: null, says: KIND_WORDS },
	{ file: 'empty-file.csv', line: null, column: null, says: ['empty'] },
	{ file: 'blank-lines-only.csv', line: null, column: null, says: ['empty'] },
	{ file: 'excel-workbook-saved-as-csv.csv', line: null, column: null, says: ['not a text file'] },
	{ file: 'observations-unclosed-quote.csv', line: null, column: null, says: ['quote'] },
	// §1.1 areas
	{
		file: 'areas-unknown-parent.csv',
		line: 3,
		column: 'parent_area',
		value: 'E2',
		suggests: 'E'
	},
	{ file: 'areas-parent-cycle.csv', line: 2, column: 'parent_area', value: 'B', alsoOn: [3] },
	{ file: 'areas-one-code-two-names.csv', line: 3, column: 'area_name', value: 'Eastern' },
	{ file: 'areas-one-code-two-names-by-year.csv', line: 3, column: 'area_name', value: 'Eastern' },
	{
		file: 'areas-one-code-two-populations-same-year.csv',
		line: [2, 3],
		column: 'population',
		namesOtherLine: true
	},
	{
		file: 'areas-population-not-a-number.csv',
		line: 2,
		column: 'population',
		value: 'about 300000'
	},
	// Windows-1252 (no BOM, not UTF-8): "…" is byte 0x85, an ellipsis spreadsheet autocorrect adds
	{
		file: 'areas-windows-1252-population-not-a-number.csv',
		line: 3,
		column: 'population',
		value: '120000\u2026'
	},
	// §1.2 framework
	{ file: 'framework-outcome-under-objective.csv', line: 2, column: 'parent_result', value: 'PO1' },
	{
		file: 'framework-unknown-parent.csv',
		line: 2,
		column: 'parent_result',
		value: 'PO2',
		suggests: 'PO1'
	},
	{ file: 'framework-objective-with-parent.csv', line: 2, column: 'parent_result', value: 'PO1' },
	{
		file: 'framework-bad-level-word.csv',
		line: 2,
		column: 'result_level',
		value: 'activity',
		says: ['objective', 'impact', 'outcome', 'output']
	},
	{ file: 'framework-impact-without-parent.csv', line: 2, column: 'parent_result' },
	{ file: 'framework-missing-title-column.csv', line: 1, column: 'result_title' },
	// §1.3 indicators
	{
		file: 'indicators-unknown-result-code.csv',
		line: 2,
		column: 'result_code',
		value: 'PO1-OC9',
		suggests: 'PO1-OC1'
	},
	{
		file: 'indicators-bad-category.csv',
		line: 2,
		column: 'category',
		value: 'safety',
		says: ['situation', 'perception', 'capacity']
	},
	{
		file: 'indicators-bad-direction.csv',
		line: 2,
		column: 'direction',
		value: 'up',
		says: ['increase', 'decrease']
	},
	{
		file: 'indicators-bad-measure.csv',
		line: 3,
		column: 'measure',
		value: 'ratio',
		says: ['count', 'number', 'percent', 'per_100k', 'average']
	},
	{
		file: 'indicators-bad-sensitivity.csv',
		line: 2,
		column: 'sensitivity',
		value: 'secret',
		says: ['public', 'internal', 'restricted']
	},
	// the contract asks for an error; it does not say both lines for non-figure rows
	{
		file: 'indicators-one-code-two-titles.csv',
		line: [2, 3],
		column: 'indicator_code',
		value: 'K3',
		namesOtherLine: true
	},
	{ file: 'indicators-dimension-named-period.csv', line: 2, column: 'dimensions' },
	{ file: 'indicators-missing-measure-column.csv', line: 1, column: 'measure' },
	// §5.1 rules: each checked against the indicator it writes and the areas
	{
		file: 'rules-unknown-indicator-code.csv',
		line: 3,
		column: 'indicator_code',
		value: 'K1x',
		suggests: 'K1'
	},
	{
		file: 'rules-share-on-count-indicator.csv',
		line: 2,
		column: 'value',
		value: 'share(feel_safe=yes)',
		says: ['percent', 'count or sum']
	},
	{
		file: 'rules-days-on-percent-indicator.csv',
		line: 2,
		column: 'value',
		value: 'days(alert_date,response_date)',
		says: ['average', 'share']
	},
	{
		file: 'rules-count-on-rate-indicator.csv',
		line: 2,
		column: 'value',
		value: 'count',
		says: ['per_100k']
	},
	{
		file: 'rules-value-not-a-rule-function.csv',
		line: 2,
		column: 'value',
		value: 'total(fatalities)',
		says: ['count', 'sum(COLUMN)', 'share(COLUMN=V1|V2…)', 'mean(COLUMN)', 'days(FROM,TO)']
	},
	{
		file: 'rules-share-without-values.csv',
		line: 2,
		column: 'value',
		value: 'share(feel_safe)',
		says: ['COLUMN=V1|V2']
	},
	{
		file: 'rules-where-without-equals.csv',
		line: 2,
		column: 'where',
		value: 'event_type Attack',
		says: ['COLUMN=V1|V2', 'COLUMN!=V1|V2']
	},
	{
		file: 'rules-dimensions-without-column.csv',
		line: 2,
		column: 'dimensions',
		value: 'sex',
		says: ['DIMENSION=COLUMN']
	},
	{
		file: 'rules-undeclared-dimension.csv',
		line: 2,
		column: 'dimensions',
		value: 'sex=victim_sex;perpetrator=actor1',
		says: ['perpetrator', 'sex, age']
	},
	{
		file: 'rules-unknown-unlocated-area.csv',
		line: 2,
		column: 'unlocated_area',
		value: 'N3',
		suggests: 'N1'
	},
	{
		file: 'rules-two-rules-one-source-indicator.csv',
		line: [2, 3],
		column: 'indicator_code',
		value: 'K1',
		namesOtherLine: true
	},
	{
		file: 'rules-bad-verification-word.csv',
		line: 2,
		column: 'verification',
		value: 'yes',
		says: ['verified', 'unverified']
	},
	{
		file: 'rules-source-name-with-space.csv',
		line: 2,
		column: 'source',
		value: 'ucdp ged',
		says: ['letters, digits']
	},
	{
		file: 'rules-weight-on-count.csv',
		line: 2,
		column: 'weight_column',
		value: 'weight',
		says: ['share or a mean']
	},
	{ file: 'rules-missing-area-column.csv', line: 1, column: 'area_column' },
	{ file: 'rules-blank-date-column.csv', line: 2, column: 'date_column', value: '' }
];

interface Issue {
	line: number | null;
	column: string | null;
	value: string | null;
	message: string;
}
interface FileReport {
	file: string;
	errors: Issue[];
}
interface Report {
	ok: boolean;
	dryRun: boolean;
	files: FileReport[];
}

/** Every kind exported, one after the other: the whole database as a user sees it. */
async function exportAll(): Promise<string> {
	let all = '';
	for (const kind of KINDS) {
		const r = await cpas('export', kind);
		expect(r.code).toBe(0);
		all += `--- ${kind}\n${r.stdout}`;
	}
	return all;
}

// One database with the basic mission, prepared once and copied for each case.
let root: string;
let prepared: string;
let dir: string;
beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'cpas-refusals-'));
	prepared = join(root, 'prepared.sqlite');
	process.env.DATABASE_PATH = prepared;
	const r = await cpas('import', ...BASIC, '--json');
	expect(r.code).toBe(0);
	expect(JSON.parse(r.stdout).ok).toBe(true);
	delete process.env.DATABASE_PATH;
});
afterAll(() => {
	rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
	dir = mkdtempSync(join(root, 'case-'));
	// the CLI closes its connection, which checkpoints the WAL: the file is the whole database
	copyFileSync(prepared, join(dir, 'cpas.sqlite'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
});
afterEach(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

test('the broken fixtures are at least 30 distinct files, each with a case', () => {
	const files = readdirSync(BROKEN, { withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => e.name);
	const cased = CASES.map((c) => c.file);
	expect(new Set(cased).size).toBe(cased.length);
	expect(cased.length).toBeGreaterThanOrEqual(30);
	// the one left over is used by the test of several files in one call, below
	expect(files.filter((f) => !cased.includes(f))).toEqual([
		'observations-new-indicator-negative-count.csv'
	]);
});

test('the export compared before and after holds the whole basic mission', async () => {
	const all = await exportAll();
	for (const text of ['North One', 'PO1-OC1', 'Casualties per 100k', 'K2,2024-Q1']) {
		expect(all).toContain(text);
	}
});

describe('each broken file is refused with exit 1, its line and column, and nothing written', () => {
	test.each(CASES)('$file', async (c) => {
		const before = await exportAll();
		const extra = (c.with ?? []).map((f) => join(BROKEN, 'valid', f));
		const r = await cpas('import', ...extra, broken(c.file), '--json');
		expect(r.code).toBe(1);
		const report = JSON.parse(r.stdout) as Report;
		expect(report.ok).toBe(false);
		expect(report.dryRun).toBe(false);
		// reports keep the order of the command line: the broken file is the last one
		expect(report.files).toHaveLength(extra.length + 1);
		const file = report.files.at(-1);
		expect(file!.file).toContain(c.file);
		const errors = file!.errors;
		expect(errors.length).toBeGreaterThan(0);

		const lines = Array.isArray(c.line) ? c.line : [c.line];
		for (const line of lines) {
			const found = errors.find((e) => e.line === line && e.column === c.column);
			expect(found, `line ${line}, column ${c.column} in ${JSON.stringify(errors)}`).toBeDefined();
			if (c.value !== undefined) expect(found!.value).toBe(c.value);
			if (c.suggests !== undefined) {
				// the suggestion, not the unknown code itself
				const rest = found!.message.replaceAll(c.value ?? '', '');
				expect(rest).toMatch(new RegExp(`(?<![\\w.-])${escape(c.suggests)}(?![\\w-])`));
			}
			if (c.namesOtherLine) {
				const other = lines.find((l) => l !== line)!;
				expect(found!.message).toMatch(new RegExp(`\\bline ${other}\\b`, 'i'));
			}
			for (const word of c.says ?? []) expect(found!.message).toContain(word);
		}
		// the fixture has this one mistake: no error elsewhere
		const expected = [...lines, ...(c.alsoOn ?? [])];
		expect(errors.filter((e) => !expected.includes(e.line))).toEqual([]);
		for (const e of errors) {
			expect(e.message.trim().length).toBeGreaterThan(10);
			expect(e.message).not.toContain('    at ');
			expect(e.message).not.toContain('Error:');
			expect(e.message).not.toMatch(/\bundefined\b|\[object /);
		}
		for (const f of report.files.filter((f) => f !== file)) expect(f.errors).toEqual([]);

		expect(await exportAll()).toBe(before);
	});
});

test('a broken file refuses the valid files of the same call: nothing of them is written', async () => {
	const before = await exportAll();
	const r = await cpas(
		'import',
		join(BROKEN, 'valid', 'indicators-new-k3.csv'),
		broken('observations-new-indicator-negative-count.csv'),
		'--json'
	);
	expect(r.code).toBe(1);
	const report = JSON.parse(r.stdout) as Report;
	expect(report.ok).toBe(false);
	const [indicators, observations] = report.files;
	expect(indicators!.errors).toEqual([]);
	expect(observations!.errors).toContainEqual(
		expect.objectContaining({ line: 3, column: 'value', value: '-2' })
	);
	expect(observations!.errors.some((e) => e.line === 2)).toBe(false);
	const after = await exportAll();
	expect(after).toBe(before);
	expect(after).not.toContain('K3');
	expect((await cpas('series', 'K3')).code).toBe(1);
});
