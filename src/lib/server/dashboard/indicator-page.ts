import {
	localizedIndicator,
	type FallbackLang,
	type IndicatorTextLangs
} from '../../domain/localized-text';
import type { ResultLevel } from '../../domain/vocabulary';
import { rawFiguresFor, suppressesSmallCells } from '../../domain/small-cells';
import type { Actor } from '../actor';
import { listAreas, type AreaOption } from '../areas/list';
import { listCaveats, type Caveat } from '../caveats/caveats';
import type { Db } from '../db';
import { loadReaderFramework } from '../framework/tree';
import { findIndicator } from '../indicators/list';
import { listFigureProvenance, type FigureProvenance } from '../observations/provenance';
import {
	loadSeries,
	type Resolution,
	type SeriesPayload,
	type SeriesQuery
} from '../series/load-series';
import { currentLocale } from '../i18n/request-locale';
import { statusMargin } from '../settings/status-margin';
import type { IndicatorRow } from './indicator-views';
import { loadIndicatorDetail, type IndicatorDetail } from './indicator-detail';
import { m } from '../../paraglide/messages.js';

/** Everything the indicator page shows (one indicator; an objective page's panel is lighter). */
export interface IndicatorPageView {
	/** title and definition in the reader's language where given (domain/localized-text.ts) */
	indicator: IndicatorRow & IndicatorTextLangs;
	/** Where it sits in the framework: its result and that result's objective. */
	result: { code: string; title: string; titleLang?: FallbackLang; level: ResultLevel } | null;
	objective: { code: string; title: string; titleLang?: FallbackLang } | null;
	series: SeriesPayload;
	/** The tolerance around targets the statuses were computed with. */
	margin: number;
	/** Its caveats for the area shown, drawn on the chart and listed under it. */
	caveats: Caveat[];
	/** A cleared reader may download a restricted indicator's breakdown with its small cells. */
	canAskRawFigures: boolean;
	/** The breakdown, the areas below and the survey intervals. */
	detail: IndicatorDetail;
	/** The stored figures behind the chart, the latest first, and how many there are. */
	figures: FigureProvenance[];
	figuresTotal: number;
	/** The areas to filter by. */
	areas: AreaOption[];
}

/**
 * The indicator page, computed by the same capabilities as the API, the exports and the
 * command line: its series, breakdown, caveats and the figures behind them. An indicator the
 * reader may not see is unknown, before the query is looked at.
 */
export function loadIndicatorView(
	db: Db,
	actor: Actor,
	code: string,
	query: SeriesQuery,
	dimension: string | null
): Resolution<{ view: IndicatorPageView }> {
	const indicator = findIndicator(db, actor, code);
	if (!indicator)
		return { ok: false, problem: 'not_found', message: m.dash_unknown_indicator({ code }) };
	const series = loadSeries(db, actor, code, query);
	if (!series.ok) return series;
	const figures = listFigureProvenance(db, actor, code, query);
	if (!figures.ok) return figures;
	const detail = loadIndicatorDetail(db, actor, code, query, dimension);
	if (!detail.ok) return detail;
	const locale = currentLocale();
	const framework = loadReaderFramework(db, actor, locale);
	const result = framework.get(indicator.resultId);
	const objective = framework.objectiveOf(indicator.resultId);
	const titled = (n: { code: string; title: string; titleLang?: FallbackLang }) => ({
		code: n.code,
		title: n.title,
		...(n.titleLang ? { titleLang: n.titleLang } : {})
	});
	return {
		ok: true,
		view: {
			indicator: localizedIndicator(indicator, locale),
			result: result ? { ...titled(result), level: result.level } : null,
			objective: objective ? titled(objective) : null,
			series: series.series,
			margin: statusMargin(db),
			caveats: listCaveats(db, actor, code, series.series.area),
			canAskRawFigures: suppressesSmallCells(indicator.sensitivity) && rawFiguresFor(actor, true),
			detail: detail.detail,
			figures: figures.figures,
			figuresTotal: figures.total,
			areas: listAreas(db, actor)
		}
	};
}
