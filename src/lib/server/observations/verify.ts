/**
 * The verifier's capability: marking chosen figures verified or unverified.
 *
 * A verification is a statement about a figure's value, not a new value: the figure keeps the
 * import batch and line it came from (its provenance), and the change goes to the audit log
 * (`verification.change`, before → after for each figure), not to `observation_history`, which
 * keeps the versions import batches replaced and is what an undo restores. So a verification
 * change is not undone by undoing an import; it is reversed by marking the figures again. And
 * undoing the batch that wrote a figure takes its verification with its value: a figure the
 * batch inserted is deleted, one it updated gets back the version it replaced, with the
 * verification that version had — a verification vouches for the value it was given for.
 */
import { m } from '../../paraglide/messages.js';
import { numberText } from '../../format/numbers';
import type { Verification } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { FigureNames, type StoredFigureKey } from '../imports/figure-names';
import { visibleIndicatorCondition } from '../indicators/visible';
import { authorize } from '../permissions';

export type VerificationResult =
	| { ok: true; changed: number; unchanged: number; message: string }
	| { ok: false; message: string };

type StoredFigure = StoredFigureKey & {
	id: number;
	batch_id: number;
	verification: Verification | null;
};

/** A figure as a reader of the audit log recognises it: codes, period, area, breakdown. */
function figureLabel(names: FigureNames, f: StoredFigure): string {
	const name = names.of(f);
	const dimensions = Object.entries(name.dimensions).map(([d, c]) => ` ${d}=${c}`);
	return `#${f.id} ${name.indicator} ${name.period} ${name.area ?? 'mission'}${dimensions.join('')}`;
}

/**
 * Marks figures (by id) verified or unverified, in one transaction, with one audit entry per
 * import batch the changed figures came from (its subject is the batch id, as for the batch's
 * import and undo). All or nothing: an unknown figure (or one the actor may not see) or a
 * target refuses the whole request. Figures that already say so are left alone and counted.
 */
export function setVerification(
	db: Db,
	actor: Actor,
	figureIds: readonly number[],
	verification: Verification
): VerificationResult {
	authorize(actor, 'verify');
	const ids = [...new Set(figureIds)];
	if (ids.length === 0) return { ok: false, message: m.impmsg_verify_choose() };
	const visible = visibleIndicatorCondition(db, actor, 'indicator_id');
	return db.transaction((tx) => {
		const figures = db.$client
			.prepare(
				`SELECT id, batch_id, indicator_id, period, area_id, dimension_set_id, value_type,
				 verification FROM observations
				 WHERE id IN (SELECT value FROM json_each(?)) AND ${visible.sql} ORDER BY id`
			)
			.all(JSON.stringify(ids), ...visible.params) as StoredFigure[];
		if (figures.length < ids.length) {
			const found = new Set(figures.map((f) => f.id));
			const missing = ids.filter((id) => !found.has(id));
			return {
				ok: false,
				message:
					missing.length > 1
						? m.impmsg_verify_missing_more({
								figure: String(missing[0]),
								count: missing.length - 1,
								n: numberText(missing.length - 1)
							})
						: m.impmsg_verify_missing({ figure: String(missing[0]) })
			};
		}
		const target = figures.find((f) => f.value_type !== 'actual');
		if (target) {
			return {
				ok: false,
				message: m.impmsg_verify_target({ figure: String(target.id) })
			};
		}
		const changing = figures.filter((f) => f.verification !== verification);
		const update = db.$client.prepare('UPDATE observations SET verification = ? WHERE id = ?');
		for (const f of changing) update.run(verification, f.id);
		const names = new FigureNames(db);
		// Map.groupBy is not in Node 20
		const byBatch = new Map<number, StoredFigure[]>();
		for (const f of changing) byBatch.set(f.batch_id, [...(byBatch.get(f.batch_id) ?? []), f]);
		for (const [batchId, changed] of byBatch) {
			const labels = changed.map((f) => [figureLabel(names, f), f] as const);
			recordAudit(tx, actor, 'verification.change', batchId, {
				figures: changed.map((f) => f.id),
				before: Object.fromEntries(labels.map(([label, f]) => [label, f.verification])),
				after: Object.fromEntries(labels.map(([label]) => [label, verification]))
			});
		}
		const unchanged = figures.length - changing.length;
		const status =
			verification === 'verified'
				? m.impmsg_verify_word_verified()
				: m.impmsg_verify_word_unverified();
		const marked = m.impmsg_verify_marked({
			count: changing.length,
			n: String(changing.length),
			status
		});
		return {
			ok: true,
			changed: changing.length,
			unchanged,
			message:
				changing.length === 0
					? m.impmsg_verify_nothing({ count: unchanged, n: String(unchanged), status })
					: unchanged === 0
						? m.impmsg_verify_done({ marked })
						: m.impmsg_verify_done_some_already({
								marked,
								already: m.impmsg_verify_already({ count: unchanged, n: String(unchanged) })
							})
		};
	});
}
