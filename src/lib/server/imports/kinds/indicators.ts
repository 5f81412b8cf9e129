import { m } from '../../../paraglide/messages.js';
import { eq } from 'drizzle-orm';
import { indicators, results } from '../../db/schema';
import { parsePeriod } from '../../../domain/period';
import { componentProblem, indicatorSubject, writeLimits } from '../../../domain/planner-scope';
import { didYouMean } from '../../../domain/suggest';
import {
	AGGREGATIONS,
	CATEGORIES,
	DIRECTIONS,
	FREQUENCIES,
	MEASURES,
	SENSITIVITIES,
	TIERS,
	defaultAggregation
} from '../../../domain/vocabulary';
import { normaliseHeader } from '../read-table';
import { isPersonalDataHeader } from '../personal-data';
import { RowReader } from '../row-reader';
import {
	conflictingRows,
	requireColumns,
	unchangedBy,
	warnUnknownColumns,
	type KindImport
} from './context';
import {
	CONTRACT_COLUMNS,
	INDICATOR_COLUMNS,
	INDICATOR_FRENCH_COLUMNS,
	INDICATOR_STAGE_COLUMNS
} from '../../../domain/columns';
import { readStages, storedStages } from './stages';

const REQUIRED = [
	'indicator_code',
	'indicator_title',
	'result_code',
	'category',
	'direction',
	'measure'
];
/** Optional free-text columns and the field each fills. */
const TEXT_FIELDS = {
	unit: 'unit',
	data_source: 'dataSource',
	component: 'component',
	definition: 'definition',
	dpo_code: 'dpoCode',
	// French texts, the project's extension (docs/formats.md "Beyond the contract")
	indicator_title_fr: 'titleFr',
	definition_fr: 'definitionFr'
} as const;

/** Reads the `dimensions` cell; a dimension may not collide with a contract column (§1.3). */
function readDimensions(r: RowReader): string | null | undefined {
	const raw = r.text('dimensions');
	if (raw == null) return raw === null ? '' : undefined;
	const parts = raw
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d !== '');
	const names = parts.map(normaliseHeader);
	for (const [i, name] of names.entries()) {
		// a period is recognised as written ("2024-Q1"), before normalisation turns it into 2024_q1
		const dimension = parts[i]!;
		const why = CONTRACT_COLUMNS.has(name)
			? m.impmsg_dimension_contract_column({ dimension })
			: isPersonalDataHeader(name)
				? m.impmsg_dimension_personal_data({ dimension })
				: parsePeriod(dimension).ok || parsePeriod(name).ok
					? m.impmsg_dimension_period({ dimension })
					: null;
		if (why) {
			r.error('dimensions', raw, why);
			return null;
		}
	}
	if (new Set(names).size !== names.length) {
		r.error('dimensions', raw, m.impmsg_dimension_twice());
		return null;
	}
	return names.join(';');
}

/** Imports indicator definitions (formats.md §1.3). */
export function importIndicators(ctx: KindImport): void {
	const { db, report, batchId } = ctx;
	if (!requireColumns(ctx, REQUIRED)) return;
	warnUnknownColumns(
		ctx,
		new Set<string>([
			...INDICATOR_COLUMNS,
			'dpo_code',
			...INDICATOR_FRENCH_COLUMNS,
			...INDICATOR_STAGE_COLUMNS
		])
	);

	const resultIds = new Map(
		db
			.select({ id: results.id, code: results.code })
			.from(results)
			.all()
			.map((n) => [n.code, n.id])
	);
	const stored = new Map(
		db
			.select()
			.from(indicators)
			.all()
			.map((i) => [i.code, i])
	);
	const seen = new Map<string, { line: number; cells: string }>();
	const reportedLines = new Set<number>();
	const limits = writeLimits(ctx.actor);

	for (const record of ctx.table.records) {
		report.rows++;
		const r = new RowReader(record, report, ctx.table);
		const errorsBefore = report.errorCount ?? 0;
		const code = r.required('indicator_code');
		const title = r.required('indicator_title');
		const resultCode = r.required('result_code');
		const category = r.oneOf('category', CATEGORIES);
		const direction = r.oneOf('direction', DIRECTIONS);
		const measure = r.oneOf('measure', MEASURES);
		for (const column of ['category', 'direction', 'measure']) {
			if (r.text(column) === null) r.error(column, '', m.impmsg_cell_required({ column }));
		}
		const aggregation = r.oneOf('aggregation', AGGREGATIONS);
		const frequency = r.oneOf('frequency', FREQUENCIES);
		const tier = r.oneOf('tier', TIERS);
		const sensitivity = r.oneOf('sensitivity', SENSITIVITIES);
		const dimensions = readDimensions(r);
		const before = code ? stored.get(code) : undefined;
		const stages = readStages(r, {
			code: code ?? '',
			measure,
			direction,
			stored: before && storedStages(db, before)
		});
		const baselineValue =
			measure === 'milestone' && stages
				? stages.baseline('baseline_value')
				: r.number('baseline_value', { percent: measure === 'percent' });
		const baselinePeriod = r.period('baseline_period');
		const resultId = resultCode ? resultIds.get(resultCode) : undefined;
		if (resultCode && resultId === undefined) {
			r.error(
				'result_code',
				resultCode,
				m.impmsg_indicator_unknown_result({
					code: resultCode,
					hint: didYouMean(resultCode, resultIds.keys())
				})
			);
		}
		if ((report.errorCount ?? 0) > errorsBefore || !code || !title || !measure) continue;
		if (!category || !direction || resultId === undefined) continue;

		const earlier = seen.get(code);
		const cells = JSON.stringify(record.values);
		if (earlier) {
			if (earlier.cells !== cells) {
				conflictingRows(
					report,
					reportedLines,
					indicatorSubject(code),
					{ line: r.line, column: 'indicator_code', value: code },
					{ line: earlier.line, value: code }
				);
			}
			continue;
		}
		seen.set(code, { line: r.line, cells });

		const next: Partial<typeof indicators.$inferInsert> = {
			title,
			resultId,
			category,
			direction,
			measure
		};
		// Absent optional columns keep what is stored; blank cells clear (formats.md §1.5).
		if (aggregation !== undefined || !before) {
			next.aggregation = aggregation ?? defaultAggregation(measure);
		}
		if (frequency !== undefined) next.frequency = frequency;
		if (tier !== undefined) next.tier = tier;
		if (sensitivity !== undefined) next.sensitivity = sensitivity ?? 'internal';
		if (dimensions !== undefined) next.dimensions = dimensions ?? '';
		if (baselineValue !== undefined) next.baselineValue = baselineValue;
		if (stages?.stages !== undefined) next.stages = stages.stages;
		if (stages?.stagesFr !== undefined) next.stagesFr = stages.stagesFr;
		if (baselinePeriod !== undefined) next.baselinePeriod = baselinePeriod?.label ?? null;
		for (const [column, field] of Object.entries(TEXT_FIELDS)) {
			const value = r.text(column);
			if (value !== undefined) next[field] = value;
		}

		const unchanged = before !== undefined && unchangedBy(before, next);
		// A planner limited to components writes only their indicators, as stored and as the
		// file leaves them; a row that changes nothing is fine (an export imported back).
		if (limits && !unchanged) {
			const was = before && componentProblem(limits, before.component, indicatorSubject(code));
			const component = next.component !== undefined ? next.component : before?.component;
			const will = !was && componentProblem(limits, component, indicatorSubject(code));
			if (was) r.error('indicator_code', code, was);
			else if (will) r.error('component', component ?? '', will);
			if (was || will) continue;
		}

		if (!before) {
			db.insert(indicators)
				.values({ code, ...next, batchId } as typeof indicators.$inferInsert)
				.run();
			report.inserted++;
		} else if (unchanged) {
			report.unchanged++;
		} else {
			db.update(indicators)
				.set({ ...next, batchId })
				.where(eq(indicators.id, before.id))
				.run();
			report.updated++;
		}
	}
	// Written row by row above; a refused file is rolled back whole by the caller.
}
