/**
 * A list's figures written (formats.md §5.3 step 6), rule by rule, in the import's
 * transaction: each figure through the same natural-key upsert as a file of figures
 * (FigureWriter: inserted, updated with the previous version kept for undo, or unchanged),
 * with `source` = the source's name and the number of rows behind it kept beside it, not
 * compared. Then the rule's earlier figures in the covered periods and areas that this list no
 * longer produces are removed — their last version kept in the history, so undoing the import
 * puts them back — and counted as `removed`.
 */
import type { AreaTree } from '../../domain/area-tree';
import type { ListAggregate } from '../../domain/lists/aggregate';
import { coveredPeriods, ruleFigures, type ListFigure } from '../../domain/lists/list-figures';
import { PreviewSample, type FigureStatus, type ListPreview } from '../../domain/lists/preview';
import type { ListRule } from '../../domain/lists/rule';
import type { FigureColumn } from '../../domain/columns';
import {
	areaProblem,
	componentProblem,
	parentsIn,
	writeLimits,
	indicatorSubject
} from '../../domain/planner-scope';
import type { Frequency, Measure } from '../../domain/vocabulary';
import { findPartialOverlaps } from '../imports/kinds/overlaps';
import {
	FigureWriter,
	type CellProblem,
	type FigureValue
} from '../imports/kinds/write-observations';
import { addError } from '../imports/row-reader';
import { can } from '../permissions';
import {
	DimensionSetIds,
	canonicalDimensions,
	loadDimensionSets
} from '../observations/dimension-sets';
import type { ListContext } from './list-sink';

/** The indicator a rule writes, as the writing needs it. */
export interface RuleIndicator {
	id: number;
	code: string;
	title: string;
	measure: Measure;
	frequency: Frequency | null;
	component: string | null;
}

/** A figure the rule wrote before, in the periods this list covers. */
interface HeldFigure {
	id: number;
	periodStart: string;
	periodEnd: string;
	period: string;
	areaId: number | null;
	dimensionSetId: number;
	value: number | null;
}

const keyOf = (start: string, end: string, areaId: number | null, setId: number) =>
	`${start}|${end}|${areaId ?? 0}|${setId}`;

/** The columns a list's figures write and compare; `verification` only when the rule sets it. */
function columnsOf(rule: ListRule): FigureColumn[] {
	const columns: FigureColumn[] = ['value', 'numerator', 'denominator', 'sample_size', 'source'];
	return rule.verification ? [...columns, 'verification'] : columns;
}

function valuesOf(
	columns: readonly FigureColumn[],
	figure: ListFigure,
	rule: ListRule,
	source: string
): FigureValue[] {
	return columns.map((c) => {
		switch (c) {
			case 'value':
				return figure.value;
			case 'numerator':
				return figure.numerator;
			case 'denominator':
				return figure.denominator;
			case 'sample_size':
				return figure.sampleSize;
			case 'source':
				return source;
			case 'verification':
				return rule.verification;
			default:
				return null;
		}
	});
}

export function writeListFigures(
	ctx: ListContext,
	aggregate: ListAggregate,
	targets: ReadonlyMap<string, RuleIndicator>,
	tree: AreaTree
): void {
	const { db, actor, report, batchId, source } = ctx;
	const client = db.$client;
	const dimensionSets = new DimensionSetIds(db);
	const limits = writeLimits(actor);
	const parents = parentsIn(tree);
	const mayVerify = can(actor, 'verify');
	const held = client.prepare(
		`SELECT id, period_start AS periodStart, period_end AS periodEnd, period, area_id AS areaId,
		 dimension_set_id AS dimensionSetId, value FROM observations
		 WHERE indicator_id = ? AND value_type = 'actual' AND period_start >= ? AND period_end <= ?
		 AND lower(source) = lower(?)`
	);
	const storedValue = client.prepare(
		`SELECT value FROM observations WHERE indicator_id = ? AND period_start = ? AND period_end = ?
		 AND area_key = ? AND dimension_set_id = ? AND value_type = 'actual'`
	);
	const storedRow = client.prepare('SELECT * FROM observations WHERE id = ?');
	const remember = client.prepare(
		`INSERT INTO observation_history (observation_id, previous, previous_batch_id, replaced_by_batch_id)
		 VALUES (?, ?, ?, ?)`
	);
	const remove = client.prepare('DELETE FROM observations WHERE id = ?');
	const touched = new Set<number>();
	const written = new Set<number>();
	const preview: ListPreview | undefined = ctx.preview
		? { source: source.name, rules: [] }
		: undefined;

	aggregate.rules.forEach((ruleAggregate, i) => {
		const rule = ruleAggregate.plan.rule;
		const indicator = targets.get(rule.indicatorCode)!;
		touched.add(indicator.id);
		const covered = coveredPeriods(ruleAggregate);
		const before =
			covered.length === 0
				? []
				: (held.all(
						indicator.id,
						covered[0]!.start,
						covered[covered.length - 1]!.end,
						source.name
					) as HeldFigure[]);
		const heldAreas = new Set(before.flatMap((h) => (h.areaId === null ? [] : [h.areaId])));
		const heldByKey = new Map(
			before.map((h) => [keyOf(h.periodStart, h.periodEnd, h.areaId, h.dimensionSetId), h])
		);
		const figures = ruleFigures(ruleAggregate, aggregate.periods, heldAreas);
		report.rules![i]!.figures = figures.length;

		const component =
			limits && componentProblem(limits, indicator.component, indicatorSubject(indicator.code));
		const scopeOf = (areaId: number): CellProblem[] | undefined => {
			if (!limits) return undefined;
			const code = tree.get(areaId)?.code ?? null;
			const problems: CellProblem[] = [];
			if (component)
				problems.push({ column: 'indicator_code', value: indicator.code, message: component });
			const where = areaProblem(limits, code, parents);
			if (where) problems.push({ column: rule.areaColumn, value: code ?? '', message: where });
			return problems.length ? problems : undefined;
		};

		const columns = columnsOf(rule);
		const writer = new FigureWriter(db, report, batchId, columns, mayVerify, ['list_rows']);
		const sample = preview ? new PreviewSample() : null;
		const produced = new Set<string>();
		for (const figure of figures) {
			const setId = dimensionSets.idOf(canonicalDimensions(figure.dimensions));
			writer.recordDimensionSet(indicator.id, setId);
			const key = keyOf(figure.period.start, figure.period.end, figure.areaId, setId);
			produced.add(key);
			const [inserted, updated] = [report.inserted, report.updated];
			writer.write({
				line: figure.line,
				indicatorId: indicator.id,
				period: figure.period,
				areaId: figure.areaId,
				dimensionSetId: setId,
				valueType: 'actual',
				values: valuesOf(columns, figure, rule, source.name),
				kept: [figure.rows],
				refusals: scopeOf(figure.areaId)
			});
			if (!sample) continue;
			const status: FigureStatus =
				report.inserted > inserted ? 'new' : report.updated > updated ? 'changed' : 'unchanged';
			const old =
				status === 'new'
					? null
					: (heldByKey.get(key)?.value ??
						(
							storedValue.get(
								indicator.id,
								figure.period.start,
								figure.period.end,
								figure.areaId,
								setId
							) as { value: number | null } | undefined
						)?.value ??
						null);
			sample.add({
				period: figure.period.label,
				periodStart: figure.period.start,
				area: tree.get(figure.areaId)?.code ?? null,
				dimensions: { ...figure.dimensions },
				status,
				old,
				new: figure.value,
				rows: figure.rows
			});
		}
		writer.finish();
		for (const id of writer.indicatorsWritten) written.add(id);

		// what the rule wrote before within the coverage and no longer produces
		const sets = sample ? loadDimensionSets(db) : null;
		let removedAny = false;
		for (const h of before) {
			if (h.areaId === null) continue;
			if (produced.has(keyOf(h.periodStart, h.periodEnd, h.areaId, h.dimensionSetId))) continue;
			const refusals = scopeOf(h.areaId);
			if (refusals) {
				for (const p of refusals) addError(report, { line: null, ...p });
				continue;
			}
			const {
				id,
				batch_id: previousBatch,
				...previous
			} = storedRow.get(h.id) as Record<string, unknown>;
			remember.run(id, JSON.stringify(previous), previousBatch, batchId);
			remove.run(h.id);
			report.removed!++;
			removedAny = true;
			sample?.add({
				period: h.period,
				periodStart: h.periodStart,
				area: tree.get(h.areaId)?.code ?? null,
				dimensions: sets?.get(h.dimensionSetId) ?? {},
				status: 'removed',
				old: h.value,
				new: null,
				rows: 0
			});
		}
		if (removedAny) written.add(indicator.id);
		if (preview && sample) {
			const { shown, leftOut } = sample.shown();
			preview.rules.push({
				indicator: indicator.code,
				indicatorTitle: indicator.title,
				measure: indicator.measure,
				matched: ruleAggregate.matched,
				figures: figures.length,
				counts: sample.counts,
				coveredFrom: covered[0]?.label ?? null,
				coveredTo: covered[covered.length - 1]?.label ?? null,
				shown,
				leftOut
			});
		}
	});

	const fresh = client.prepare('UPDATE indicators SET last_batch_id = ? WHERE id = ?');
	for (const id of written) fresh.run(batchId, id);
	for (const overlap of findPartialOverlaps(db, batchId, touched)) {
		addError(report, {
			line: overlap.line,
			column: null,
			value: overlap.period,
			message: overlap.message
		});
	}
	if (preview) report.preview = preview;
}
