import { eq } from 'drizzle-orm';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import { DB_NOW } from '../../clock';
import type { Db } from '../../db';
import { rbbReports } from '../../db/schema';
import { freezeSeries } from '../frozen-series';
import { rbbOwner, rbbSeriesQuery } from './figures';
import { loadDraft } from './draft';
import { ensureRbbReport } from './report-row';
import type { SaveOutcome } from './save-text';

/**
 * Issues a report: freezes every indicator's budget-year series as it is now (frozen-series.ts)
 * and makes the report read-only, in one transaction. From then on the report shows the
 * figures it was issued with, whatever is imported later.
 */
export function issueRbbReport(db: Db, actor: Actor, budgetYear: string): SaveOutcome {
	const draft = loadDraft(
		db,
		actor,
		budgetYear,
		(year) => `The report for ${year} was already issued.`
	);
	if (!draft.ok) return draft;
	const { report } = draft;
	const codes = report.objectives.flatMap((o) => [
		...o.achievements.map((r) => r.code),
		...o.outputs.flatMap((out) => out.indicators.map((r) => r.code))
	]);
	return db.transaction(() => {
		const { id } = ensureRbbReport(db, actor, report.year.label);
		const frozen = freezeSeries(db, actor, rbbOwner(id), codes, rbbSeriesQuery(report.year));
		db.update(rbbReports)
			.set({
				status: 'issued',
				issuedBy: actor.username,
				issuedAt: DB_NOW
			})
			.where(eq(rbbReports.id, id))
			.run();
		recordAudit(db, actor, 'rbb.issue', report.year.label, {
			frozenSeries: frozen,
			before: { status: 'draft' },
			after: { status: 'issued' }
		});
		return { ok: true as const, reportId: id };
	});
}
