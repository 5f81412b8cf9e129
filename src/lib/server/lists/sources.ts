/**
 * Sources of lists and their rules, as stored (formats.md §5.1): the one place that reads and
 * writes `list_sources` and `list_rules`. The rules file kind writes a source's whole rule set
 * through `replaceRuleSet`; the list importer reads it through `loadSource`; /sources lists,
 * creates, retires and restores sources here.
 */
import { m } from '../../paraglide/messages.js';
import { asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { ListRule, ListSource } from '../../domain/lists/rule';
import {
	formatDimensions,
	formatRuleValue,
	formatWhere,
	parseDimensions,
	parseRuleValue,
	parseWhere,
	sourceKey,
	sourceNameProblem,
	type Parsed
} from '../../domain/lists/rule-text';
import { FORM_ERROR, type Outcome } from '../../form-answer';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { nowText } from '../clock';
import type { Db } from '../db';
import { areas, indicators, listRules, listSources as sourceTable } from '../db/schema';
import { authorize } from '../permissions';

/** A source as the /sources page lists it. */
export interface SourceSummary {
	name: string;
	description: string;
	createdAt: string;
	createdBy: string;
	changedAt: string;
	changedBy: string;
	retiredAt: string | null;
	retiredBy: string | null;
	/** how many rules it has */
	rules: number;
}

/** The database or a transaction of it: what reading needs. */
type Reader = Pick<Db, 'select'>;

/** The database or a transaction of it: what writing needs. */
type Writer = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

type SourceRow = typeof sourceTable.$inferSelect;

const byName = (name: string) => sql`lower(${sourceTable.name}) = ${sourceKey(name)}`;

/** The stored row of a source, retired or not, by name ignoring case. */
export function findSourceRow(db: Reader, name: string): SourceRow | undefined {
	return db.select().from(sourceTable).where(byName(name)).get();
}

/** One source, retired or not, as listed, with its rules (the /sources page's source). */
export function findSource(
	db: Reader,
	name: string
): { source: SourceSummary; rules: ListRule[] } | null {
	const row = findSourceRow(db, name);
	if (!row) return null;
	const summary = listSources(db, { retired: true }).find((s) => s.name === row.name)!;
	return { source: summary, rules: rulesOf(db, row) };
}

/** Every source, by name; retired ones only when asked. */
export function listSources(db: Reader, options: { retired?: boolean } = {}): SourceSummary[] {
	const rows = db
		.select({ source: sourceTable, rules: count(listRules.id) })
		.from(sourceTable)
		.leftJoin(listRules, eq(listRules.sourceId, sourceTable.id))
		.where(options.retired ? undefined : isNull(sourceTable.retiredAt))
		.groupBy(sourceTable.id)
		.orderBy(asc(sql`lower(${sourceTable.name})`))
		.all();
	return rows.map(({ source, rules }) => ({
		name: source.name,
		description: source.description,
		createdAt: source.createdAt,
		createdBy: source.createdBy,
		changedAt: source.changedAt,
		changedBy: source.changedBy,
		retiredAt: source.retiredAt,
		retiredBy: source.retiredBy,
		rules
	}));
}

function parsedOrThrow<T>(parsed: Parsed<T>, what: string): T {
	// stored rules were checked when written; text that no longer reads is a bug, not input
	if (!parsed.ok) throw new Error(`A stored rule's ${what} does not read: ${parsed.message}`);
	return parsed.value;
}

/** The rules of a stored source, by indicator code. */
function rulesOf(db: Reader, source: SourceRow): ListRule[] {
	return db
		.select({
			rule: listRules,
			indicatorCode: indicators.code,
			unlocatedArea: areas.code
		})
		.from(listRules)
		.innerJoin(indicators, eq(indicators.id, listRules.indicatorId))
		.leftJoin(areas, eq(areas.id, listRules.unlocatedAreaId))
		.where(eq(listRules.sourceId, source.id))
		.orderBy(asc(indicators.code))
		.all()
		.map(({ rule, indicatorCode, unlocatedArea }) => ({
			source: source.name,
			indicatorCode,
			value: parsedOrThrow(parseRuleValue(rule.value), 'value'),
			dateColumn: rule.dateColumn,
			areaColumn: rule.areaColumn,
			where: parsedOrThrow(parseWhere(rule.conditions), 'where'),
			dimensions: parsedOrThrow(parseDimensions(rule.dimensions), 'dimensions'),
			weightColumn: rule.weightColumn,
			unlocatedArea: unlocatedArea ?? null,
			verification: rule.verification
		}));
}

/**
 * A source and its rules, by name ignoring case; null when there is none or it is retired
 * (a retired source takes no lists; `listSources` names the ones that do).
 */
export function loadSource(db: Reader, name: string): ListSource | null {
	const source = findSourceRow(db, name);
	if (!source || source.retiredAt) return null;
	return { name: source.name, rules: rulesOf(db, source) };
}

/** Every source that takes lists, with its rules (the `rules` export). */
export function loadSources(db: Reader): ListSource[] {
	return db
		.select()
		.from(sourceTable)
		.where(isNull(sourceTable.retiredAt))
		.orderBy(asc(sql`lower(${sourceTable.name})`))
		.all()
		.map((source) => ({ name: source.name, rules: rulesOf(db, source) }));
}

/** Creates a source without rules (they come from a rules file or the editor). */
export function createSource(
	db: Db,
	actor: Actor,
	input: { name: string; description?: string }
): Outcome<{ name: string }> {
	authorize(actor, 'import');
	const name = input.name.trim();
	const description = (input.description ?? '').trim();
	const problem = sourceNameProblem(name);
	if (problem) return { ok: false, errors: { name: problem } };
	return db.transaction((tx) => {
		const existing = findSourceRow(tx, name);
		if (existing) {
			const why = existing.retiredAt
				? m.impmsg_source_retired_exists({ name: existing.name })
				: m.impmsg_source_exists({ name: existing.name });
			return { ok: false as const, errors: { name: why } };
		}
		tx.insert(sourceTable)
			.values({ name, description, createdBy: actor.username, changedBy: actor.username })
			.run();
		recordAudit(tx, actor, 'list-source.create', name, { after: { name, description } });
		return { ok: true as const, name };
	});
}

/** Changes what a source's description says. */
export function describeSource(
	db: Db,
	actor: Actor,
	name: string,
	description: string
): Outcome<{ name: string }> {
	authorize(actor, 'import');
	return db.transaction((tx) => {
		const source = findSourceRow(tx, name);
		if (!source) return unknownSource(tx, name);
		const after = description.trim();
		if (after !== source.description) {
			tx.update(sourceTable)
				.set({ description: after, changedAt: nowText(), changedBy: actor.username })
				.where(eq(sourceTable.id, source.id))
				.run();
			recordAudit(tx, actor, 'list-source.update', source.name, {
				before: { description: source.description },
				after: { description: after }
			});
		}
		return { ok: true as const, name: source.name };
	});
}

/** Retires a source (it takes no more lists; its rules and figures stay), or restores it. */
export function setSourceRetired(
	db: Db,
	actor: Actor,
	name: string,
	retired: boolean
): Outcome<{ name: string }> {
	authorize(actor, 'import');
	return db.transaction((tx) => {
		const source = findSourceRow(tx, name);
		if (!source) return unknownSource(tx, name);
		if ((source.retiredAt !== null) === retired) return { ok: true as const, name: source.name };
		const now = nowText();
		tx.update(sourceTable)
			.set({
				retiredAt: retired ? now : null,
				retiredBy: retired ? actor.username : null,
				changedAt: now,
				changedBy: actor.username
			})
			.where(eq(sourceTable.id, source.id))
			.run();
		recordAudit(tx, actor, retired ? 'list-source.retire' : 'list-source.restore', source.name);
		return { ok: true as const, name: source.name };
	});
}

/** "Unknown source X. Known sources: a, b." — the refusal every caller gives. */
export function unknownSourceMessage(db: Reader, name: string): string {
	const known = listSources(db).map((s) => s.name);
	return known.length
		? m.impmsg_source_unknown_known({ name, known: known.join(', ') })
		: m.impmsg_source_unknown_none({ name });
}

function unknownSource(db: Reader, name: string) {
	return { ok: false as const, errors: { [FORM_ERROR]: unknownSourceMessage(db, name) } };
}

/** A rule resolved for storage: its indicator and unlocated area by id. */
export interface RuleToStore {
	rule: ListRule;
	indicatorId: number;
	unlocatedAreaId: number | null;
}

/** What replacing a source's rule set did, rule by rule. */
export interface RuleSetChange {
	source: string;
	/** the source did not exist, or was retired, before */
	created: boolean;
	restored: boolean;
	inserted: number;
	updated: number;
	unchanged: number;
	/** indicator codes of the rules the new set no longer has */
	removed: string[];
}

/** A rule's stored columns (what compares for unchanged). */
function storedColumns(r: RuleToStore) {
	return {
		indicatorId: r.indicatorId,
		value: formatRuleValue(r.rule.value),
		dateColumn: r.rule.dateColumn,
		areaColumn: r.rule.areaColumn,
		conditions: formatWhere(r.rule.where),
		dimensions: formatDimensions(r.rule.dimensions),
		weightColumn: r.rule.weightColumn,
		unlocatedAreaId: r.unlocatedAreaId,
		verification: r.rule.verification
	};
}

/**
 * Makes `rules` the whole rule set of source `name` (formats.md §5.1: a rules file gives the
 * whole set of each source it names), creating the source, or restoring a retired one, when
 * needed. Rules the set no longer has are deleted (the figures they wrote stay). Call it inside
 * the import's transaction, with rules already checked; it records one audit entry per source.
 */
export function replaceRuleSet(
	db: Writer,
	actor: Actor,
	name: string,
	rules: readonly RuleToStore[],
	batchId: number | null
): RuleSetChange {
	authorize(actor, 'import');
	const who = actor.username;
	const now = nowText();
	let source = findSourceRow(db, name);
	const created = !source;
	const restored = !!source?.retiredAt;
	if (!source) {
		source = db
			.insert(sourceTable)
			.values({ name, createdBy: who, changedBy: who })
			.returning()
			.get();
	}
	const stored = new Map(
		db
			.select({ rule: listRules, code: indicators.code })
			.from(listRules)
			.innerJoin(indicators, eq(indicators.id, listRules.indicatorId))
			.where(eq(listRules.sourceId, source.id))
			.all()
			.map((r) => [r.rule.indicatorId, r])
	);
	const change: RuleSetChange = {
		source: source.name,
		created,
		restored,
		inserted: 0,
		updated: 0,
		unchanged: 0,
		removed: []
	};
	for (const r of rules) {
		const next = storedColumns(r);
		const before = stored.get(r.indicatorId);
		stored.delete(r.indicatorId);
		if (!before) {
			db.insert(listRules)
				.values({ sourceId: source.id, ...next, batchId, changedAt: now, changedBy: who })
				.run();
			change.inserted++;
		} else if (
			Object.entries(next).every(
				([k, v]) => (before.rule[k as keyof typeof next] ?? null) === (v ?? null)
			)
		) {
			change.unchanged++;
		} else {
			db.update(listRules)
				.set({ ...next, batchId, changedAt: now, changedBy: who })
				.where(eq(listRules.id, before.rule.id))
				.run();
			change.updated++;
		}
	}
	for (const gone of stored.values()) {
		db.delete(listRules).where(eq(listRules.id, gone.rule.id)).run();
		change.removed.push(gone.code);
	}
	const changed =
		created || restored || change.inserted + change.updated > 0 || !!change.removed.length;
	if (changed) {
		db.update(sourceTable)
			.set({ changedAt: now, changedBy: who, retiredAt: null, retiredBy: null })
			.where(eq(sourceTable.id, source.id))
			.run();
		recordAudit(db, actor, 'list-source.rules', source.name, {
			batch: batchId,
			created,
			restored,
			inserted: change.inserted,
			updated: change.updated,
			unchanged: change.unchanged,
			removed: change.removed
		});
	}
	return change;
}

/** Removes source `name`'s rule for an indicator (the figures it wrote stay). */
export function removeRule(
	db: Db,
	actor: Actor,
	name: string,
	indicatorCode: string
): Outcome<{ name: string }> {
	authorize(actor, 'import');
	return db.transaction((tx) => {
		const source = findSourceRow(tx, name);
		if (!source) return unknownSource(tx, name);
		const rule = tx
			.select({ id: listRules.id })
			.from(listRules)
			.innerJoin(indicators, eq(indicators.id, listRules.indicatorId))
			.where(sql`${listRules.sourceId} = ${source.id} AND ${indicators.code} = ${indicatorCode}`)
			.get();
		if (!rule) {
			return {
				ok: false as const,
				errors: {
					[FORM_ERROR]: m.impmsg_source_no_rule_for({ source: source.name, code: indicatorCode })
				}
			};
		}
		tx.delete(listRules).where(eq(listRules.id, rule.id)).run();
		tx.update(sourceTable)
			.set({ changedAt: nowText(), changedBy: actor.username })
			.where(eq(sourceTable.id, source.id))
			.run();
		recordAudit(tx, actor, 'list-source.rules', source.name, {
			inserted: 0,
			updated: 0,
			unchanged: 0,
			removed: [indicatorCode]
		});
		return { ok: true as const, name: source.name };
	});
}
