import { eq } from 'drizzle-orm';
import type { Locale } from '../../../i18n/locales';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { rbbReports } from '../../db/schema';

export type RbbReportRow = typeof rbbReports.$inferSelect;

/** The stored report of a budget year (by its label, `FY2024/25`), if one was started. */
export function findRbbReport(db: Db, label: string): RbbReportRow | undefined {
	return db.select().from(rbbReports).where(eq(rbbReports.budgetYear, label)).get();
}

/**
 * The report of a budget year, started as a draft when it has none yet: a report exists from
 * the first text written or when it is issued, never just because someone looked at it.
 * The caller has authorized the write. A new draft is written in `locale`.
 */
export function ensureRbbReport(db: Db, actor: Actor, label: string, locale: Locale): RbbReportRow {
	const found = findRbbReport(db, label);
	if (found) return found;
	return db
		.insert(rbbReports)
		.values({ budgetYear: label, status: 'draft', createdBy: actor.username, locale })
		.returning()
		.get();
}
