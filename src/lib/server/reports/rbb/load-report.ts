import { parseBudgetYear, type BudgetYear } from '../../../domain/budget-year';
import type { ResultNode } from '../../../domain/framework-tree';
import {
	shapeRbbReport,
	type RbbFigures,
	type RbbIndicatorInfo,
	type RbbReport
} from '../../../domain/rbb-report';
import type { Locale } from '../../../i18n/locales';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { indicators } from '../../db/schema';
import { localizedStages, localizedText } from '../../../domain/localized-text';
import { loadReaderFramework } from '../../framework/tree';
import { currentLocale } from '../../i18n/request-locale';
import { m } from '../../../paraglide/messages.js';
import { visibleIndicators } from '../../indicators/visible';
import { authorize } from '../../permissions';
import type { Resolution } from '../../series/load-series';
import { statusMargin } from '../../settings/status-margin';
import { currentFigures, issuedFigures } from './figures';
import { findRbbReport } from './report-row';
import { loadRbbTexts } from './texts';
import { changedParts, currentParts, frozenParts } from './frozen-parts';
import { reportPlans } from './output-plans';
import { storedResourceLines } from './resources';
import { resourceTable } from '../../../domain/resources';
import { figureRange, hasFigures } from './year-figures';

export type RbbOutcome = Resolution<{ report: RbbReport; reportId: number | null }>;

/**
 * A budget year as written by a user, checked: bad_request when it is not a budget year,
 * not_found when no figure falls in it and no report was made for it.
 */
export function resolveBudgetYear(db: Db, written: string): Resolution<{ year: BudgetYear }> {
	const parsed = parseBudgetYear(written);
	if (!parsed.ok) return { ok: false, problem: 'bad_request', message: parsed.message };
	const { year } = parsed;
	const range = figureRange(db);
	if (!hasFigures(range, year) && !findRbbReport(db, year.label)) {
		return {
			ok: false,
			problem: 'not_found',
			message: range
				? m.rep_rbb_no_figures_in_year({ year: year.label, start: range.start, end: range.end })
				: m.rep_rbb_no_figures_yet({ year: year.label })
		};
	}
	return { ok: true, year };
}

/**
 * The language a report is written in: an issued report keeps the one it was issued in,
 * whatever is asked; otherwise the one asked for (a download's `lang=`, the page's choice),
 * else the draft's, else the reader's.
 */
export function rbbLocale(
	stored: { status: 'draft' | 'issued'; locale: Locale } | undefined,
	asked?: Locale | null
): Locale {
	if (stored?.status === 'issued') return stored.locale;
	return asked ?? stored?.locale ?? currentLocale();
}

/**
 * The RBB report of a budget year: a draft (or a year not started) with today's figures, an
 * issued report with the figures it was issued with and what has changed since; in its
 * language (`rbbLocale`).
 */
export function loadRbbReport(
	db: Db,
	actor: Actor,
	written: string,
	asked?: Locale | null
): RbbOutcome {
	authorize(actor, 'read');
	const resolved = resolveBudgetYear(db, written);
	if (!resolved.ok) return resolved;
	const { year } = resolved;
	const stored = findRbbReport(db, year.label);
	const locale = rbbLocale(stored, asked);
	// titles in the report's language where given (domain/localized-text.ts)
	const framework = loadReaderFramework(db, actor, locale);
	const inForce = framework.withoutRetired();
	const allIndicators = visibleIndicators(actor, db.select().from(indicators).all());
	const active = allIndicators.filter((i) => !i.retired && inForce.get(i.resultId));

	let figures: Map<string, RbbFigures>;
	const nodes: ResultNode[] = inForce.outline().map((o) => o.node);
	let notInIssued: string[] = [];
	if (stored?.status === 'issued') {
		figures = issuedFigures(db, actor, stored.id, year);
		// what was issued stays, even when its nodes were retired since
		const ids = new Set(nodes.map((n) => n.id));
		for (const i of allIndicators) {
			if (!figures.has(i.code)) continue;
			for (let at = framework.get(i.resultId); at && !ids.has(at.id);) {
				ids.add(at.id);
				nodes.push(at);
				at = at.parentId === null ? undefined : framework.get(at.parentId);
			}
		}
		notInIssued = active.filter((i) => !figures.has(i.code)).map((i) => i.code);
	} else {
		figures = currentFigures(db, actor, active, year);
	}
	const texts = loadRbbTexts(db, stored?.id ?? null);
	// planned outputs and resources: today's for a draft, the frozen ones for an issued report
	const today = currentParts(db, year.label);
	const issued = stored?.status === 'issued' ? frozenParts(db, stored.id) : null;
	const parts = issued ?? today;
	// a draft's lines keep their ids, for the forms that explain them
	const lines = issued ? issued.resources.lines : storedResourceLines(db, year.label);
	const report = shapeRbbReport({
		year,
		status: stored?.status ?? 'not_started',
		locale,
		issuedAt: stored?.issuedAt ?? null,
		issuedBy: stored?.issuedBy ?? null,
		nodes,
		indicators: allIndicators.map((i) => indicatorInfo(i, locale)),
		figures,
		sections: texts.sections,
		variances: texts.variances,
		notInIssued,
		margin: statusMargin(db),
		outputPlans: reportPlans(parts.outputs, locale),
		resources: resourceTable(lines, parts.resources.threshold),
		changedParts: issued ? changedParts(issued, today) : { outputs: [], resources: [] }
	});
	return { ok: true, report, reportId: stored?.id ?? null };
}

function indicatorInfo(i: typeof indicators.$inferSelect, locale: Locale): RbbIndicatorInfo {
	const title = localizedText(i.title, i.titleFr, locale);
	const stages = localizedStages(i.stages, i.stagesFr, locale);
	return {
		code: i.code,
		title: title.text,
		...(title.lang ? { titleLang: title.lang } : {}),
		resultId: i.resultId,
		category: i.category,
		direction: i.direction,
		measure: i.measure,
		unit: i.unit,
		baselineValue: i.baselineValue,
		baselinePeriod: i.baselinePeriod,
		...(stages ? { stageNames: stages.names } : {})
	};
}
