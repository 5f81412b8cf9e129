import { eq } from 'drizzle-orm';
import type { AreaTree } from '../../domain/area-tree';
import type { FrameworkTree } from '../../domain/framework-tree';
import { freshness, type Freshness } from '../../domain/freshness';
import { localizedStages, localizedTitle, type FallbackLang } from '../../domain/localized-text';
import type { SeriesPoint } from '../../domain/series';
import type { Actor } from '../actor';
import { today } from '../clock';
import type { Db } from '../db';
import { importBatches, indicators } from '../db/schema';
import { visibleIndicators } from '../indicators/visible';
import { IndicatorFigures } from '../series/figure-groups';
import { indicatorSeries, type ResolvedQuery, type SeriesPayload } from '../series/load-series';
import type { BreakdownCategory, BreakdownPoint } from '../../domain/small-cells';
import { categorySeries } from '../series/breakdown';
import { smallCellThreshold } from '../settings/small-cells';
import { statusMargin } from '../settings/status-margin';
import { currentLocale } from '../i18n/request-locale';

export type IndicatorRow = typeof indicators.$inferSelect;

/** An indicator with its series, as a dashboard panel shows it. */
export interface IndicatorView {
	code: string;
	/** in the reader's language where given (domain/localized-text.ts) */
	title: string;
	/** 'en' when the title is English read by a reader of another language */
	titleLang?: FallbackLang;
	category: IndicatorRow['category'];
	direction: IndicatorRow['direction'];
	measure: IndicatorRow['measure'];
	unit: string | null;
	resultCode: string;
	baselineValue: number | null;
	baselinePeriod: string | null;
	/** A milestone's stage names in the reader's language ('en' when English read in another). */
	stageNames?: string[];
	stagesLang?: FallbackLang;
	series: SeriesPayload;
	/** The last point with an actual value: what "now" means for this indicator. */
	latest: SeriesPoint | null;
	/** The point with an actual before the latest one: the latest change is measured from it. */
	previous: SeriesPoint | null;
	/** Whether figures are late for the indicator's frequency. */
	freshness: Freshness;
	/** The last import that wrote figures of this indicator. */
	lastImport: { fileName: string; importedAt: string } | null;
	/**
	 * Its series per category, when the page breaks figures down by a dimension it has; small
	 * cells of a restricted indicator hidden (pages never show raw ones).
	 */
	breakdown: {
		dimension: string;
		categories: BreakdownCategory<BreakdownPoint>[];
	} | null;
	/** Below how many people a hidden cell is. */
	threshold: number;
}

/** A milestone's stage names as a view carries them; nothing for other measures. */
function stageNamesOf(
	row: IndicatorRow,
	locale: 'en' | 'fr'
): { stageNames?: string[]; stagesLang?: FallbackLang } {
	const stages = localizedStages(row.stages, row.stagesFr, locale);
	if (!stages) return {};
	return stages.lang
		? { stageNames: stages.names, stagesLang: stages.lang }
		: { stageNames: stages.names };
}

/** The latest point that has an actual, and the one with an actual before it. */
export function latestActuals(
	points: readonly SeriesPoint[]
): [SeriesPoint | null, SeriesPoint | null] {
	const found: SeriesPoint[] = [];
	for (let i = points.length - 1; i >= 0 && found.length < 2; i--) {
		if (points[i]!.actual !== null) found.push(points[i]!);
	}
	return [found[0] ?? null, found[1] ?? null];
}

/** Indicators measuring any of the given result nodes, not retired, that the actor may see. */
export function indicatorsOf(db: Db, actor: Actor, resultIds: number[]): IndicatorRow[] {
	const wanted = new Set(resultIds);
	return visibleIndicators(
		actor,
		db.select().from(indicators).where(eq(indicators.retired, false)).all()
	)
		.filter((i) => wanted.has(i.resultId))
		.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
}

export function indicatorViews(
	db: Db,
	rows: IndicatorRow[],
	framework: FrameworkTree,
	tree: AreaTree,
	query: ResolvedQuery,
	dimension: string | null = null
): IndicatorView[] {
	const margin = statusMargin(db);
	const threshold = smallCellThreshold(db);
	const day = today();
	const locale = currentLocale();
	const batches = new Map(
		db
			.select({
				id: importBatches.id,
				fileName: importBatches.fileName,
				importedAt: importBatches.importedAt
			})
			.from(importBatches)
			.all()
			.map((b) => [b.id, b])
	);
	return rows.map((row) => {
		const figures = new IndicatorFigures(db, row, tree, query.areaId);
		const series = indicatorSeries(db, row, tree, query, margin, figures);
		const declared = row.dimensions ? row.dimensions.split(';') : [];
		const breakdown =
			dimension !== null && declared.includes(dimension)
				? categorySeries(row, tree, query, margin, figures, dimension, { threshold, raw: false })
				: null;
		const [latest, previous] = latestActuals(series.points);
		const batch = row.lastBatchId === null ? undefined : batches.get(row.lastBatchId);
		return {
			code: row.code,
			...localizedTitle(row.title, row.titleFr, locale),
			...stageNamesOf(row, locale),
			category: row.category,
			direction: row.direction,
			measure: row.measure,
			unit: row.unit,
			resultCode: framework.get(row.resultId)?.code ?? '',
			baselineValue: row.baselineValue,
			baselinePeriod: row.baselinePeriod,
			series,
			latest,
			previous,
			freshness: freshness(row.frequency, latest?.end ?? null, day),
			lastImport: batch ? { fileName: batch.fileName, importedAt: batch.importedAt } : null,
			breakdown,
			threshold
		};
	});
}
