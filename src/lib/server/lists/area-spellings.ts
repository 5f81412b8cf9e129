/**
 * Spellings of areas mapped for a source (the /import page's value mapping of a list's area
 * cells), kept with the source so that its next export maps itself. The list importer reads
 * them as the area matcher's aliases (domain/lists/area-match.ts), tried after the areas' own
 * codes and names.
 */
import { m } from '../../paraglide/messages.js';
import { and, asc, eq } from 'drizzle-orm';
import { foldAreaText } from '../../domain/lists/area-match';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import { nowText } from '../clock';
import type { Db } from '../db';
import { areas, listAreaSpellings } from '../db/schema';
import { authorize } from '../permissions';
import { findSourceRow } from './sources';

type Reader = Pick<Db, 'select'>;

/** A source's mapped spellings as written, each with its area's code, by spelling. */
export function areaSpellings(db: Reader, source: string): { written: string; area: string }[] {
	const row = findSourceRow(db, source);
	if (!row) return [];
	return db
		.select({ written: listAreaSpellings.written, area: areas.code })
		.from(listAreaSpellings)
		.innerJoin(areas, eq(areas.id, listAreaSpellings.areaId))
		.where(eq(listAreaSpellings.sourceId, row.id))
		.orderBy(asc(listAreaSpellings.spelling))
		.all();
}

/** The aliases the list importer's area matcher takes: spelling → area code. */
export function areaAliases(db: Reader, source: string): Map<string, string> {
	return new Map(areaSpellings(db, source).map((s) => [s.written, s.area]));
}

/**
 * Saves spellings (as written → area code) for a source: a spelling already mapped is mapped
 * again to the area now chosen. Unknown area codes are refused whole. One audit entry.
 */
export function saveAreaSpellings(
	db: Db,
	actor: Actor,
	source: string,
	spellings: Record<string, string>
): { ok: true; saved: number } | { ok: false; message: string } {
	authorize(actor, 'import');
	const entries = Object.entries(spellings)
		.map(([written, code]) => [written.trim(), code] as const)
		.filter(([written]) => written !== '');
	if (entries.length === 0) return { ok: true, saved: 0 };
	return db.transaction((tx) => {
		const row = findSourceRow(tx, source);
		if (!row || row.retiredAt)
			return { ok: false, message: m.impmsg_source_none({ name: source }) };
		const ids = new Map(
			tx
				.select({ id: areas.id, code: areas.code })
				.from(areas)
				.all()
				.map((a) => [a.code, a.id])
		);
		const unknown = entries.find(([, code]) => !ids.has(code));
		if (unknown) {
			return {
				ok: false,
				message: m.impmsg_spelling_not_area({ code: unknown[1], written: unknown[0] })
			};
		}
		const now = nowText();
		for (const [written, code] of entries) {
			const spelling = foldAreaText(written);
			const values = { written, areaId: ids.get(code)!, changedAt: now, changedBy: actor.username };
			const existing = tx
				.select({ id: listAreaSpellings.id })
				.from(listAreaSpellings)
				.where(
					and(eq(listAreaSpellings.sourceId, row.id), eq(listAreaSpellings.spelling, spelling))
				)
				.get();
			if (existing) {
				tx.update(listAreaSpellings).set(values).where(eq(listAreaSpellings.id, existing.id)).run();
			} else {
				tx.insert(listAreaSpellings)
					.values({ sourceId: row.id, spelling, ...values })
					.run();
			}
		}
		recordAudit(tx, actor, 'list-source.spellings', row.name, {
			after: Object.fromEntries(entries)
		});
		return { ok: true, saved: entries.length };
	});
}
