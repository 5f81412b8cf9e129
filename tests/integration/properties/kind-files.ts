/**
 * Mostly valid files of each kind for the import properties, against the small mission of
 * tests/fixtures/basic (areas N, N1, N2, S; results PO1, PO1-IM1, PO1-OC1; indicators K1
 * count by sex;age, K2 percent, 1.2.1 per_100k by sex), with random mutations: a bad cell, a
 * dropped or unknown column, a conflicting duplicate, a personal-data column, headers in
 * another case, blank lines, and now and then a damaged byte.
 */
import fc from 'fast-check';
import {
	AREA_COLUMNS,
	FRAMEWORK_COLUMNS,
	INDICATOR_COLUMNS,
	OBSERVATION_COLUMNS
} from '../../../src/lib/domain/columns';
import type { FileFacts } from './import-checks';
import {
	cellText,
	encodeText,
	expectedRecords,
	tableText,
	writing,
	type GeneratedRow,
	type GeneratedTable,
	type TextEncoding
} from './tables';
import { DELIMITERS } from './tables';

export type Row = Record<string, string>;

export interface KindFile {
	name: string;
	columns: string[];
	rows: Row[];
	/** the kind's contract columns (an error may name one the file lacks) */
	contract: readonly string[];
}

type Mutation =
	| { kind: 'none' }
	| { kind: 'junk'; row: number; column: number; value: string }
	| { kind: 'drop'; column: number }
	| { kind: 'duplicate'; row: number; column: number; value: string }
	| { kind: 'unknown' }
	| { kind: 'personal' }
	| { kind: 'headerCase' };

const junkCell = fc.oneof(
	fc.constantFrom(
		'',
		' ',
		'abc',
		'1,5',
		'-3',
		'2024-Q5',
		'2024-13',
		'=1+1',
		'"',
		'N9',
		'1e3',
		'101'
	),
	fc.constantFrom('-0', '0', '1.234,5', 'FY2024/26', 'K9', 'PO9', 'objective', 'percent', '١٢'),
	cellText
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	{ weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('junk' as const),
			row: fc.nat(),
			column: fc.nat(),
			value: junkCell
		})
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), column: fc.nat() }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('duplicate' as const),
			row: fc.nat(),
			column: fc.nat(),
			value: junkCell
		})
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'unknown' as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'personal' as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'headerCase' as const }) }
);

type ByteDamage = { op: 'flip' | 'insert' | 'delete' | 'truncate'; at: number; byte: number };
const byteDamage: fc.Arbitrary<ByteDamage | null> = fc.oneof(
	{ weight: 12, arbitrary: fc.constant(null) },
	{
		weight: 1,
		arbitrary: fc.record({
			op: fc.constantFrom('flip', 'insert', 'delete', 'truncate'),
			at: fc.nat(),
			byte: fc.integer({ min: 0, max: 255 })
		})
	}
);

function mutate(file: KindFile, m: Mutation): { header: string[]; rows: string[][] } {
	let header = [...file.columns];
	let rows = file.rows.map((r) => header.map((c) => r[c] ?? ''));
	switch (m.kind) {
		case 'junk':
			if (rows.length > 0) rows[m.row % rows.length]![m.column % header.length] = m.value;
			break;
		case 'drop': {
			const i = m.column % header.length;
			header = header.filter((_, j) => j !== i);
			rows = rows.map((r) => r.filter((_, j) => j !== i));
			break;
		}
		case 'duplicate':
			if (rows.length > 0) {
				const copy = [...rows[m.row % rows.length]!];
				copy[m.column % header.length] = m.value;
				rows.push(copy);
			}
			break;
		case 'unknown':
			header.push('remarks');
			rows = rows.map((r) => [...r, 'seen']);
			break;
		case 'personal':
			header.push('victim name');
			rows = rows.map((r) => [...r, 'x']);
			break;
		case 'headerCase':
			header = header.map((h) => h.toUpperCase().replace(/_/g, ' '));
			break;
	}
	return { header, rows };
}

function damage(bytes: Uint8Array, d: ByteDamage | null): Uint8Array {
	if (!d || bytes.length === 0) return bytes;
	const at = d.at % bytes.length;
	const out = [...bytes];
	if (d.op === 'flip') out[at] = d.byte;
	else if (d.op === 'insert') out.splice(at, 0, d.byte);
	else if (d.op === 'delete') out.splice(at, 1);
	else out.length = at;
	return new Uint8Array(out);
}

/** Decimal numbers written as the file's locale writes them. */
function localised(cell: string, delimiter: string): string {
	return delimiter === ';' && /^-?\d+\.\d+$/.test(cell) ? cell.replace('.', ',') : cell;
}

/** A kind's file, mutated, written in some program's way, as bytes with what is known of it. */
export function written(file: fc.Arbitrary<KindFile>): fc.Arbitrary<FileFacts> {
	return fc
		.record({
			file,
			mutation,
			delimiter: fc.constantFrom(...DELIMITERS),
			blanks: fc.array(fc.nat(), { maxLength: 2 }),
			writing,
			encoding: fc.constantFrom<TextEncoding>('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le'),
			damage: byteDamage
		})
		.map(({ file: f, mutation: m, delimiter, blanks, writing: w, encoding, damage: d }) => {
			const { header, rows } = mutate(f, m);
			const generated: GeneratedRow[] = rows.map((r) => ({
				cells: r.map((c) => localised(c, delimiter))
			}));
			for (const at of blanks) generated.splice(at % (generated.length + 1), 0, { blank: 'empty' });
			const table: GeneratedTable = {
				delimiter: header.length === 1 ? ',' : delimiter,
				header,
				rows: generated,
				leadingBlanks: 0
			};
			const bytes = damage(encodeText(tableText(table, w), encoding), d);
			const lines = d ? undefined : new Set(expectedRecords(table, (c) => c).map((r) => r.line));
			return {
				file: { name: f.name, bytes },
				lines,
				header: d ? undefined : header,
				contract: f.contract
			};
		});
}

/** Some of a kind's optional columns, in file order. */
function columnsOf(required: string[], optional: string[]): fc.Arbitrary<string[]> {
	return fc.subarray(optional).map((o) => [...required, ...o]);
}

const AREAS: Record<string, { name: string; parent: string; level: string }> = {
	N: { name: 'North', parent: '', level: 'province' },
	N1: { name: 'North One', parent: 'N', level: 'territory' },
	N2: { name: 'North Two', parent: 'N', level: 'territory' },
	S: { name: 'South', parent: '', level: 'province' },
	A: { name: 'Alpha', parent: '', level: 'province' },
	A1: { name: 'Alpha One', parent: 'A', level: 'territory' }
};

export const areasFile: fc.Arbitrary<KindFile> = fc
	.record({
		columns: columnsOf(
			['area_code', 'area_name'],
			['parent_area', 'area_level', 'population', 'population_year']
		),
		rows: fc.uniqueArray(
			fc.record({
				code: fc.constantFrom(...Object.keys(AREAS)),
				population: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 900_000 }).map(String)),
				year: fc.constantFrom('', '2023', '2024')
			}),
			{ maxLength: 8, selector: (r) => `${r.code}/${r.year}` }
		)
	})
	.map(({ columns, rows }) => ({
		name: 'areas.csv',
		columns,
		contract: AREA_COLUMNS,
		rows: rows.map((r) => ({
			area_code: r.code,
			area_name: AREAS[r.code]!.name,
			parent_area: AREAS[r.code]!.parent,
			area_level: AREAS[r.code]!.level,
			population: r.population,
			population_year: r.population ? r.year : ''
		}))
	}));

const RESULTS: Record<string, { level: string; parent: string }> = {
	PO1: { level: 'objective', parent: '' },
	'PO1-IM1': { level: 'impact', parent: 'PO1' },
	'PO1-OC1': { level: 'outcome', parent: 'PO1-IM1' },
	'PO1-OP1': { level: 'output', parent: 'PO1-OC1' },
	PO2: { level: 'objective', parent: '' },
	'PO2-IM1': { level: 'impact', parent: 'PO2' }
};

export const frameworkFile: fc.Arbitrary<KindFile> = fc
	.record({
		columns: columnsOf(
			['result_code', 'result_level', 'result_title', 'parent_result'],
			['driver_of_change', 'critical_condition', 'component', 'tier', 'description']
		),
		rows: fc.uniqueArray(
			fc.record({
				code: fc.constantFrom(...Object.keys(RESULTS)),
				title: fc.constantFrom('Civilians protected', 'Threat reduced', 'Forces respond', 'New'),
				tier: fc.constantFrom('', 'I', 'II', 'III'),
				component: fc.constantFrom('', 'Force', 'Force;UNPOL')
			}),
			{ maxLength: 6, selector: (r) => r.code }
		)
	})
	.map(({ columns, rows }) => ({
		name: 'framework.csv',
		columns,
		contract: FRAMEWORK_COLUMNS,
		rows: rows.map((r) => ({
			result_code: r.code,
			result_level: RESULTS[r.code]!.level,
			result_title: r.title,
			parent_result: RESULTS[r.code]!.parent,
			tier: r.tier,
			component: r.component,
			driver_of_change: '',
			critical_condition: '',
			description: 'generated'
		}))
	}));

const INDICATORS: Record<string, { measure: string; dimensions: string }> = {
	K1: { measure: 'count', dimensions: 'sex;age' },
	K2: { measure: 'percent', dimensions: '' },
	'1.2.1': { measure: 'per_100k', dimensions: 'sex' },
	K3: { measure: 'number', dimensions: '' },
	K4: { measure: 'average', dimensions: 'sex' }
};

export const indicatorsFile: fc.Arbitrary<KindFile> = fc
	.record({
		columns: columnsOf(
			['indicator_code', 'indicator_title', 'result_code', 'category', 'direction', 'measure'],
			[
				'frequency',
				'dimensions',
				'unit',
				'tier',
				'sensitivity',
				'baseline_value',
				'baseline_period'
			]
		),
		rows: fc.uniqueArray(
			fc.record({
				code: fc.constantFrom(...Object.keys(INDICATORS)),
				title: fc.constantFrom('Incidents', '% feel safe', 'Casualties', 'Days to respond'),
				result: fc.constantFrom('PO1-IM1', 'PO1-OC1', 'PO1'),
				category: fc.constantFrom('situation', 'perception', 'capacity'),
				direction: fc.constantFrom('increase', 'decrease'),
				frequency: fc.constantFrom('', 'month', 'quarter', 'year'),
				baseline: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 99 }).map(String)),
				sensitivity: fc.constantFrom('', 'public', 'internal')
			}),
			{ maxLength: 5, selector: (r) => r.code }
		)
	})
	.map(({ columns, rows }) => ({
		name: 'indicators.csv',
		columns,
		contract: INDICATOR_COLUMNS,
		rows: rows.map((r) => ({
			indicator_code: r.code,
			indicator_title: r.title,
			result_code: r.result,
			category: r.category,
			direction: r.direction,
			measure: INDICATORS[r.code]!.measure,
			frequency: r.frequency,
			dimensions: INDICATORS[r.code]!.dimensions,
			unit: '',
			tier: 'II',
			sensitivity: r.sensitivity,
			baseline_value: r.baseline,
			baseline_period: r.baseline ? '2023' : ''
		}))
	}));

const PERIODS = [
	'2024-01',
	'2024-02',
	'2024-04',
	'2024-Q2',
	'2024-Q3',
	'2023',
	'2024-07-15',
	'2025-H1'
];

export const observationsFile: fc.Arbitrary<KindFile> = fc
	.record({
		columns: columnsOf(
			['indicator_code', 'period', 'value'],
			['area_code', 'value_type', 'numerator', 'denominator', 'sex', 'verification', 'comment']
		),
		rows: fc.uniqueArray(
			fc.record({
				indicator: fc.constantFrom('K1', 'K1', 'K2', '1.2.1'),
				period: fc.constantFrom(...PERIODS),
				area: fc.constantFrom('', 'N1', 'N2', 'S'),
				type: fc.constantFrom('', '', 'target'),
				sex: fc.constantFrom('', '', 'female'),
				amount: fc.integer({ min: 0, max: 1000 }),
				decimal: fc.boolean(),
				verification: fc.constantFrom('', 'verified', 'unverified')
			}),
			{
				maxLength: 10,
				selector: (r) =>
					`${r.indicator}/${r.period}/${r.area}/${r.type}/${r.indicator === 'K2' ? '' : r.sex}`
			}
		)
	})
	.map(({ columns, rows }) => ({
		name: 'observations.csv',
		columns,
		contract: OBSERVATION_COLUMNS,
		rows: rows.map((r) => {
			const amount = r.indicator === 'K2' ? r.amount % 101 : r.amount;
			const value =
				r.decimal && r.indicator !== 'K1' ? `${amount}.5`.replace('100.5', '99.5') : `${amount}`;
			return {
				indicator_code: r.indicator,
				period: r.period,
				area_code: r.area,
				value,
				value_type: r.type,
				numerator: '',
				denominator: '',
				sex: r.indicator === 'K2' ? '' : r.sex,
				verification: r.type === 'target' ? '' : r.verification,
				comment: 'generated'
			};
		})
	}));

export const wideObservationsFile: fc.Arbitrary<KindFile> = fc
	.record({
		periods: fc.uniqueArray(
			fc.constantFrom('2024-01', '2024-02', '2024-05', '2024-q3', '2023', '2024-11'),
			{
				minLength: 1,
				maxLength: 3
			}
		),
		area: fc.boolean(),
		rows: fc.uniqueArray(
			fc.record({
				indicator: fc.constantFrom('K1', 'K2', '1.2.1'),
				area: fc.constantFrom('', 'N1', 'N2', 'S'),
				cells: fc.array(fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 100 }).map(String)), {
					minLength: 3,
					maxLength: 3
				})
			}),
			{ maxLength: 6, selector: (r) => `${r.indicator}/${r.area}` }
		)
	})
	.map(({ periods, area, rows }) => ({
		name: 'wide.csv',
		columns: ['indicator_code', ...(area ? ['area_code'] : []), ...periods],
		// a wide file's figures are its period columns: no error may name "value"
		contract: ['indicator_code', 'area_code'],
		rows: rows.map((r) => ({
			indicator_code: r.indicator,
			area_code: r.area,
			...Object.fromEntries(periods.map((p, i) => [p, r.cells[i]!]))
		}))
	}));
