/**
 * HXL, the Humanitarian Exchange Language (hxlstandard.org): a row of hashtags under a file's
 * header — `#adm1+name`, `#affected+killed`, `#indicator+value+num` — that says what each column
 * holds, so HDX tools and partners' scripts read a file whatever its column names.
 *
 * This file is the one table between the product's columns and hashtags (docs/formats.md
 * "HXL"), and the rules that read them. Pure: the importer (tag rows, kind detection), the list
 * importer (rules naming columns by hashtag) and the one CSV writer (the tag row of every
 * export) all go through here.
 *
 * A hashtag is `#tag` and any number of `+attributes`, letters, digits and `_`, starting with a
 * letter; case is ignored, and so is the order of attributes (`#adm1+code` = `#ADM1 +Code`).
 * A column's tag **matches** a wanted tag when the tag names are the same and the column's
 * attributes include every wanted one: `#affected+killed+f` is an `#affected+killed`. Among
 * several columns that match, the **closest** wins: the one with the fewest attributes beyond
 * the wanted ones.
 */

export interface Hashtag {
	/** the tag's name, lower case, without `#` */
	tag: string;
	/** its attributes, lower case, without `+`, in the order written (order does not matter) */
	attributes: readonly string[];
}

const NAME = '[a-z][a-z0-9_]*';
const HASHTAG = new RegExp(`^#(${NAME})((?:\\s*\\+\\s*${NAME})*)$`, 'i');

/** A cell read as a hashtag, or null when it is not one. Surrounding spaces are ignored. */
export function parseHashtag(text: string): Hashtag | null {
	const found = HASHTAG.exec(text.trim());
	if (!found) return null;
	const attributes = found[2]!
		.split('+')
		.map((a) => a.trim().toLowerCase())
		.filter((a) => a !== '');
	return { tag: found[1]!.toLowerCase(), attributes };
}

/** `#indicator+value+num`: the tag as it is written in files. */
export function formatHashtag(h: Hashtag): string {
	return `#${h.tag}${h.attributes.map((a) => `+${a}`).join('')}`;
}

/**
 * How many attributes `found` has beyond `wanted`'s, when it matches `wanted` (same tag, every
 * wanted attribute present); null when it does not match.
 */
export function extraAttributes(wanted: Hashtag, found: Hashtag): number | null {
	if (wanted.tag !== found.tag) return null;
	const have = new Set(found.attributes);
	for (const a of wanted.attributes) if (!have.has(a)) return null;
	return have.size - new Set(wanted.attributes).size;
}

export type ClosestTag =
	| { ok: true; position: number }
	| { ok: false; reason: 'missing' }
	| { ok: false; reason: 'ambiguous'; candidates: number[] };

/**
 * The column whose tag is closest to `wanted` (a list rule's `#adm1+name`): the matching tag
 * with the fewest extra attributes. Two columns equally close make the name ambiguous, so the
 * rule must say more (`#adm1+name` rather than `#adm1`).
 */
export function closestTag(wanted: Hashtag, tags: readonly (Hashtag | null)[]): ClosestTag {
	let best = Infinity;
	let at: number[] = [];
	tags.forEach((found, i) => {
		if (!found) return;
		const extra = extraAttributes(wanted, found);
		if (extra === null || extra > best) return;
		if (extra < best) {
			best = extra;
			at = [];
		}
		at.push(i);
	});
	if (at.length === 0) return { ok: false, reason: 'missing' };
	if (at.length > 1) return { ok: false, reason: 'ambiguous', candidates: at };
	return { ok: true, position: at[0]! };
}

/** What a row right under the header is: hashtags, data, or a tag row with a bad cell. */
export type RowReading =
	{ kind: 'tags'; tags: (Hashtag | null)[] } | { kind: 'data' } | { kind: 'bad'; position: number };

/**
 * A row is a tag row when every non-blank cell starts with `#` and at least one is a hashtag; a
 * blank cell is a column without a tag. Such a row with a cell that is no hashtag (`#adm 1`) is
 * a mistake in the tag row, not data. A row with any cell not starting with `#` is data — so a
 * data row whose first cell is `#12` stays a data row.
 */
export function readTagRow(cells: readonly string[]): RowReading {
	const tags: (Hashtag | null)[] = [];
	let found = 0;
	let bad = -1;
	for (let i = 0; i < cells.length; i++) {
		const text = cells[i]!.trim();
		if (text === '') {
			tags.push(null);
			continue;
		}
		if (!text.startsWith('#')) return { kind: 'data' };
		const tag = parseHashtag(text);
		if (tag) found++;
		else if (bad === -1) bad = i;
		tags.push(tag);
	}
	if (found === 0) return { kind: 'data' };
	return bad === -1 ? { kind: 'tags', tags } : { kind: 'bad', position: bad };
}

/** One column of a table and its hashtag; `alsoRead` are other tags it is read from, best first. */
export interface TaggedColumn {
	column: string;
	tag: string;
	alsoRead?: readonly string[];
}

/** Administrative levels, finest first: a file's finest level is the level of its figures. */
const ADMIN_CODES = ['#adm5+code', '#adm4+code', '#adm3+code', '#adm2+code', '#adm1+code'];
const ADMIN_NAMES = ['#adm5+name', '#adm4+name', '#adm3+name', '#adm2+name', '#adm1+name'];

const col = (column: string, tag: string, alsoRead?: readonly string[]): TaggedColumn => ({
	column,
	tag,
	...(alsoRead ? { alsoRead } : {})
});

/**
 * Our areas sit at several levels (a province, a territory, a town), so our area code is
 * `#loc+code`, whatever the level; on reading, a file tagged by administrative level gives the
 * finest level it has (`#adm2+code` before `#adm1+code`).
 */
const AREA_CODE = col('area_code', '#loc+code', ADMIN_CODES);

const FIGURE: readonly TaggedColumn[] = [
	col('value', '#indicator+value+num'),
	col('verification', '#status+verification'),
	col('numerator', '#indicator+numerator+num'),
	col('denominator', '#indicator+denominator+num'),
	col('sample_size', '#indicator+sample+num'),
	col('ci_low', '#indicator+ci+min+num'),
	col('ci_high', '#indicator+ci+max+num'),
	col('source', '#meta+source'),
	col('comment', '#description')
];

/**
 * The tables, by the file or download they tag. The import kinds (formats.md §1.1–§1.6 and the
 * kinds beyond the contract) are read back by the same table. `rules` and the downloads (series,
 * breakdown, IPTT, RBB report) are written only: a rules file is read by its column names.
 */
export const HXL_TABLES = {
	areas: [
		AREA_CODE,
		col('area_name', '#loc+name', ADMIN_NAMES),
		col('parent_area', '#loc+code+parent'),
		col('area_level', '#loc+type'),
		col('population', '#population+num'),
		col('population_year', '#date+year')
	],
	framework: [
		col('result_code', '#activity+code'),
		col('result_level', '#activity+type'),
		col('result_title', '#activity+name'),
		col('parent_result', '#activity+code+parent'),
		col('driver_of_change', '#activity+driver'),
		col('critical_condition', '#activity+condition'),
		col('component', '#org+name'),
		col('tier', '#activity+tier'),
		col('description', '#description'),
		col('result_title_fr', '#activity+name+i_fr'),
		col('driver_of_change_fr', '#activity+driver+i_fr'),
		col('critical_condition_fr', '#activity+condition+i_fr'),
		col('description_fr', '#description+i_fr')
	],
	indicators: [
		col('indicator_code', '#indicator+code'),
		col('indicator_title', '#indicator+name'),
		col('result_code', '#activity+code'),
		col('category', '#indicator+category'),
		col('direction', '#indicator+direction'),
		col('measure', '#indicator+measure'),
		col('aggregation', '#indicator+aggregation'),
		col('frequency', '#frequency'),
		col('dimensions', '#indicator+dimensions'),
		col('baseline_value', '#indicator+baseline+num'),
		col('baseline_period', '#date+baseline'),
		col('tier', '#indicator+tier'),
		col('unit', '#indicator+unit'),
		col('data_source', '#meta+source'),
		col('component', '#org+name'),
		col('definition', '#description'),
		col('sensitivity', '#meta+sensitivity'),
		col('dpo_code', '#indicator+code+dpo'),
		col('indicator_title_fr', '#indicator+name+i_fr'),
		col('definition_fr', '#description+i_fr'),
		col('stages', '#indicator+stages'),
		col('stages_fr', '#indicator+stages+i_fr')
	],
	observations: [
		col('indicator_code', '#indicator+code'),
		// HDX files date a figure `#date+reported`: read as the period when there is no #date+period
		col('period', '#date+period', ['#date+reported']),
		AREA_CODE,
		FIGURE[0]!,
		col('value_type', '#indicator+type'),
		...FIGURE.slice(1)
	],
	sites: [
		col('site_code', '#site+code'),
		col('site_name', '#site+name'),
		col('site_type', '#site+type'),
		col('latitude', '#geo+lat'),
		col('longitude', '#geo+lon'),
		col('opened', '#date+start'),
		col('closed', '#date+end'),
		col('sensitivity', '#meta+sensitivity')
	],
	actions: [
		col('reference', '#action+code'),
		col('origin', '#action+origin'),
		col('origin_reference', '#action+origin+code'),
		col('cycle', '#date+cycle'),
		col('decision', '#action+description'),
		col('owner', '#org+owner'),
		AREA_CODE,
		col('deadline', '#date+deadline'),
		col('status', '#status'),
		col('drop_reason', '#status+reason'),
		col('result_codes', '#activity+code+list'),
		col('indicator_codes', '#indicator+code+list')
	],
	outputs: [
		col('result_code', '#activity+code'),
		col('budget_year', '#date+budget_year'),
		col('planned', '#output+planned'),
		col('completed', '#output+completed'),
		col('remarks', '#description'),
		col('remarks_fr', '#description+i_fr')
	],
	resources: [
		col('budget_year', '#date+budget_year'),
		col('component', '#org+name'),
		col('result_code', '#activity+code'),
		col('category', '#item+category'),
		col('apportionment', '#value+apportioned'),
		col('expenditure', '#value+spent'),
		col('explanation', '#description')
	],
	// written only: a rules file is read by its names (formats.md §5.1)
	rules: [
		col('source', '#meta+source'),
		col('indicator_code', '#indicator+code'),
		col('value', '#meta+rule+value'),
		col('date_column', '#meta+rule+date'),
		col('area_column', '#meta+rule+area'),
		col('where', '#meta+rule+where'),
		col('dimensions', '#meta+rule+dimensions'),
		col('weight_column', '#meta+rule+weight'),
		col('unlocated_area', '#loc+code+unlocated'),
		col('verification', '#status+verification')
	],
	series: [
		col('indicator', '#indicator+code'),
		col('area', '#loc+code'),
		col('by', '#frequency'),
		col('period', '#date+period'),
		col('start', '#date+start'),
		col('end', '#date+end'),
		col('partial', '#meta+partial'),
		col('actual', '#indicator+actual+num'),
		col('target', '#indicator+target+num'),
		col('status', '#status')
	],
	breakdown: [
		col('indicator', '#indicator+code'),
		col('area', '#loc+code'),
		col('by', '#frequency'),
		col('dimension', '#indicator+dimension'),
		col('category', '#indicator+dimension+category'),
		col('period', '#date+period'),
		col('start', '#date+start'),
		col('end', '#date+end'),
		col('actual', '#indicator+actual+num')
	],
	iptt: [
		col('objective_code', '#activity+code+objective'),
		col('indicator_code', '#indicator+code'),
		col('indicator_title', '#indicator+name'),
		col('category', '#indicator+category'),
		col('tier', '#indicator+tier'),
		col('component', '#org+name'),
		col('direction', '#indicator+direction'),
		col('unit', '#indicator+unit'),
		col('baseline_value', '#indicator+baseline+num'),
		col('baseline_period', '#date+baseline')
	],
	rbb: [
		col('objective_code', '#activity+code+objective'),
		col('part', '#meta+part'),
		col('result_code', '#activity+code'),
		col('result', '#activity+name'),
		col('indicator_code', '#indicator+code'),
		col('indicator', '#indicator+name'),
		col('unit', '#indicator+unit'),
		col('baseline', '#indicator+baseline+num'),
		col('baseline_period', '#date+baseline'),
		col('planned', '#indicator+target+num'),
		col('actual', '#indicator+actual+num'),
		col('status', '#status'),
		col('status_explanation', '#status+description'),
		col('explanation', '#description'),
		col('apportionment', '#value+apportioned'),
		col('expenditure', '#value+spent'),
		col('variance', '#value+variance'),
		col('variance_percent', '#value+variance+pct'),
		col('explanation_required', '#meta+explanation_required')
	]
} as const satisfies Record<string, readonly TaggedColumn[]>;

export type HxlTable = keyof typeof HXL_TABLES;

/** The import kinds a tag row is read for (the other tables are downloads only). */
export const TAGGED_KINDS = [
	'areas',
	'framework',
	'indicators',
	'observations',
	'sites',
	'actions',
	'outputs',
	'resources'
] as const satisfies readonly HxlTable[];
export type TaggedKind = (typeof TAGGED_KINDS)[number];

/**
 * A dimension column of observations (`sex`, holding `female`) is `#indicator+dimension+sex`:
 * the dimension's name as an attribute, in the characters an attribute may hold.
 */
export const DIMENSION_TAG = '#indicator+dimension';

function attributeName(text: string): string {
	const cleaned = text.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
	return /^[a-z]/.test(cleaned) ? cleaned : `d_${cleaned}`;
}

/** The `#indicator+dimension+…` tag of a dimension column. */
export function dimensionTag(dimension: string): string {
	return `${DIMENSION_TAG}+${attributeName(dimension)}`;
}

/**
 * The IPTT's three columns per period (`2024-Q1_target`, `…_actual`, `…_percent_met`): every
 * period's columns carry the same tag, as HXL tags repeat on repeated measures.
 */
const IPTT_PERIOD_TAGS: Record<string, string> = {
	target: '#indicator+target+num',
	actual: '#indicator+actual+num',
	percent_met: '#indicator+met+pct'
};

/**
 * The tag row a download of this table writes under its header: each column's tag, an empty
 * cell for a column the table does not tag. Observations' other columns are dimensions.
 */
export function tagRow(table: HxlTable, fields: readonly string[]): string[] {
	const tags = new Map<string, string>(
		(HXL_TABLES[table] as readonly TaggedColumn[]).map((c) => [c.column, c.tag])
	);
	return fields.map((field) => {
		const tag = tags.get(field);
		if (tag) return tag;
		if (table === 'observations') return dimensionTag(field);
		if (table === 'iptt') {
			const suffix = Object.keys(IPTT_PERIOD_TAGS).find((s) => field.endsWith(`_${s}`));
			if (suffix) return IPTT_PERIOD_TAGS[suffix]!;
		}
		return '';
	});
}

/**
 * The contract columns a file's tags stand for, by the table of `kind`: position → column.
 * Every pair of a table column and a file column whose tag matches one of the column's tags
 * is ranked — fewest extra attributes first, then the column's own tag before those it also
 * reads, then table order, then file order — and assigned in that order, each table column and
 * each file column at most once. So `#adm2+code` beside `#adm1+code` is the area code (the
 * finer level), and `#activity+code+parent` is the parent however the columns are ordered.
 * `taken` are columns the file already has by name: a tag does not give them a second time.
 */
export function columnsFromTags(
	kind: TaggedKind,
	tags: readonly (Hashtag | null)[],
	taken: ReadonlySet<string> = new Set()
): Map<number, string> {
	const ranked: { extra: number; alias: number; entry: number; position: number }[] = [];
	const table = HXL_TABLES[kind] as readonly TaggedColumn[];
	table.forEach((entry, e) => {
		if (taken.has(entry.column)) return;
		[entry.tag, ...(entry.alsoRead ?? [])].forEach((text, alias) => {
			const wanted = parseHashtag(text)!;
			tags.forEach((found, position) => {
				if (!found) return;
				const extra = extraAttributes(wanted, found);
				if (extra !== null) ranked.push({ extra, alias, entry: e, position });
			});
		});
	});
	ranked.sort(
		(a, b) => a.extra - b.extra || a.alias - b.alias || a.entry - b.entry || a.position - b.position
	);
	const out = new Map<number, string>();
	const used = new Set<number>();
	for (const r of ranked) {
		if (used.has(r.entry) || out.has(r.position)) continue;
		used.add(r.entry);
		out.set(r.position, table[r.entry]!.column);
	}
	if (kind === 'observations') {
		const dimension = parseHashtag(DIMENSION_TAG)!;
		tags.forEach((found, position) => {
			if (!found || out.has(position)) return;
			// `#indicator+dimension+sex` is the column `sex`: the attribute that is not the tag's
			if (extraAttributes(dimension, found) !== 1) return;
			const name = found.attributes.find((a) => !dimension.attributes.includes(a))!;
			if (!taken.has(name)) out.set(position, name);
		});
	}
	return out;
}
