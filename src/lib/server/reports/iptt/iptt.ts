import {
	componentsOf,
	ipttPeriods,
	matchesIptt,
	percentMet,
	type IpttFilters
} from '../../../domain/iptt';
import type { Status } from '../../../domain/vocabulary';
import type { Actor } from '../../actor';
import { loadAreaTree } from '../../areas/tree';
import type { Db } from '../../db';
import { indicatorsOf, type IndicatorRow } from '../../dashboard/indicator-views';
import { loadReaderFramework } from '../../framework/tree';
import { currentLocale } from '../../i18n/request-locale';
import { localizedStages, localizedTitle, type FallbackLang } from '../../../domain/localized-text';
import { authorize } from '../../permissions';
import { indicatorSeries, resolveQuery, type Resolution } from '../../series/load-series';
import { statusMargin } from '../../settings/status-margin';

export interface IpttQuery extends IpttFilters {
	area?: string | null;
	by?: string | null;
	from?: string | null;
	to?: string | null;
}

export interface IpttCell {
	target: number | null;
	actual: number | null;
	percentMet: number | null;
	status: Status;
}

export interface IpttRow {
	objective: string;
	code: string;
	/** in the reader's language where given (domain/localized-text.ts) */
	title: string;
	titleLang?: FallbackLang;
	category: IndicatorRow['category'];
	tier: IndicatorRow['tier'];
	component: string | null;
	direction: IndicatorRow['direction'];
	measure: IndicatorRow['measure'];
	unit: string | null;
	/** A milestone's stage names in the reader's language: its cells name the stages. */
	stageNames?: string[];
	baselineValue: number | null;
	baselinePeriod: string | null;
	/** One cell per period of the table, in order; null where the series has no such period. */
	cells: (IpttCell | null)[];
}

export interface Iptt {
	by: string;
	area: string | null;
	periods: string[];
	rows: IpttRow[];
	/** What the filters can take, for the filter form. */
	choices: {
		objectives: { code: string; title: string; titleLang?: FallbackLang }[];
		components: string[];
	};
}

/** By year unless asked otherwise: the table is read across, and months make it too wide. */
const DEFAULT_BY = 'year';

/**
 * The IPTT: every indicator in force matching the filters, with target, actual, % met and
 * status per period — each figure from the same series rules as the dashboards and the API.
 */
export function loadIptt(db: Db, actor: Actor, query: IpttQuery): Resolution<{ iptt: Iptt }> {
	authorize(actor, 'read');
	const tree = loadAreaTree(db);
	const resolved = resolveQuery(tree, { ...query, by: query.by || DEFAULT_BY });
	if (!resolved.ok) return resolved;
	const locale = currentLocale();
	const framework = loadReaderFramework(db, actor, locale).withoutRetired();
	const objectives = framework.objectives();
	const inForce = indicatorsOf(
		db,
		actor,
		objectives.flatMap((o) => framework.descendantIds(o.id))
	);
	const margin = statusMargin(db);
	const kept = inForce
		.map((row) => ({ row, objective: framework.objectiveOf(row.resultId)?.code ?? '' }))
		.filter(({ row, objective }) =>
			matchesIptt(
				{ objective, category: row.category, tier: row.tier, component: row.component },
				query
			)
		);
	const series = kept.map(({ row }) => indicatorSeries(db, row, tree, resolved.query, margin));
	const periods = ipttPeriods(series.map((s) => s.points));
	const rows = kept.map(({ row, objective }, i): IpttRow => {
		const byPeriod = new Map(series[i]!.points.map((p) => [p.period, p]));
		const stages = localizedStages(row.stages, row.stagesFr, locale);
		return {
			objective,
			code: row.code,
			...localizedTitle(row.title, row.titleFr, locale),
			category: row.category,
			tier: row.tier,
			component: row.component,
			direction: row.direction,
			measure: row.measure,
			unit: row.unit,
			...(stages ? { stageNames: stages.names } : {}),
			baselineValue: row.baselineValue,
			baselinePeriod: row.baselinePeriod,
			cells: periods.map((period) => {
				const p = byPeriod.get(period);
				if (!p) return null;
				return {
					target: p.target,
					actual: p.actual,
					// a stage is met or not: a share of a target stage's position means nothing
					percentMet:
						row.measure === 'milestone' ? null : percentMet(p.actual, p.target, row.direction),
					status: p.status
				};
			})
		};
	});
	const components = [...new Set(inForce.flatMap((r) => componentsOf(r.component)))].sort();
	return {
		ok: true,
		iptt: {
			by: resolved.query.by ?? DEFAULT_BY,
			area: query.area?.trim() || null,
			periods,
			rows,
			choices: {
				objectives: objectives.map((o) => ({
					code: o.code,
					title: o.title,
					...(o.titleLang ? { titleLang: o.titleLang } : {})
				})),
				components
			}
		}
	};
}
