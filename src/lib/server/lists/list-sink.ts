/**
 * A list read by the importer (formats.md §5.2–§5.3): its rows stream into the source's rules
 * (domain/lists/aggregate.ts) as running sums, and once the last row is in, the figures are
 * written (write-list-figures.ts) in the import's transaction. No row is kept: the sink holds
 * the current record only, and what it writes are figures.
 */
import { m } from '../../paraglide/messages.js';
import { inArray } from 'drizzle-orm';
import { openList, type ListIssue, type RulePlan } from '../../domain/lists/aggregate';
import type { ListArea } from '../../domain/lists/area-match';
import { measureProblem } from '../../domain/lists/rule-text';
import type { ListSource } from '../../domain/lists/rule';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { DimensionCategories } from '../imports/kinds/dimension-categories';
import type { RowSink } from '../imports/kinds/observations';
import { parseNumber } from '../imports/numbers';
import type { TableHeader } from '../imports/read-table';
import type { FileReport } from '../imports/report';
import { addError } from '../imports/row-reader';
import { writeListFigures, type RuleIndicator } from './write-list-figures';

export interface ListContext {
	db: Db;
	actor: Actor;
	table: TableHeader;
	report: FileReport;
	batchId: number;
	source: ListSource;
	/** spellings of areas mapped for the source (the workspace's value map) */
	areaAliases?: ReadonlyMap<string, string>;
	/** build the preview of what the list changes (the /import page) */
	preview: boolean;
}

/** The indicators the rules write, checked against the rules: null when one cannot be written. */
function ruleIndicators(ctx: ListContext): Map<string, RuleIndicator> | null {
	const { db, source, report } = ctx;
	const codes = source.rules.map((r) => r.indicatorCode);
	const found = new Map(
		db
			.select()
			.from(indicators)
			.where(inArray(indicators.code, codes))
			.all()
			.map((i) => [i.code, i])
	);
	const refuse = (column: string, value: string, message: string) =>
		addError(report, { line: null, column, value, message });
	const out = new Map<string, RuleIndicator>();
	for (const rule of source.rules) {
		const about = { source: source.name, code: rule.indicatorCode };
		const indicator = found.get(rule.indicatorCode);
		if (!indicator || indicator.retired) {
			refuse(
				'indicator_code',
				rule.indicatorCode,
				indicator
					? m.impmsg_list_rule_indicator_retired(about)
					: m.impmsg_list_rule_indicator_missing(about)
			);
			continue;
		}
		const problem = measureProblem(rule.value.kind, indicator.code, indicator.measure);
		if (problem) {
			refuse('value', rule.value.kind, m.impmsg_list_rule_problem({ ...about, problem }));
			continue;
		}
		const declared = indicator.dimensions ? indicator.dimensions.split(';') : [];
		const undeclared = rule.dimensions.find((d) => !declared.includes(d.dimension));
		if (undeclared) {
			refuse(
				'dimensions',
				undeclared.dimension,
				declared.length
					? m.impmsg_list_rule_dimension_undeclared_listed({
							...about,
							dimension: undeclared.dimension,
							dimensions: declared.join(', ')
						})
					: m.impmsg_list_rule_dimension_undeclared({ ...about, dimension: undeclared.dimension })
			);
			continue;
		}
		out.set(rule.indicatorCode, {
			id: indicator.id,
			code: indicator.code,
			title: indicator.title,
			measure: indicator.measure,
			frequency: indicator.frequency,
			component: indicator.component
		});
	}
	return report.errors.length > 0 || (report.errorCount ?? 0) > 0 ? null : out;
}

export function listSink(ctx: ListContext): RowSink | null {
	const { db, table, report, source } = ctx;
	if (source.rules.length === 0) {
		addError(report, {
			line: null,
			column: null,
			value: source.name,
			message: m.impmsg_list_source_no_rules({ source: source.name })
		});
		return null;
	}
	const targets = ruleIndicators(ctx);
	if (!targets) return null;
	const plans: RulePlan[] = source.rules.map((rule) => ({
		rule,
		frequency: targets.get(rule.indicatorCode)!.frequency ?? 'month',
		nonNegative: targets.get(rule.indicatorCode)!.measure === 'count'
	}));
	// the report has its rules and removed (§5.2) even when the header refuses the list
	report.removed = 0;
	report.rules = plans.map((p) => ({ indicator: p.rule.indicatorCode, matched: 0, figures: 0 }));
	const tree = loadAreaTree(db);
	const areas: ListArea[] = tree.all();
	const categories = new DimensionCategories(db, report, ctx.batchId);
	const issue = (i: ListIssue) => addError(report, i);
	const list = openList(
		{
			rules: plans,
			areas,
			areaAliases: ctx.areaAliases,
			categories: categories.byDimension(),
			readNumber: (text) => parseNumber(text, table.delimiter)
		},
		table.rawHeaders,
		issue,
		table.tags
	);
	if (!list) return null;
	return {
		record(record) {
			report.rows++;
			list.row(record.line, record.values);
		},
		finish() {
			const aggregate = list.finish();
			aggregate.rules.forEach((r, i) => (report.rules![i]!.matched = r.matched));
			// a list with an error writes nothing; its counts say what was read
			if ((report.errorCount ?? report.errors.length) > 0) return;
			for (const c of aggregate.newCategories) {
				categories.addFromList(c.dimension, c.category, c, !c.forBlank);
			}
			writeListFigures(ctx, aggregate, targets, tree);
		}
	};
}
