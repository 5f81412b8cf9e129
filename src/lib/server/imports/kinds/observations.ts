import { m } from '../../../paraglide/messages.js';
import { eq } from 'drizzle-orm';
import { FIGURE_COLUMNS, OBSERVATION_COLUMNS } from '../../../domain/columns';
import { parsePeriod, type Period, type PeriodResult } from '../../../domain/period';
import { didYouMean } from '../../../domain/suggest';
import { VALUE_TYPES, VERIFICATIONS, type Measure } from '../../../domain/vocabulary';
import {
	areaProblem,
	componentProblem,
	parentsIn,
	writeLimits,
	indicatorSubject
} from '../../../domain/planner-scope';
import type { Actor } from '../../actor';
import { loadAreaTree } from '../../areas/tree';
import type { Db } from '../../db';
import { indicators } from '../../db/schema';
import { can } from '../../permissions';
import { parseNumber } from '../numbers';
import type { CsvRecord, TableHeader } from '../read-table';
import type { FileReport } from '../report';
import { RowReader, addError, numberRefusal } from '../row-reader';
import { DimensionSetIds, canonicalDimensions } from '../../observations/dimension-sets';
import { DimensionCategories } from './dimension-categories';
import { splitStages, stagePosition } from '../../../domain/milestones';
import { stageList } from './stages';
import { requireColumns, warnUnknownColumns } from './context';
import { findPartialOverlaps } from './overlaps';
import { FigureWriter, type CellProblem, type ObservationDraft } from './write-observations';

interface IndicatorInfo {
	id: number;
	code: string;
	measure: Measure;
	dimensions: string[];
	component: string | null;
	/** A milestone's stages (English, French): its figures give one of them. */
	stages: string[];
	stagesFr: string[];
}

export interface ObservationContext {
	db: Db;
	actor: Actor;
	table: TableHeader;
	report: FileReport;
	batchId: number;
	/** every line must be a target (see ImportOptions.targetsOnly) */
	targetsOnly: boolean;
}

/** Receives a file's records one by one; `finish` runs the checks that need the whole file. */
export interface RowSink {
	record(record: CsvRecord): void;
	finish(): void;
}

/** A period column of a wide file: its header as written, its cell key, and its period. */
interface PeriodColumn {
	raw: string;
	key: string;
	position: number;
	period: Period;
}

/**
 * Imports figures, long form (formats.md §1.4) or wide form (§1.6), streaming: each record is
 * validated and written as it arrives, so the file is never held in memory. Returns null when
 * the header alone refuses the file.
 */
export function observationSink(ctx: ObservationContext): RowSink | null {
	const { db, actor, table, report, batchId } = ctx;
	const periodColumns: PeriodColumn[] = table.rawHeaders.flatMap((raw, i) => {
		const parsed = raw === '' ? null : parsePeriod(raw);
		return parsed?.ok ? [{ raw, key: table.headers[i]!, position: i, period: parsed.period }] : [];
	});
	const wide = periodColumns.length > 0;
	if (!requireColumns(ctx, wide ? ['indicator_code'] : ['indicator_code', 'period'])) return null;
	if (!wide && !['value', 'numerator'].some((c) => table.headers.includes(c))) {
		addError(report, {
			line: 1,
			column: 'value',
			value: null,
			message: m.impmsg_value_column_missing()
		});
		return null;
	}
	if (wide && ctx.targetsOnly) {
		addError(report, {
			line: 1,
			column: periodColumns[0]!.raw,
			value: periodColumns[0]!.raw,
			message: m.impmsg_targets_long_form()
		});
		return null;
	}

	const known = new Map<string, IndicatorInfo>(
		db
			.select({
				id: indicators.id,
				code: indicators.code,
				measure: indicators.measure,
				dimensions: indicators.dimensions,
				component: indicators.component,
				stages: indicators.stages,
				stagesFr: indicators.stagesFr
			})
			.from(indicators)
			.where(eq(indicators.retired, false))
			.all()
			.map((i) => [
				i.code,
				{
					...i,
					dimensions: i.dimensions ? i.dimensions.split(';') : [],
					stages: splitStages(i.stages),
					stagesFr: splitStages(i.stagesFr)
				}
			])
	);
	const declaredAnywhere = new Set([...known.values()].flatMap((i) => i.dimensions));
	const fixed = new Set<string>(wide ? ['indicator_code', 'area_code'] : OBSERVATION_COLUMNS);
	// sorted, so the canonical dimension key can be built in one pass
	const dimensionColumns = table.headers
		.filter((h) => h !== '' && !fixed.has(h) && declaredAnywhere.has(h))
		.sort();
	const dimensionKeys = new Map<string, string>();
	warnUnknownColumns(
		ctx,
		new Set([...fixed, ...dimensionColumns, ...periodColumns.map((p) => p.key)])
	);

	const tree = loadAreaTree(db);
	const limits = writeLimits(actor);
	const parents = parentsIn(tree);
	const categories = new DimensionCategories(db, report, batchId);
	// The figure columns the file has; the others keep their stored values.
	const columns = wide
		? (['value'] as const)
		: FIGURE_COLUMNS.filter((c) => table.headers.includes(c));
	const writer = new FigureWriter(db, report, batchId, columns, can(actor, 'verify'));
	const dimensionSets = new DimensionSetIds(db);
	// Files repeat the same indicator, area and categories on many lines: resolve them once.
	type Resolved = ReturnType<typeof resolveKey>;
	type KeyTrie = Map<string, KeyTrie | Resolved>;
	const resolvedKeys: KeyTrie = new Map();
	const keyPositions = ['indicator_code', 'area_code', ...dimensionColumns].map((c) =>
		table.index.get(c)
	);

	const periods = new Map<string, PeriodResult>();
	const populations = new Map<string, number | null>();

	function cachedPeriod(text: string): PeriodResult {
		let parsed = periods.get(text);
		if (!parsed) periods.set(text, (parsed = parsePeriod(text)));
		return parsed;
	}

	function populationFor(areaId: number | null, period: Period): number | null {
		const year = Number(period.start.slice(0, 4));
		const key = `${areaId ?? 0}:${year}`;
		if (!populations.has(key)) populations.set(key, tree.populationOf(areaId, year));
		return populations.get(key)!;
	}

	/** The parts every figure of a record shares: indicator, area and dimension values. */
	function readKey(r: RowReader) {
		// a trie over the cells, so no key string is built per row
		const values = r.record.values;
		let node = resolvedKeys;
		for (const position of keyPositions) {
			const part = position === undefined ? '' : values[position]!;
			let next = node.get(part) as KeyTrie | undefined;
			if (!next) node.set(part, (next = new Map()));
			node = next;
		}
		const cached = node.get(RESOLVED) as Resolved | undefined;
		if (cached) return cached;
		const errorsBefore = report.errorCount ?? 0;
		const resolved = resolveKey(r);
		if ((report.errorCount ?? 0) === errorsBefore && resolved.indicator)
			node.set(RESOLVED, resolved);
		return resolved;
	}

	function resolveKey(r: RowReader) {
		const code = r.required('indicator_code');
		const indicator = code ? known.get(code) : undefined;
		if (code && !indicator) {
			r.error(
				'indicator_code',
				code,
				m.impmsg_unknown_indicator({ code, hint: didYouMean(code, known.keys()) })
			);
		}
		const areaCode = r.text('area_code') ?? null;
		const area = areaCode ? tree.byCodeOf(areaCode) : undefined;
		if (areaCode && !area) {
			r.error(
				'area_code',
				areaCode,
				m.impmsg_unknown_area({
					code: areaCode,
					hint: didYouMean(
						areaCode,
						tree.all().map((a) => a.code)
					)
				})
			);
		}
		const dimensions: Record<string, string> = {};
		let signature = '';
		for (const column of dimensionColumns) {
			const category = r.text(column);
			if (!category) continue;
			if (indicator && !indicator.dimensions.includes(column)) {
				r.error(
					column,
					category,
					indicator.dimensions.length
						? m.impmsg_no_such_dimension_listed({
								code: indicator.code,
								dimension: column,
								dimensions: indicator.dimensions.join(', ')
							})
						: m.impmsg_no_such_dimension({ code: indicator.code, dimension: column })
				);
				continue;
			}
			if (categories.check(r, column, category)) {
				dimensions[column] = category;
				signature += `${column}\u0000${category}\u0001`;
			}
		}
		let key = dimensionKeys.get(signature);
		if (key === undefined) dimensionKeys.set(signature, (key = canonicalDimensions(dimensions)));
		const dimensionSetId = dimensionSets.idOf(key);
		if (indicator) writer.recordDimensionSet(indicator.id, dimensionSetId);
		return { indicator, area, areaCode, dimensionSetId, refusals: outOfScope(indicator, area) };
	}

	/**
	 * Why a planner may not write figures of this indicator and area (their scope); the writer
	 * refuses such a line only when it would change something, so an export imported back
	 * stays fine.
	 */
	function outOfScope(
		indicator: IndicatorInfo | undefined,
		area: { code: string } | undefined
	): CellProblem[] | undefined {
		if (!limits || !indicator) return undefined;
		const problems: CellProblem[] = [];
		const component = componentProblem(
			limits,
			indicator.component,
			indicatorSubject(indicator.code)
		);
		if (component) {
			problems.push({ column: 'indicator_code', value: indicator.code, message: component });
		}
		const where = areaProblem(limits, area?.code ?? null, parents);
		if (where) problems.push({ column: 'area_code', value: area?.code ?? '', message: where });
		return problems.length > 0 ? problems : undefined;
	}

	/** A rate per 100,000 without a denominator needs the area's population. */
	function hasPopulation(r: RowReader, d: ObservationDraft, areaCode: string | null): boolean {
		if (populationFor(d.areaId, d.period) !== null) return true;
		r.error(
			'area_code',
			areaCode ?? '',
			areaCode
				? m.impmsg_no_population_area({ area: areaCode, period: d.period.label })
				: m.impmsg_no_population_mission({ period: d.period.label })
		);
		return false;
	}

	function longRecord(r: RowReader): void {
		const errorsBefore = report.errorCount ?? 0;
		const { indicator, area, areaCode, dimensionSetId, refusals } = readKey(r);
		let period: Period | null = null;
		const periodText = r.text('period');
		if (!periodText) r.error('period', '', m.impmsg_cell_required({ column: 'period' }));
		else {
			const parsed = cachedPeriod(periodText);
			if (parsed.ok) period = parsed.period;
			else r.error('period', periodText, parsed.message);
		}
		const valueType = r.oneOf('value_type', VALUE_TYPES) ?? 'actual';
		if (ctx.targetsOnly && valueType !== 'target') {
			r.error('value_type', r.text('value_type') ?? '', m.impmsg_only_targets());
		}
		const measure = indicator?.measure;
		const values = {
			value:
				measure === 'milestone'
					? readStage(r, 'value', indicator!)
					: r.number('value', { percent: measure === 'percent' }),
			verification: r.oneOf('verification', VERIFICATIONS),
			// an average's total may be below zero when its items' numbers may (its value may too)
			numerator: r.number('numerator', measure === 'average' ? {} : { min: 0 }),
			denominator: r.number('denominator', { min: 0 }),
			sample_size: r.number('sample_size', { min: 0 }),
			ci_low: r.number('ci_low'),
			ci_high: r.number('ci_high'),
			source: r.text('source'),
			comment: r.text('comment')
		};
		if (measure === 'milestone') checkMilestone(r, indicator!, values);
		else if (measure) checkFigure(r, measure, values);
		if ((report.errorCount ?? 0) > errorsBefore || !indicator || !period) return;
		const draft: ObservationDraft = {
			line: r.line,
			indicatorId: indicator.id,
			period,
			areaId: area?.id ?? null,
			dimensionSetId,
			valueType,
			values: columns.map((c) => values[c] ?? null),
			refusals
		};
		if (
			measure === 'per_100k' &&
			values.denominator == null &&
			!hasPopulation(r, draft, areaCode)
		) {
			return;
		}
		writer.write(draft);
	}

	function wideRecord(r: RowReader): void {
		const errorsBefore = report.errorCount ?? 0;
		const { indicator, area, areaCode, dimensionSetId, refusals } = readKey(r);
		if ((report.errorCount ?? 0) > errorsBefore || !indicator) return;
		for (const column of periodColumns) {
			const text = r.record.values[column.position];
			if (!text) continue;
			if (indicator.measure === 'milestone') {
				const position = stagePosition(text, indicator.stages, indicator.stagesFr);
				if (position === null) {
					r.error(column.raw, text, notAStage(text, indicator));
					continue;
				}
				writer.write({
					line: r.line,
					indicatorId: indicator.id,
					period: column.period,
					areaId: area?.id ?? null,
					dimensionSetId,
					valueType: 'actual',
					values: [position],
					cellColumn: column.raw,
					refusals
				});
				continue;
			}
			const parsed = parseNumber(text, table.delimiter, indicator.measure === 'percent');
			if (!parsed.ok) {
				r.error(column.raw, text, numberRefusal(text, parsed.message));
				continue;
			}
			const problem = figureProblem(indicator.measure, parsed.value);
			if (problem) {
				r.error(column.raw, text, problem);
				continue;
			}
			const draft: ObservationDraft = {
				line: r.line,
				indicatorId: indicator.id,
				period: column.period,
				areaId: area?.id ?? null,
				dimensionSetId,
				valueType: 'actual',
				values: [parsed.value],
				cellColumn: column.raw,
				refusals
			};
			if (indicator.measure === 'per_100k' && !hasPopulation(r, draft, areaCode)) continue;
			writer.write(draft);
		}
	}

	let reader: RowReader | undefined;
	return {
		record(record) {
			report.rows++;
			const r = (reader ??= new RowReader(record, report, table)).next(record);
			if (wide) wideRecord(r);
			else longRecord(r);
		},
		finish() {
			writer.finish();
			const fresh = db.$client.prepare('UPDATE indicators SET last_batch_id = ? WHERE id = ?');
			for (const id of writer.indicatorsWritten) fresh.run(batchId, id);
			for (const overlap of findPartialOverlaps(db, batchId, writer.indicatorsTouched)) {
				addError(report, {
					line: overlap.line,
					column: wide ? overlap.period : 'period',
					value: overlap.period,
					message: overlap.message
				});
			}
		}
	};
}

// A key no cell can have (cells are trimmed text; files with NUL are refused), kept as a string
// because a symbol among string keys slows every lookup of the map.
const RESOLVED = '\u0000resolved';

/** What is wrong with a single value of a measure, or null. */
function figureProblem(measure: Measure, value: number): string | null {
	if (measure === 'count' && value < 0) return m.impmsg_count_negative();
	if (measure === 'percent' && (value < 0 || value > 100)) {
		return m.impmsg_percent_range();
	}
	if (measure === 'per_100k' && value < 0) return m.impmsg_rate_negative();
	return null;
}

function notAStage(value: string, indicator: IndicatorInfo): string {
	return m.ms_value_not_stage({
		value,
		code: indicator.code,
		stages: stageList(indicator.stages),
		count: String(indicator.stages.length)
	});
}

/** A milestone figure's value names the stage reached, or gives its position; stored as the position. */
function readStage(
	r: RowReader,
	column: string,
	indicator: IndicatorInfo
): number | null | undefined {
	const value = r.text(column);
	if (value == null) return value;
	const position = stagePosition(value, indicator.stages, indicator.stagesFr);
	if (position === null) r.error(column, value, notAStage(value, indicator));
	return position;
}

/** A milestone figure is the stage reached, nothing else: no pair, no sample. */
function checkMilestone(
	r: RowReader,
	indicator: IndicatorInfo,
	f: {
		value: number | null | undefined;
		numerator: number | null | undefined;
		denominator: number | null | undefined;
		sample_size: number | null | undefined;
	}
): void {
	for (const column of ['numerator', 'denominator', 'sample_size'] as const) {
		const text = r.text(column);
		if (text) {
			r.error(column, text, m.ms_column_not_for_milestone({ column, code: indicator.code }));
		}
	}
	if (f.value == null && r.text('value') == null) {
		r.error('value', '', m.ms_value_required({ stages: stageList(indicator.stages) }));
	}
}

/** The measure's own rules on one long-form figure (formats.md §1.4). */
function checkFigure(
	r: RowReader,
	measure: Measure,
	f: {
		value: number | null | undefined;
		numerator: number | null | undefined;
		denominator: number | null | undefined;
		sample_size: number | null | undefined;
	}
): void {
	if (f.value == null && f.numerator == null) {
		// items without their total: the missing half of the pair is the mistake to name
		if (measure === 'average' && f.denominator != null) return checkAverage(r, f);
		// a cell that failed to parse has already been reported
		if (r.text('value') == null && r.text('numerator') == null) {
			r.error(
				'value',
				'',
				measure === 'count' || measure === 'number'
					? m.impmsg_cell_required({ column: 'value' })
					: m.impmsg_value_or_numerator_required()
			);
		}
		return;
	}
	if ((measure === 'count' || measure === 'number') && f.value == null) {
		r.error('value', '', m.impmsg_value_required_for({ measure }));
		return;
	}
	if (f.value != null) {
		const problem = figureProblem(measure, f.value);
		if (problem) r.error('value', r.text('value') ?? '', problem);
	}
	if (measure === 'percent') {
		if ((f.numerator == null) !== (f.denominator == null)) {
			r.error(f.numerator == null ? 'numerator' : 'denominator', '', m.impmsg_percent_pair());
		} else if (f.numerator != null && f.denominator != null) {
			if (f.denominator === 0) r.error('denominator', '0', m.impmsg_denominator_zero());
			else if (f.numerator > f.denominator) {
				r.error('numerator', r.text('numerator') ?? '', m.impmsg_numerator_over_denominator());
			}
		}
	}
	if (measure === 'per_100k' && f.denominator === 0) {
		r.error('denominator', '0', m.impmsg_population_zero());
	}
	if (measure === 'average') checkAverage(r, f);
}

/**
 * An average travels as (total, items): `numerator` and `denominator` together, or a value
 * whose `sample_size` is its number of items (formats.md §1.4, §1.5). Items are what the mean
 * is weighted by, so there must be some.
 */
function checkAverage(
	r: RowReader,
	f: {
		numerator: number | null | undefined;
		denominator: number | null | undefined;
		sample_size: number | null | undefined;
	}
): void {
	if ((f.numerator == null) !== (f.denominator == null)) {
		// a cell that failed to parse has already been reported
		const missing = f.numerator == null ? 'numerator' : 'denominator';
		if (r.text(missing) == null) {
			r.error(missing, '', m.impmsg_average_pair());
		}
	} else if (f.denominator === 0) {
		r.error('denominator', r.text('denominator') ?? '0', m.impmsg_average_items_zero());
	}
	if (f.sample_size === 0) {
		r.error('sample_size', r.text('sample_size') ?? '0', m.impmsg_average_sample_zero());
	}
}
