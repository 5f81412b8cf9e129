import { eq } from 'drizzle-orm';
import type { Locale } from '../../../i18n/locales';
import { m } from '../../../paraglide/messages.js';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import { DB_NOW } from '../../clock';
import type { Db } from '../../db';
import { rbbReports } from '../../db/schema';
import { freezeSeries } from '../frozen-series';
import { resourceLineName } from '../../../format/rbb-parts';
import { numberText } from '../../../format/numbers';
import { freezeParts } from './frozen-parts';
import { rbbOwner, rbbSeriesQuery } from './figures';
import { loadDraft } from './draft';
import { ensureRbbReport } from './report-row';
import type { SaveOutcome } from './save-text';

/**
 * Issues a report: freezes every indicator's budget-year series as it is now (frozen-series.ts)
 * and makes the report read-only, in one transaction. From then on the report shows the
 * figures it was issued with, whatever is imported later. It is issued in the language it was
 * shown in (`locale`, else the draft's, else the reader's), and keeps it for every reader.
 */
export function issueRbbReport(
	db: Db,
	actor: Actor,
	budgetYear: string,
	locale?: Locale | null
): SaveOutcome {
	const draft = loadDraft(
		db,
		actor,
		budgetYear,
		(year) => m.rep_rbb_already_issued({ year }),
		locale
	);
	if (!draft.ok) return draft;
	const { report } = draft;
	const unexplained = report.resources.rows.filter((r) => r.explanationMissing);
	if (unexplained.length > 0) {
		return {
			ok: false,
			problem: 'conflict',
			message: m.rbp_issue_unexplained({
				threshold: m.rbp_percent({ value: numberText(report.resources.threshold) }),
				lines: unexplained
					.map((l) => (l.category ? `${resourceLineName(l)} · ${l.category}` : resourceLineName(l)))
					.join('; ')
			})
		};
	}
	const codes = report.objectives.flatMap((o) => [
		...o.achievements.map((r) => r.code),
		...o.outputs.flatMap((out) => out.indicators.map((r) => r.code))
	]);
	return db.transaction(() => {
		const { id } = ensureRbbReport(db, actor, report.year.label, report.locale);
		const frozen = freezeSeries(db, actor, rbbOwner(id), codes, rbbSeriesQuery(report.year));
		const parts = freezeParts(db, id, report.year.label);
		db.update(rbbReports)
			.set({
				status: 'issued',
				issuedBy: actor.username,
				issuedAt: DB_NOW,
				locale: report.locale
			})
			.where(eq(rbbReports.id, id))
			.run();
		recordAudit(db, actor, 'rbb.issue', report.year.label, {
			frozenSeries: frozen,
			frozenOutputs: parts.outputs.length,
			frozenResourceLines: parts.resources.lines.length,
			before: { status: 'draft' },
			after: { status: 'issued' },
			locale: report.locale
		});
		return { ok: true as const, reportId: id };
	});
}
