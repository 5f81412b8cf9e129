import { m } from '../../../paraglide/messages.js';
import { normaliseHeader, RULE_COLUMNS } from '../../../domain/columns';
import type { ListRule } from '../../../domain/lists/rule';
import {
	measureProblem,
	parseDimensions,
	parseRuleValue,
	parseWhere,
	ruleCells,
	sourceKey,
	sourceNameProblem,
	takesWeight,
	type Parsed
} from '../../../domain/lists/rule-text';
import { didYouMean } from '../../../domain/suggest';
import { VERIFICATIONS } from '../../../domain/vocabulary';
import { areas, indicators } from '../../db/schema';
import { replaceRuleSet, type RuleToStore } from '../../lists/sources';
import { RowReader } from '../row-reader';
import { conflictingRows, requireColumns, warnUnknownColumns, type KindImport } from './context';

const REQUIRED = ['source', 'indicator_code', 'value', 'date_column', 'area_column'];

interface Candidate extends RuleToStore {
	line: number;
	/** the rule's cells in canonical form: two rows alike are one rule */
	cells: string;
}

/**
 * Imports a `rules` file (formats.md §5.1): each row one rule, checked against the indicator
 * it writes (known, not retired, a measure its value fits, the dimensions it declares) and the
 * areas (`unlocated_area`); the file then gives the whole rule set of each source it names.
 * Counts are rules: inserted, updated, unchanged; rules a source no longer has are removed,
 * with a warning naming them.
 */
export function importRules(ctx: KindImport): void {
	const { db, report, batchId, actor } = ctx;
	if (!requireColumns(ctx, REQUIRED)) return;
	warnUnknownColumns(ctx, new Set<string>(RULE_COLUMNS));

	const known = new Map(
		db
			.select({
				id: indicators.id,
				code: indicators.code,
				measure: indicators.measure,
				dimensions: indicators.dimensions,
				retired: indicators.retired
			})
			.from(indicators)
			.all()
			.map((i) => [i.code, i])
	);
	const areaIds = new Map(
		db
			.select({ id: areas.id, code: areas.code })
			.from(areas)
			.all()
			.map((a) => [a.code, a.id])
	);

	/** source key → the name as first written, and its rules by indicator */
	const sources = new Map<string, { name: string; rules: Map<string, Candidate> }>();
	/** sources with a row in error: their rule set is not known, so it is not replaced */
	const broken = new Set<string>();
	const reportedLines = new Set<number>();

	for (const record of ctx.table.records) {
		report.rows++;
		const r = new RowReader(record, report, ctx.table);
		const errorsBefore = report.errorCount ?? 0;
		const parsed = <T>(
			column: string,
			text: string | null | undefined,
			read: (t: string) => Parsed<T>,
			blank: T
		) => {
			if (text == null) return blank;
			const result = read(text);
			if (result.ok) return result.value;
			r.error(column, text, result.message);
			return null;
		};

		const name = r.required('source');
		if (name && sourceNameProblem(name)) r.error('source', name, sourceNameProblem(name)!);
		const code = r.required('indicator_code');
		const value = parsed('value', r.required('value'), parseRuleValue, null);
		const dateColumn = r.required('date_column');
		const areaColumn = r.required('area_column');
		const where = parsed('where', r.text('where'), parseWhere, []);
		const dimensions = parsed('dimensions', r.text('dimensions'), parseDimensions, []);
		const weightColumn = r.text('weight_column') ?? null;
		const unlocatedArea = r.text('unlocated_area') ?? null;
		const verification = r.oneOf('verification', VERIFICATIONS) ?? null;

		const indicator = code ? known.get(code) : undefined;
		if (code && !indicator) {
			r.error(
				'indicator_code',
				code,
				m.impmsg_rule_unknown_indicator({ code, hint: didYouMean(code, known.keys()) })
			);
		} else if (indicator?.retired) {
			r.error('indicator_code', code, m.impmsg_rule_indicator_retired({ code: code ?? '' }));
		}
		if (indicator && value) {
			const problem = measureProblem(value.kind, indicator.code, indicator.measure);
			if (problem) r.error('value', r.text('value')!, problem);
		}
		if (weightColumn && value && !takesWeight(value.kind)) {
			r.error('weight_column', weightColumn, m.impmsg_rule_weight_not_taken({ kind: value.kind }));
		}
		if (indicator && dimensions) {
			const declared = indicator.dimensions ? indicator.dimensions.split(';') : [];
			for (const d of dimensions) {
				if (!declared.includes(normaliseHeader(d.dimension))) {
					r.error(
						'dimensions',
						r.text('dimensions')!,
						declared.length
							? m.impmsg_rule_not_a_dimension({
									dimension: d.dimension,
									code: indicator.code,
									dimensions: declared.join(', ')
								})
							: m.impmsg_rule_not_a_dimension_none({ dimension: d.dimension, code: indicator.code })
					);
				}
			}
		}
		const unlocatedAreaId = unlocatedArea ? areaIds.get(unlocatedArea) : null;
		if (unlocatedArea && unlocatedAreaId === undefined) {
			r.error(
				'unlocated_area',
				unlocatedArea,
				m.impmsg_rule_unknown_unlocated_area({
					code: unlocatedArea,
					hint: didYouMean(unlocatedArea, areaIds.keys())
				})
			);
		}

		const key = name ? sourceKey(name) : null;
		if ((report.errorCount ?? 0) > errorsBefore) {
			if (key) broken.add(key);
			continue;
		}
		const rule: ListRule = {
			source: name!,
			indicatorCode: code!,
			value: value!,
			dateColumn: dateColumn!,
			areaColumn: areaColumn!,
			where: where!,
			dimensions: dimensions!,
			weightColumn,
			unlocatedArea,
			verification
		};
		const source = sources.get(key!) ?? { name: name!, rules: new Map<string, Candidate>() };
		sources.set(key!, source);
		const cells = JSON.stringify({ ...ruleCells(rule), source: key });
		const earlier = source.rules.get(code!);
		if (earlier) {
			// the same rule twice is one rule (§1.7); two different ones are a mistake to fix
			if (earlier.cells !== cells) {
				conflictingRows(
					report,
					reportedLines,
					m.impmsg_rule_subject({ source: source.name, code: code! }),
					{ line: r.line, column: 'indicator_code', value: code! },
					{ line: earlier.line, value: code! }
				);
				broken.add(key!);
			}
			continue;
		}
		source.rules.set(code!, {
			rule,
			indicatorId: indicator!.id,
			unlocatedAreaId: unlocatedAreaId ?? null,
			line: r.line,
			cells
		});
	}

	for (const [key, source] of sources) {
		if (broken.has(key)) continue;
		const change = replaceRuleSet(db, actor, source.name, [...source.rules.values()], batchId);
		report.inserted += change.inserted;
		report.updated += change.updated;
		report.unchanged += change.unchanged;
		if (change.restored) {
			report.warnings.push({
				line: null,
				column: 'source',
				value: change.source,
				message: m.impmsg_rule_source_restored({ source: change.source })
			});
		}
		if (change.removed.length > 0) {
			report.warnings.push({
				line: null,
				column: 'source',
				value: change.source,
				message: m.impmsg_rule_removed({
					count: change.removed.length,
					source: change.source,
					codes: change.removed.join(', ')
				})
			});
		}
	}
}
