/**
 * The text of a source's rules (formats.md §5.1), read and written: the `value`, `where` and
 * `dimensions` cells of a `rules` file, source names, which value kinds fit which measure, and
 * the columns a rule reads. Pure: the rules importer, the /sources editor, the exporter and the
 * list importer all go through here, so a rule reads and prints one way everywhere.
 *
 * Syntax, beyond the contract's words: function names ignore case (`SUM(x)` = `sum(x)`) and
 * spaces around names and values are trimmed; the formatted text is the canonical form
 * (`count`, `sum(COL)`, `share(COL=V1|V2)`, `mean(COL)`, `days(FROM,TO)`). A column name may
 * hold any character but `= ; | ( ) ,` and a value any character but `|` (and `;` in `where`),
 * so Kobo headers such as `group_safety/feel_safe` and values such as `Violence against
 * civilians` are written as they are.
 */
import { m } from '../../paraglide/messages.js';
import type { RuleColumnName } from '../columns';
import { parseHashtag } from '../hxl';
import type { ListRule, RuleCondition, RuleDimension, RuleValue, RuleValueKind } from './rule';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Characters a column name cannot hold: they separate the parts of the expressions. */
const COLUMN_FORBIDDEN = /[=;|(),]/;

function columnName(raw: string, what: string): Parsed<string> {
	const column = raw.trim();
	if (column === '') return fail(m.impmsg_rule_part_missing({ what }));
	if (COLUMN_FORBIDDEN.test(column) || column.endsWith('!')) {
		return fail(m.impmsg_rule_not_column_name({ column }));
	}
	// a column named by its HXL hashtag (docs/formats.md "HXL") must be one, or it matches nothing
	if (column.startsWith('#') && !parseHashtag(column)) {
		return fail(m.hxl_rule_not_hashtag({ column }));
	}
	return ok(column);
}

/** `V1|V2…`: each value trimmed, none blank. */
function valueList(raw: string, column: string): Parsed<string[]> {
	const values = raw.split('|').map((v) => v.trim());
	if (values.some((v) => v === '')) {
		return fail(
			raw.trim() === ''
				? m.impmsg_rule_no_values({ column })
				: m.impmsg_rule_blank_value({ column })
		);
	}
	return ok(values);
}

/** Reads a `value` cell. */
export function parseRuleValue(text: string): Parsed<RuleValue> {
	const written = text.trim();
	const bad = (why: string) => fail<RuleValue>(m.impmsg_rule_not_value({ written, why }));
	if (written === '') return bad(m.impmsg_rule_why_blank());
	if (written.toLowerCase() === 'count') return ok({ kind: 'count' });
	const call = /^([a-z]+)\s*\((.*)\)$/is.exec(written);
	if (!call) return bad(m.impmsg_rule_why_not_function());
	const name = call[1]!.toLowerCase();
	const inner = call[2]!;
	switch (name) {
		case 'sum':
		case 'mean': {
			const column = columnName(
				inner,
				name === 'sum' ? m.impmsg_rule_what_sum_column() : m.impmsg_rule_what_mean_column()
			);
			return column.ok ? ok({ kind: name, column: column.value }) : bad(column.message);
		}
		case 'share': {
			const eq = inner.indexOf('=');
			if (eq < 0) return bad(m.impmsg_rule_why_share_form());
			const column = columnName(inner.slice(0, eq), m.impmsg_rule_what_answers_column());
			if (!column.ok) return bad(column.message);
			const values = valueList(inner.slice(eq + 1), column.value);
			return values.ok
				? ok({ kind: 'share', column: column.value, values: values.value })
				: bad(values.message);
		}
		case 'days': {
			const parts = inner.split(',');
			if (parts.length !== 2) return bad(m.impmsg_rule_why_days_form());
			const from = columnName(parts[0]!, m.impmsg_rule_what_from_column());
			if (!from.ok) return bad(from.message);
			const to = columnName(parts[1]!, m.impmsg_rule_what_to_column());
			if (!to.ok) return bad(to.message);
			if (from.value.toLowerCase() === to.value.toLowerCase()) {
				return bad(m.impmsg_rule_why_same_column());
			}
			return ok({ kind: 'days', from: from.value, to: to.value });
		}
		case 'count':
			return bad(m.impmsg_rule_why_count_no_column());
		default:
			return bad(m.impmsg_rule_why_not_rule_function({ name: call[1]! }));
	}
}

export function formatRuleValue(value: RuleValue): string {
	switch (value.kind) {
		case 'count':
			return 'count';
		case 'sum':
		case 'mean':
			return `${value.kind}(${value.column})`;
		case 'share':
			return `share(${value.column}=${value.values.join('|')})`;
		case 'days':
			return `days(${value.from},${value.to})`;
	}
}

/** Reads a `where` cell; blank is every row (no condition). */
export function parseWhere(text: string): Parsed<RuleCondition[]> {
	const conditions: RuleCondition[] = [];
	for (const part of text.split(';')) {
		if (part.trim() === '') continue;
		const bad = (why: string) =>
			fail<RuleCondition[]>(m.impmsg_rule_not_condition({ written: part.trim(), why }));
		const eq = part.indexOf('=');
		if (eq < 0) return bad(m.impmsg_rule_why_no_equals_values());
		const negated = eq > 0 && part[eq - 1] === '!';
		const column = columnName(part.slice(0, negated ? eq - 1 : eq), m.impmsg_rule_what_column());
		if (!column.ok) return bad(column.message);
		const values = valueList(part.slice(eq + 1), column.value);
		if (!values.ok) return bad(values.message);
		conditions.push({ column: column.value, negated, values: values.value });
	}
	return ok(conditions);
}

export function formatWhere(conditions: readonly RuleCondition[]): string {
	return conditions
		.map((c) => `${c.column}${c.negated ? '!=' : '='}${c.values.join('|')}`)
		.join(';');
}

/** Reads a `dimensions` cell; blank is no breakdown. A dimension may be named once. */
export function parseDimensions(text: string): Parsed<RuleDimension[]> {
	const pairs: RuleDimension[] = [];
	const seen = new Set<string>();
	for (const part of text.split(';')) {
		if (part.trim() === '') continue;
		const bad = (why: string) =>
			fail<RuleDimension[]>(m.impmsg_rule_not_breakdown({ written: part.trim(), why }));
		const pieces = part.split('=');
		if (pieces.length !== 2) {
			return bad(
				pieces.length < 2 ? m.impmsg_rule_why_no_equals_dimension() : m.impmsg_rule_why_two_equals()
			);
		}
		const dimension = columnName(pieces[0]!, m.impmsg_rule_what_dimension());
		if (!dimension.ok) return bad(dimension.message);
		const column = columnName(pieces[1]!, m.impmsg_rule_what_column());
		if (!column.ok) return bad(column.message);
		const key = dimension.value.toLowerCase();
		if (seen.has(key))
			return bad(m.impmsg_rule_why_dimension_twice({ dimension: dimension.value }));
		seen.add(key);
		pairs.push({ dimension: dimension.value, column: column.value });
	}
	return ok(pairs);
}

export function formatDimensions(pairs: readonly RuleDimension[]): string {
	return pairs.map((p) => `${p.dimension}=${p.column}`).join(';');
}

export const SOURCE_NAME_MAX = 100;

/** Why a source name is not one (letters, digits, `-`, `_`, `.`), or null when it is. */
export function sourceNameProblem(name: string): string | null {
	if (name.trim() === '') return m.impmsg_source_name_blank();
	if (name.length > SOURCE_NAME_MAX) {
		return m.impmsg_source_name_too_long({ max: String(SOURCE_NAME_MAX) });
	}
	if (!/^[A-Za-z0-9._-]+$/.test(name)) return m.impmsg_source_name_bad({ name });
	return null;
}

/** Source names are compared ignoring case: this is the form they are compared in. */
export function sourceKey(name: string): string {
	return name.trim().toLowerCase();
}

/**
 * The measures each value kind fits (§5.1): counts and sums make counts or numbers, a share a
 * percent, a mean or a number of days an average (carried as total and items).
 */
export const MEASURES_FOR_VALUE: Record<RuleValueKind, readonly string[]> = {
	count: ['count', 'number'],
	sum: ['count', 'number'],
	share: ['percent'],
	mean: ['average'],
	days: ['average']
};

export function valueFitsMeasure(kind: RuleValueKind, measure: string): boolean {
	return MEASURES_FOR_VALUE[kind].includes(measure);
}

/** Why a value kind cannot write an indicator of this measure, or null when it can. */
export function measureProblem(
	kind: RuleValueKind,
	indicatorCode: string,
	measure: string
): string | null {
	if (valueFitsMeasure(kind, measure)) return null;
	const fits = orList(MEASURES_FOR_VALUE[kind]);
	const instead = (Object.keys(MEASURES_FOR_VALUE) as RuleValueKind[]).filter((k) =>
		valueFitsMeasure(k, measure)
	);
	const problem = { kind, fits, code: indicatorCode, measure };
	return instead.length
		? m.impmsg_rule_measure_mismatch_use({ ...problem, instead: orList(instead) })
		: m.impmsg_rule_measure_mismatch({ ...problem });
}

/** `a or b` (`a ou b`): codes joined as the messages join alternatives. */
function orList(codes: readonly string[]): string {
	return codes.join(m.impmsg_or());
}

/** `weight_column` weighs rows in `share` and `mean` only (§5.1). */
export function takesWeight(kind: RuleValueKind): boolean {
	return kind === 'share' || kind === 'mean';
}

/** The columns a value reads, in the order written. */
export function valueColumns(value: RuleValue): string[] {
	switch (value.kind) {
		case 'count':
			return [];
		case 'days':
			return [value.from, value.to];
		default:
			return [value.column];
	}
}

/** One column a rule reads, and what for (for "the file lacks column X that rule Y names"). */
export interface RuleColumn {
	column: string;
	role: 'date_column' | 'area_column' | 'value' | 'where' | 'dimensions' | 'weight_column';
}

/** Every column a rule reads, each once (the first role it has), in the order of the file. */
export function ruleColumns(rule: ListRule): RuleColumn[] {
	const all: RuleColumn[] = [
		{ column: rule.dateColumn, role: 'date_column' },
		{ column: rule.areaColumn, role: 'area_column' },
		...valueColumns(rule.value).map((column) => ({ column, role: 'value' as const })),
		...rule.where.map((c) => ({ column: c.column, role: 'where' as const })),
		...rule.dimensions.map((d) => ({ column: d.column, role: 'dimensions' as const })),
		...(rule.weightColumn ? [{ column: rule.weightColumn, role: 'weight_column' as const }] : [])
	];
	const seen = new Set<string>();
	return all.filter((c) => {
		const key = c.column.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The cells of a rules file's row for a rule, as the exporter writes and the importer reads. */
export function ruleCells(rule: ListRule): Record<RuleColumnName, string> {
	return {
		source: rule.source,
		indicator_code: rule.indicatorCode,
		value: formatRuleValue(rule.value),
		date_column: rule.dateColumn,
		area_column: rule.areaColumn,
		where: formatWhere(rule.where),
		dimensions: formatDimensions(rule.dimensions),
		weight_column: rule.weightColumn ?? '',
		unlocated_area: rule.unlocatedArea ?? '',
		verification: rule.verification ?? ''
	};
}
