import type { RbbReport } from '../../../domain/rbb-report';
import type { Locale } from '../../../i18n/locales';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { authorize } from '../../permissions';
import type { Resolution } from '../../series/load-series';
import { loadRbbReport } from './load-report';

export type DraftOutcome =
	Resolution<{ report: RbbReport }> | { ok: false; problem: 'conflict'; message: string };

/**
 * The report of a budget year, for a change: the writer must be allowed to report, and an
 * issued report is read-only. `issuedMessage` says why in the words of the change refused;
 * `locale` is the language it is being written in (rbbLocale).
 */
export function loadDraft(
	db: Db,
	actor: Actor,
	budgetYear: string,
	issuedMessage: (year: string) => string,
	locale?: Locale | null
): DraftOutcome {
	authorize(actor, 'report');
	const loaded = loadRbbReport(db, actor, budgetYear, locale);
	if (!loaded.ok) return loaded;
	if (loaded.report.status === 'issued') {
		return { ok: false, problem: 'conflict', message: issuedMessage(loaded.report.year.label) };
	}
	return { ok: true, report: loaded.report };
}
