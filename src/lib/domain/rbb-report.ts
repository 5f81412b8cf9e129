/**
 * The results-based budget (RBB) performance report of one budget year, shaped from the
 * framework, the indicators, each indicator's budget-year point of its series (computed by the
 * roll-up rules elsewhere, never here) and the report's texts. Pure, so the page, the
 * downloads and the command line show one report.
 *
 * Per objective (the expected accomplishment): its **indicators of achievement** are the
 * indicators of the objective itself and of its impacts and outcomes; its **outputs** are the
 * output nodes below it, planned vs completed from their own indicators.
 */
import { statusReason, type StatusReason } from './status-explanation';
import type { BudgetYear } from './budget-year';
import type { ResultNode } from './framework-tree';
import type { FallbackLang } from './localized-text';
import { FrameworkTree } from './framework-tree';
import type { SeriesPoint } from './series';
import type { PointDifference } from './series-diff';
import type { Category, Direction, Measure, ResultLevel, Status } from './vocabulary';
import type { Locale } from '../i18n/locales';
import type { OutputKind } from './output-plans';
import { resourceTable, DEFAULT_VARIANCE_THRESHOLD, type ResourceTable } from './resources';

/** Levels whose indicators are indicators of achievement (outputs are reported apart). */
export const ACHIEVEMENT_LEVELS: readonly ResultLevel[] = ['objective', 'impact', 'outcome'];

/** The key of the report-wide narrative in `rbb_texts.section`. */
export const SUMMARY_SECTION = 'summary';

export type RbbStatus = 'not_started' | 'draft' | 'issued';

export interface RbbIndicatorInfo {
	code: string;
	title: string;
	/** 'en' when the title is the English one in a report written in another language */
	titleLang?: FallbackLang;
	resultId: number;
	category: Category;
	direction: Direction;
	measure: Measure;
	unit: string | null;
	baselineValue: number | null;
	baselinePeriod: string | null;
	/** A milestone's stage names in the report's language: its cells show them. */
	stageNames?: string[];
}

/** One indicator's figures for the year: its budget-year point, and what moved since issuing. */
export interface RbbFigures {
	point: SeriesPoint | null;
	differences: readonly PointDifference[];
}

export interface RbbInput {
	year: BudgetYear;
	status: RbbStatus;
	/** The language the report is written in (an issued report keeps the one it was issued in). */
	locale: Locale;
	issuedAt: string | null;
	issuedBy: string | null;
	/** The framework nodes the report may show (a draft: those in force). */
	nodes: readonly ResultNode[];
	indicators: readonly RbbIndicatorInfo[];
	/** By indicator code; an indicator without an entry is not in the report. */
	figures: ReadonlyMap<string, RbbFigures>;
	/** Narratives by section (objective or output code, or `summary`). */
	sections: ReadonlyMap<string, string>;
	/** Variance explanations by indicator code. */
	variances: ReadonlyMap<string, string>;
	/** Indicators in force now that an issued report did not freeze. */
	notInIssued?: readonly string[];
	margin: number;
	/** What each output node planned and completed in the year, by output code. */
	outputPlans?: ReadonlyMap<string, RbbOutputPlan>;
	/** The year's resources with their variances (domain/resources.ts). */
	resources?: ResourceTable;
	/** For an issued report: outputs and resource lines whose current values differ from the issued. */
	changedParts?: RbbChangedParts;
}

/** What an output node planned and completed in the report's year (docs/formats.md "Outputs"). */
export interface RbbOutputPlan {
	kind: OutputKind;
	/** a deliverable's are 1 (yes) or 0 (no) */
	planned: number;
	completed: number | null;
	remarks: string;
	remarksLang?: FallbackLang;
	/** completed less than planned */
	underPlan: boolean;
}

/** Where the planned outputs and resources of an issued report differ from today's. */
export interface RbbChangedParts {
	/** output codes */
	outputs: string[];
	/** resource lines, by resourceSubject */
	resources: string[];
}

export interface RbbIndicatorRow {
	code: string;
	title: string;
	titleLang?: FallbackLang;
	resultCode: string;
	resultTitle: string;
	resultTitleLang?: FallbackLang;
	resultLevel: ResultLevel;
	category: Category;
	direction: Direction;
	measure: Measure;
	unit: string | null;
	baselineValue: number | null;
	baselinePeriod: string | null;
	/** A milestone's stage names in the report's language: its cells show them. */
	stageNames?: string[];
	/** The budget year's target and actual, as the series by `fy` gives them. */
	planned: number | null;
	actual: number | null;
	status: Status;
	/** The year's figures may still change: the series point is partial. */
	partial: boolean;
	/** Why it has its status (status-explanation.ts; in words: `$lib/format/status-text`). */
	statusReason: StatusReason;
	/** The SPU's explanation of the variance. */
	variance: string;
	/** For an issued report: where today's figures differ from the issued ones. */
	differences: readonly PointDifference[];
}

export interface RbbOutput {
	code: string;
	title: string;
	titleLang?: FallbackLang;
	components: string | null;
	/** Planned (target) vs completed (actual) from the output's indicators. */
	indicators: RbbIndicatorRow[];
	remarks: string;
	/** Its planned output for the year, when one was entered or imported. */
	plan: RbbOutputPlan | null;
}

export interface RbbObjective {
	code: string;
	title: string;
	titleLang?: FallbackLang;
	narrative: string;
	achievements: RbbIndicatorRow[];
	outputs: RbbOutput[];
}

export interface RbbReport {
	year: BudgetYear;
	status: RbbStatus;
	/** Its headings, labels and numbers are written in this language, whoever reads it. */
	locale: Locale;
	issuedAt: string | null;
	issuedBy: string | null;
	summary: string;
	objectives: RbbObjective[];
	/** Indicators whose current figures differ from the issued ones. */
	changedSinceIssue: string[];
	notInIssued: string[];
	resources: ResourceTable;
	changedParts: RbbChangedParts;
}

export function shapeRbbReport(input: RbbInput): RbbReport {
	const tree = new FrameworkTree(input.nodes);
	const byNode = new Map<number, RbbIndicatorInfo[]>();
	for (const i of input.indicators) {
		if (!input.figures.has(i.code)) continue;
		const list = byNode.get(i.resultId) ?? [];
		list.push(i);
		byNode.set(i.resultId, list);
	}
	for (const list of byNode.values()) {
		list.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
	}
	const rowsOf = (node: ResultNode) =>
		(byNode.get(node.id) ?? []).map((i) => indicatorRow(i, node, input));

	const objectives: RbbObjective[] = [];
	let objective: RbbObjective | null = null;
	for (const { node } of tree.outline()) {
		if (node.level === 'objective') {
			objective = {
				code: node.code,
				title: node.title,
				titleLang: node.titleLang,
				narrative: input.sections.get(node.code) ?? '',
				achievements: [],
				outputs: []
			};
			objectives.push(objective);
		}
		if (!objective) continue;
		if (node.level === 'output') {
			objective.outputs.push({
				code: node.code,
				title: node.title,
				titleLang: node.titleLang,
				components: node.components,
				indicators: rowsOf(node),
				remarks: input.sections.get(node.code) ?? '',
				plan: input.outputPlans?.get(node.code) ?? null
			});
		} else if (ACHIEVEMENT_LEVELS.includes(node.level)) {
			objective.achievements.push(...rowsOf(node));
		}
	}
	const rows = objectives.flatMap((o) => [
		...o.achievements,
		...o.outputs.flatMap((out) => out.indicators)
	]);
	return {
		year: input.year,
		status: input.status,
		locale: input.locale,
		issuedAt: input.issuedAt,
		issuedBy: input.issuedBy,
		summary: input.sections.get(SUMMARY_SECTION) ?? '',
		objectives,
		changedSinceIssue: rows.filter((r) => r.differences.length > 0).map((r) => r.code),
		notInIssued: [...(input.notInIssued ?? [])],
		resources: input.resources ?? resourceTable([], DEFAULT_VARIANCE_THRESHOLD),
		changedParts: input.changedParts ?? { outputs: [], resources: [] }
	};
}

function indicatorRow(info: RbbIndicatorInfo, node: ResultNode, input: RbbInput): RbbIndicatorRow {
	const figures = input.figures.get(info.code)!;
	const point = figures.point;
	return {
		code: info.code,
		title: info.title,
		titleLang: info.titleLang,
		resultCode: node.code,
		resultTitle: node.title,
		resultTitleLang: node.titleLang,
		resultLevel: node.level,
		category: info.category,
		direction: info.direction,
		measure: info.measure,
		unit: info.unit,
		baselineValue: info.baselineValue,
		baselinePeriod: info.baselinePeriod,
		...(info.stageNames ? { stageNames: info.stageNames } : {}),
		planned: point?.target ?? null,
		actual: point?.actual ?? null,
		status: point?.status ?? 'no_data',
		partial: point?.partial ?? false,
		statusReason: statusReason({
			point,
			direction: info.direction,
			measure: info.measure,
			unit: info.unit,
			by: 'fy',
			margin: input.margin,
			stages: info.stageNames
		}),
		variance: input.variances.get(info.code) ?? '',
		differences: figures.differences
	};
}

/** The point of one budget year in a series by `fy`, or null when the series has none. */
export function budgetYearPoint(
	points: readonly SeriesPoint[],
	year: BudgetYear
): SeriesPoint | null {
	return points.find((p) => p.period === year.label) ?? null;
}

/** The places a text of the report can be written, so a form cannot write anywhere else. */
export function textKeys(report: RbbReport): { sections: Set<string>; indicators: Set<string> } {
	const sections = new Set([SUMMARY_SECTION]);
	const indicators = new Set<string>();
	for (const o of report.objectives) {
		sections.add(o.code);
		for (const r of o.achievements) indicators.add(r.code);
		for (const out of o.outputs) {
			sections.add(out.code);
			for (const r of out.indicators) indicators.add(r.code);
		}
	}
	return { sections, indicators };
}
