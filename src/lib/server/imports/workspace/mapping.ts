import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
	headerSignature,
	isPeriodHeader,
	mappingProblems,
	rekeyColumns,
	suggestColumns,
	suggestValue,
	targetColumns,
	type KnownValue,
	type Mapping
} from '../../../domain/column-mapping';
import { OBSERVATION_COLUMNS } from '../../../domain/columns';
import { formatHashtag, parseHashtag, type Hashtag } from '../../../domain/hxl';
import { FILE_KINDS, VALUE_TYPES, VERIFICATIONS, type FileKind } from '../../../domain/vocabulary';
import { loadAreaTree } from '../../areas/tree';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { authorize } from '../../permissions';
import { dimensionCategories, indicators } from '../../db/schema';
import { detectKind } from '../detect-kind';
import { normaliseHeader } from '../read-table';
import type { ImportIssue } from '../report';
import { readStaged } from './read-staged';
import { sourceForHeaders } from './sources';
import { stagingFolder, type StagedFile } from './staging';

/** What one reading of a staged file tells the mapping step. */
export interface StagedAnalysis {
	headers: string[];
	/** The first records, as written. */
	sample: string[][];
	rows: number;
	/** Each header's distinct values (the first DISTINCT_LIMIT), to map local values. */
	distinct: Record<string, string[]>;
	/** Why the file cannot be read at all, if it cannot. */
	problem: ImportIssue | null;
	/** The columns' HXL hashtags as written (null: none), when the file has a tag row. */
	tags?: (string | null)[];
	/**
	 * With tags, each column's name as the importer reads it: the contract's column its tag
	 * stands for (docs/formats.md "HXL"), else its own header normalised. The page proposes these.
	 */
	named?: string[];
}

/** The analysed file's HXL tags, read back: list rules may name columns by hashtag. */
export function analysedTags(analysis: StagedAnalysis): (Hashtag | null)[] | undefined {
	return analysis.tags?.map((t) => (t ? parseHashtag(t) : null));
}

const SAMPLE_ROWS = 5;
/** Values of a column offered for mapping onto known ones: codes and categories are few. */
const DISTINCT_LIMIT = 100;
/** A value longer than this is no code or category, and is not offered for mapping. */
const DISTINCT_CHARS = 100;
/** Characters of a sample cell kept to show. */
const SAMPLE_CHARS = 100;
/**
 * Columns the mapping step shows, with their samples and values: the page stays small however
 * wide the file (up to the 16,384 columns of caps.ts). Columns past these are mapped as
 * suggested (a wide file's period columns) or left out, and the page says how many.
 */
export const SHOWN_COLUMNS = 100;

/**
 * Reads the staged file once and remembers what it found (per sheet): a bounded sample, however
 * large the file — the first rows, the shown columns, short values.
 */
export async function analyse(_db: Db, actor: Actor, file: StagedFile): Promise<StagedAnalysis> {
	authorize(actor, 'import');
	const cache = join(
		stagingFolder(file.id),
		`analysis-${encodeURIComponent(file.sheet ?? '')}.json`
	);
	try {
		return JSON.parse(await readFile(cache, 'utf8')) as StagedAnalysis;
	} catch {
		// not analysed yet
	}
	const analysis: StagedAnalysis = {
		headers: [],
		sample: [],
		rows: 0,
		distinct: {},
		problem: null
	};
	const sets: Set<string>[] = [];
	analysis.problem = await readStaged(file, {
		header(header) {
			analysis.headers = header.rawHeaders;
			if (header.tags) {
				analysis.tags = header.tags.map((t) => (t ? formatHashtag(t) : null));
				analysis.named = header.headers;
			}
			header.rawHeaders.slice(0, SHOWN_COLUMNS).forEach(() => sets.push(new Set()));
		},
		record(record) {
			analysis.rows++;
			const shown = record.values.slice(0, SHOWN_COLUMNS);
			if (analysis.sample.length < SAMPLE_ROWS) {
				analysis.sample.push(shown.map((v) => v.slice(0, SAMPLE_CHARS)));
			}
			shown.forEach((v, i) => {
				const set = sets[i];
				if (set && v !== '' && v.length <= DISTINCT_CHARS && set.size < DISTINCT_LIMIT) set.add(v);
			});
		}
	});
	sets.forEach((set, i) => (analysis.distinct[analysis.headers[i]!] = [...set]));
	await writeFile(cache, JSON.stringify(analysis));
	return analysis;
}

/** A column whose local values may need mapping onto known ones (areas, categories…). */
export interface ValueColumn {
	header: string;
	target: string;
	/** The known values to choose from. */
	options: KnownValue[];
	/** The file's values that are not known as they are, with the likeliest known one. */
	unknown: { value: string; suggestion: string | null }[];
}

/** The mapping step: the kind, the mapping proposed or applied, and values to map. */
export interface MappingStep {
	kind: FileKind | null;
	mapping: Mapping;
	/** Contract columns (and dimensions) the file's columns can map onto. */
	targets: string[];
	/** The saved source whose mapping was applied, if any. */
	source: string | null;
	valueColumns: ValueColumn[];
	problems: string[];
}

/** The dimensions indicators declare: observations files may have a column for each. */
function declaredDimensions(db: Db): string[] {
	const names = new Set<string>();
	for (const { dimensions } of db
		.select({ dimensions: indicators.dimensions })
		.from(indicators)
		.all()) {
		for (const d of dimensions?.split(';') ?? []) if (d) names.add(d);
	}
	return [...names];
}

/** The kind a mapping makes of the file, as the importer will recognise it. */
export function kindOf(mapping: Mapping): FileKind | null {
	const mapped = Object.values(mapping.columns).filter((t): t is string => t !== null);
	return detectKind(mapped.map(normaliseHeader), mapped);
}

/**
 * The mapping to show: the one the planner chose, else the saved source's for files with these
 * headers, else the suggestion of the kind whose columns the headers match best.
 */
export function mappingStep(
	db: Db,
	actor: Actor,
	file: StagedFile,
	analysis: StagedAnalysis
): MappingStep {
	authorize(actor, 'import');
	const dimensions = declaredDimensions(db);
	let source: string | null = null;
	let mapping: Mapping & { kind?: FileKind | null };
	if (file.mapping) mapping = file.mapping;
	else {
		const saved = sourceForHeaders(db, headerSignature(analysis.headers));
		if (saved) {
			mapping = {
				...saved.mapping,
				columns: rekeyColumns(saved.mapping.columns, analysis.headers)
			};
			source = saved.name;
		} else mapping = { ...suggestion(analysis, dimensions), values: {} };
	}
	const kind = kindOf(mapping);
	const targets = kind
		? targetColumns(kind, dimensions)
		: [...new Set(FILE_KINDS.flatMap((k) => targetColumns(k, dimensions)))];
	const columns = valueColumns(db, mapping, analysis, dimensions);
	// the proposal includes the likeliest meaning of each local value, as the form preselects it
	const values = structuredClone(mapping.values);
	for (const column of columns) {
		for (const { value, suggestion } of column.unknown) {
			if (suggestion) (values[column.target] ??= {})[value] ??= suggestion;
		}
	}
	return {
		kind,
		mapping: { columns: mapping.columns, values },
		targets,
		source: source ?? file.source,
		valueColumns: columns,
		problems: mappingProblems(mapping.columns)
	};
}

/**
 * What the page shows of the mapping step: the first SHOWN_COLUMNS columns with their samples
 * and choices, and of the columns past them only those mapped (a wide file's periods, a column
 * the suggestion or a saved source recognised), which the form sends back as they are.
 */
export function shownMapping(analysis: StagedAnalysis, step: MappingStep) {
	const shown = analysis.headers.slice(0, SHOWN_COLUMNS);
	const columns: Mapping['columns'] = {};
	for (const h of shown) columns[h] = step.mapping.columns[h] ?? null;
	const mappedBeyond = analysis.headers
		.slice(SHOWN_COLUMNS)
		.map((header, k) => ({
			index: SHOWN_COLUMNS + k,
			target: step.mapping.columns[header] ?? null
		}))
		.filter((c): c is { index: number; target: string } => c.target !== null);
	return {
		analysis: { ...analysis, headers: shown, distinct: {} },
		mapping: { ...step, mapping: { ...step.mapping, columns } },
		beyond: {
			count: Math.max(0, analysis.headers.length - SHOWN_COLUMNS),
			mapped: mappedBeyond
		}
	};
}

/**
 * The suggestion of the kind whose columns the headers match best. Only the shown columns are
 * matched against the contract's names (matching costs time per column); past them a header
 * that is a period is a wide file's period column, and any other is left out, as the page says.
 */
/**
 * The proposal for a file: from its headers, or — when it has HXL tags — from the names its tags
 * give (a column tagged `#indicator+code` is proposed as indicator_code whatever its header),
 * keyed back by the file's own headers.
 */
function suggestion(
	analysis: StagedAnalysis,
	dimensions: string[]
): { columns: Mapping['columns'] } {
	const named = analysis.named;
	if (!named || named.length !== analysis.headers.length) {
		return bestSuggestion(analysis.headers, dimensions);
	}
	const best = bestSuggestion(named, dimensions);
	return {
		columns: Object.fromEntries(
			analysis.headers.map((h, i) => [h, best.columns[named[i]!] ?? null])
		)
	};
}

function bestSuggestion(headers: string[], dimensions: string[]): { columns: Mapping['columns'] } {
	const shown = headers.slice(0, SHOWN_COLUMNS);
	const rest: Mapping['columns'] = {};
	for (const h of headers.slice(SHOWN_COLUMNS)) rest[h] = isPeriodHeader(h) ? h.trim() : null;
	let best: { columns: Mapping['columns']; score: number } = {
		columns: { ...suggestColumns(shown, []), ...rest },
		score: -1
	};
	for (const kind of FILE_KINDS) {
		const columns = { ...suggestColumns(shown, targetColumns(kind, dimensions)), ...rest };
		if (kindOf({ columns, values: {} }) !== kind) continue;
		const score = Object.values(columns).filter((c) => c !== null).length;
		if (score > best.score) best = { columns, score };
	}
	return best;
}

function valueColumns(
	db: Db,
	mapping: Mapping,
	analysis: StagedAnalysis,
	dimensions: string[]
): ValueColumn[] {
	const tree = loadAreaTree(db);
	const areaOptions = tree.all().map((a) => ({ code: a.code, name: a.name }));
	const categories = new Map<string, KnownValue[]>();
	for (const { dimension, category } of db.select().from(dimensionCategories).all()) {
		const list = categories.get(dimension) ?? [];
		list.push({ code: category });
		categories.set(dimension, list);
	}
	const optionsFor = (target: string): KnownValue[] | null => {
		if (target === 'area_code' || target === 'parent_area') return areaOptions;
		if (target === 'value_type') return VALUE_TYPES.map((code) => ({ code }));
		if (target === 'verification') return VERIFICATIONS.map((code) => ({ code }));
		const isDimension =
			dimensions.includes(target) && !(OBSERVATION_COLUMNS as readonly string[]).includes(target);
		return isDimension ? (categories.get(target) ?? null) : null;
	};
	const out: ValueColumn[] = [];
	for (const [header, target] of Object.entries(mapping.columns)) {
		if (target === null) continue;
		const options = optionsFor(target);
		if (!options || options.length === 0) continue;
		const codes = new Set(options.map((o) => o.code));
		const unknown = (analysis.distinct[header] ?? [])
			.filter((v) => !codes.has(v))
			.map((value) => ({
				value,
				suggestion: mapping.values[target]?.[value] ?? suggestValue(value, options)
			}));
		if (unknown.length > 0) out.push({ header, target, options, unknown });
	}
	return out;
}
