/**
 * A small mission for list imports: areas at two levels, indicators of every measure a rule
 * can write, and a source's rules stored as the rules kind stores them.
 */
import type { ListRule, RuleValue } from '../../src/lib/domain/lists/rule';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../src/lib/server/actor';
import type { Db } from '../../src/lib/server/db';
import { importFiles } from '../../src/lib/server/imports/import-files';
import { replaceRuleSet } from '../../src/lib/server/lists/sources';
import { csv } from './db';

export const LIST_AREAS = `area_code,area_name,parent_area,area_level
N,North,,province
N1,North One,N,territory
N2,North Two,N,territory
S,South,,province
UNL,Unlocated,,
`;

export const LIST_FRAMEWORK = `result_code,result_level,result_title,parent_result
PO1,objective,Civilians protected,
PO1-IM1,impact,Threat reduced,PO1
`;

/** CIV monthly count (by sex), DEATHS quarterly count, SAFE quarterly percent. */
export const LIST_INDICATORS = `indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions
CIV,Attacks on civilians,PO1-IM1,situation,decrease,count,month,sex
DEATHS,Civilian deaths,PO1-IM1,situation,decrease,count,quarter,
SAFE,% who feel safe,PO1-IM1,perception,increase,percent,quarter,
`;

export async function listMission(db: Db, indicators = LIST_INDICATORS): Promise<void> {
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv('areas.csv', LIST_AREAS),
		csv('framework.csv', LIST_FRAMEWORK),
		csv('indicators.csv', indicators)
	]);
	if (!report.ok) throw new Error(JSON.stringify(report.files.map((f) => f.errors)));
}

export function listRule(
	indicatorCode: string,
	value: RuleValue,
	more: Partial<ListRule> = {}
): ListRule {
	return {
		source: 'incidents',
		indicatorCode,
		value,
		dateColumn: 'date',
		areaColumn: 'area',
		where: [],
		dimensions: [],
		weightColumn: null,
		unlocatedArea: null,
		verification: null,
		...more
	};
}

function idOf(db: Db, table: 'indicators' | 'areas', code: string): number {
	const row = db.$client.prepare(`SELECT id FROM ${table} WHERE code = ?`).get(code) as
		{ id: number } | undefined;
	if (!row) throw new Error(`No ${table} ${code}`);
	return row.id;
}

/** Stores a source's whole rule set, as importing a rules file does. */
export function storeRules(
	db: Db,
	name: string,
	rules: ListRule[],
	actor: Actor = LOCAL_ADMINISTRATOR
): void {
	db.transaction((tx) =>
		replaceRuleSet(
			tx,
			actor,
			name,
			rules.map((rule) => ({
				rule: { ...rule, source: name },
				indicatorId: idOf(db, 'indicators', rule.indicatorCode),
				unlocatedAreaId: rule.unlocatedArea ? idOf(db, 'areas', rule.unlocatedArea) : null
			})),
			null
		)
	);
}

/** The stored figures of an indicator as "period area {dims} = value", sorted. */
export function storedFigures(db: Db, indicator: string): string[] {
	const rows = db.$client
		.prepare(
			`SELECT o.period, a.code AS area, d.key AS dims, o.value, o.numerator, o.denominator
			 FROM observations o JOIN indicators i ON i.id = o.indicator_id
			 LEFT JOIN areas a ON a.id = o.area_id JOIN dimension_sets d ON d.id = o.dimension_set_id
			 WHERE i.code = ?`
		)
		.all(indicator) as {
		period: string;
		area: string | null;
		dims: string;
		value: number;
		numerator: number | null;
		denominator: number | null;
	}[];
	return rows
		.map((r) => {
			const dims = Object.entries(JSON.parse(r.dims) as Record<string, string>)
				.map(([k, v]) => `${k}:${v}`)
				.join(',');
			const pair = r.numerator === null ? '' : ` (${r.numerator}/${r.denominator})`;
			return `${r.period} ${r.area ?? '-'} {${dims}} = ${r.value}${pair}`;
		})
		.sort();
}
