import { eq } from 'drizzle-orm';
import type { Locale } from '../../../i18n/locales';
import { m } from '../../../paraglide/messages.js';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db';
import { rbbReports } from '../../db/schema';
import { loadDraft } from './draft';
import { findRbbReport } from './report-row';
import type { SaveOutcome } from './save-text';

/**
 * Changes the language a draft report is written in: its headings, labels and files from then
 * on (the texts the SPU wrote stay as written). Refused once issued: an issued report keeps
 * its language. A report not started has no language of its own yet: it is shown in the one
 * chosen on its page, and its first text or issuing keeps that one.
 */
export function setRbbLanguage(
	db: Db,
	actor: Actor,
	budgetYear: string,
	locale: Locale
): SaveOutcome {
	const draft = loadDraft(db, actor, budgetYear, (year) => m.rep_rbb_language_issued({ year }));
	if (!draft.ok) return draft;
	const label = draft.report.year.label;
	const stored = findRbbReport(db, label);
	if (!stored) {
		return {
			ok: false,
			problem: 'conflict',
			message: m.rep_rbb_language_not_started({ year: label })
		};
	}
	if (stored.locale === locale) return { ok: true, reportId: stored.id };
	return db.transaction(() => {
		db.update(rbbReports).set({ locale }).where(eq(rbbReports.id, stored.id)).run();
		recordAudit(db, actor, 'rbb.language', label, {
			before: { locale: stored.locale },
			after: { locale }
		});
		return { ok: true as const, reportId: stored.id };
	});
}
