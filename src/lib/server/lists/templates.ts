/**
 * Templates for public sources: rules files shipped with the product (`templates/*.csv`), each
 * writing standard DPO POC indicators from a known export — UCDP GED, ACLED, a KoboToolbox
 * perception survey, the JOC's alert register. A template is an ordinary rules file: `cpas
 * import src/lib/server/lists/templates/acled.csv` applies it too. Applied from /sources, it
 * goes through the importer like any rules file, all or nothing: a mission whose indicators
 * differ (a code it does not have, a per-100,000 rate where the template sums) gets one clear
 * refusal naming each rule that does not fit, and nothing is written.
 */
import { m } from '../../paraglide/messages.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { normaliseHeader, RULE_COLUMNS } from '../../domain/columns';
import {
	measureProblem,
	parseDimensions,
	parseRuleValue,
	sourceNameProblem
} from '../../domain/lists/rule-text';
import { FORM_ERROR, type Outcome } from '../../form-answer';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { importFiles } from '../imports/import-files';
import { authorize } from '../permissions';
import { findSourceRow } from './sources';

export interface RulesTemplate {
	/** the file's name without `.csv`, and the source name it suggests */
	id: string;
	title: string;
	/** what list it reads, and what it writes, in a sentence or two */
	description: string;
	/** where such a list comes from */
	origin: string;
}

export const TEMPLATES: readonly RulesTemplate[] = [
	{
		id: 'ucdp-ged',
		title: 'UCDP Georeferenced Event Dataset',
		description:
			'One row per event (date_start, adm_1, type_of_violence, side_a, deaths_civilians). State-based and non-state clashes counted by perpetrator (1.1.1), civilian deaths summed (1.2.1), events of one-sided violence counted (1.2.3).',
		origin: 'ucdp.uu.se, GED download or API (CSV)'
	},
	{
		id: 'acled',
		title: 'ACLED export',
		description:
			'One row per event (event_date, admin1, event_type, sub_event_type, actor1, civilian_targeting, fatalities). Battles counted by perpetrator (1.1.1), fatalities of events targeting civilians summed (1.2.1), events targeting civilians (1.2.4), sexual violence (1.2.5) and mob violence (2.2.5) counted.',
		origin: 'acleddata.com, Data Export Tool (CSV)'
	},
	{
		id: 'kobo-perception',
		title: 'KoboToolbox perception survey',
		description:
			'One row per respondent, questions in groups (group_safety/armed_groups_threat, group_respondent/sex, _submission_time) and a weight column. Weighted shares: who sees a threat from armed groups (1.3.6, by sex), disputes settled among those referred (3.1.1), trust in other communities (3.2.5, by sex).',
		origin: 'KoboToolbox, Data › Downloads › CSV with XML values and group names'
	},
	{
		id: 'alert-register',
		title: 'Early-warning alert register',
		description:
			'One row per alert (alert_date, province, response_taken, response_date, attack_occurred, civilian_casualties). Share of alerts responded to (2.2.2), average days from alert to response (2.2.3), share of attacks after a response without civilian casualties (2.2.4).',
		origin: "the JOC's alert log, exported as CSV or xlsx"
	}
];

/** Where the template files are: beside this module in the sources, which every run has. */
function templatesFolder(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 8; i++) {
		for (const candidate of [join(dir, 'templates'), join(dir, 'src/lib/server/lists/templates')]) {
			if (existsSync(join(candidate, 'acled.csv'))) return candidate;
		}
		dir = dirname(dir);
	}
	return resolve(process.cwd(), 'src/lib/server/lists/templates');
}

export function findTemplate(id: string): RulesTemplate | undefined {
	return TEMPLATES.find((t) => t.id === id);
}

/** A template's rules file as shipped. */
export function templateText(template: RulesTemplate): string {
	return readFileSync(join(templatesFolder(), `${template.id}.csv`), 'utf8');
}

/** The indicator codes a template writes, in its order. */
export function templateIndicators(template: RulesTemplate): string[] {
	return rowsOf(templateText(template)).map((r) => r.indicator_code);
}

type TemplateRow = Record<(typeof RULE_COLUMNS)[number], string>;

function rowsOf(text: string): TemplateRow[] {
	return Papa.parse<TemplateRow>(text.trim(), { header: true, skipEmptyLines: true }).data;
}

/** One rule of a template, and whether this mission's indicators can take it. */
export interface TemplateRule {
	indicatorCode: string;
	value: string;
	/** why the mission cannot take it, or null when it can */
	problem: string | null;
}

/**
 * The rules of a template as this mission sees them: for each, whether its indicator exists,
 * is in use, has a measure the rule's value fits and declares the dimensions it breaks down by
 * (what the importer will check), so the page can offer the rules that fit.
 */
export function templateRules(db: Db, template: RulesTemplate): TemplateRule[] {
	const known = new Map(
		db
			.select({
				code: indicators.code,
				measure: indicators.measure,
				dimensions: indicators.dimensions,
				retired: indicators.retired
			})
			.from(indicators)
			.all()
			.map((i) => [i.code, i])
	);
	return rowsOf(templateText(template)).map((row) => {
		const indicator = known.get(row.indicator_code);
		const value = parseRuleValue(row.value);
		const dimensions = parseDimensions(row.dimensions);
		let problem: string | null = null;
		if (!indicator || indicator.retired) {
			problem = indicator
				? m.impmsg_template_indicator_retired({ code: row.indicator_code })
				: m.impmsg_template_indicator_missing({ code: row.indicator_code });
		} else if (value.ok) {
			problem = measureProblem(value.value.kind, indicator.code, indicator.measure);
		}
		if (!problem && indicator && dimensions.ok) {
			const declared = indicator.dimensions ? indicator.dimensions.split(';') : [];
			const missing = dimensions.value.find(
				(d) => !declared.includes(normaliseHeader(d.dimension))
			);
			if (missing) {
				problem = m.impmsg_template_no_dimension({
					code: indicator.code,
					dimension: missing.dimension
				});
			}
		}
		return { indicatorCode: row.indicator_code, value: row.value, problem };
	});
}

/**
 * The template's rules file for a source of this name, with only the rules of the indicators
 * `chosen` when given (the planner may leave out rules for indicators the mission does not track).
 */
export function templateFor(
	template: RulesTemplate,
	sourceName: string,
	chosen?: readonly string[]
): string {
	const rows = rowsOf(templateText(template))
		.filter((r) => !chosen || chosen.includes(r.indicator_code))
		.map((r) => ({ ...r, source: sourceName }));
	return (
		Papa.unparse(
			{ fields: [...RULE_COLUMNS], data: rows.map((r) => RULE_COLUMNS.map((c) => r[c])) },
			{ newline: '\n' }
		) + '\n'
	);
}

/**
 * Creates source `name` with a template's rules (those of the indicators `chosen`, when given), through the
 * importer. Refuses an existing name, and refuses whole, naming each rule, when the mission's
 * indicators do not fit the template.
 *
 * `db` must be a connection that imports may hold across awaits (see importFiles).
 */
export async function applyTemplate(
	db: Db,
	actor: Actor,
	templateId: string,
	name: string,
	chosen?: readonly string[]
): Promise<Outcome<{ name: string; rules: number }>> {
	authorize(actor, 'import');
	const template = findTemplate(templateId);
	if (!template) {
		return {
			ok: false,
			errors: {
				template: m.impmsg_template_unknown({
					id: templateId,
					known: TEMPLATES.map((t) => t.id).join(', ')
				})
			}
		};
	}
	const sourceName = name.trim();
	const problem = sourceNameProblem(sourceName);
	if (problem) return { ok: false, errors: { name: problem } };
	const existing = findSourceRow(db, sourceName);
	if (existing) {
		return {
			ok: false,
			errors: {
				name: m.impmsg_template_source_exists({ name: existing.name })
			}
		};
	}
	if (chosen && chosen.length === 0) {
		return { ok: false, errors: { indicators: m.impmsg_template_choose_rule() } };
	}
	const text = templateFor(template, sourceName, chosen);
	const report = await importFiles(db, actor, [
		{ name: `template ${template.id}.csv`, bytes: new TextEncoder().encode(text) }
	]);
	const file = report.files[0]!;
	if (report.ok) return { ok: true, name: sourceName, rules: file.inserted };
	const rows = rowsOf(text);
	const reasons = file.errors.map((e) => {
		const code = e.line !== null && e.line > 1 ? rows[e.line - 2]?.indicator_code : undefined;
		return code ? m.impmsg_template_reason({ code, message: e.message }) : e.message;
	});
	return {
		ok: false,
		errors: {
			[FORM_ERROR]: m.impmsg_template_does_not_fit({
				template: template.title,
				reasons: reasons.join(' ')
			})
		}
	};
}
