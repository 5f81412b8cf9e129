/**
 * What an undo did, or would do, in plain words: exactly what changed and what did not. The
 * counts are the domain's (`$lib/domain/undo`); this is their wording, in the reader's language
 * (whole sentences per case, so each language words and agrees them its own way).
 */
import type { UndoCounts } from '../domain/undo';
import { m } from '../paraglide/messages.js';
import { numberText } from './numbers';

/** The outcome of an undo in plain words: exactly what changed and what did not. */
export function undoSummary(batchId: number, counts: UndoCounts): string {
	const { deleted, restored, keptLater } = counts;
	const done =
		deleted > 0 && restored > 0
			? m.imp_undo_done_both({
					id: batchId,
					deletedCount: deleted,
					deleted: numberText(deleted),
					restoredCount: restored,
					restored: numberText(restored)
				})
			: deleted > 0
				? m.imp_undo_done_deleted({ id: batchId, count: deleted, n: numberText(deleted) })
				: restored > 0
					? m.imp_undo_done_restored({ id: batchId, count: restored, n: numberText(restored) })
					: m.imp_undo_done_nothing({ id: batchId });
	if (keptLater === 0) return done;
	return `${done} ${m.imp_undo_kept_later({ count: keptLater, n: numberText(keptLater) })}`;
}

/** The warning before an undo that would meet figures a later batch changed. */
export function conflictWarning(batchId: number, counts: UndoCounts, laterBatches: number): string {
	const { deleted, restored, keptLater } = counts;
	const changed = m.imp_undo_conflict({
		id: batchId,
		count: keptLater,
		n: numberText(keptLater),
		laterCount: laterBatches,
		later: numberText(laterBatches)
	});
	const kept = { count: keptLater };
	const anyway =
		deleted > 0 && restored > 0
			? m.imp_undo_anyway_both({
					...kept,
					deletedCount: deleted,
					deleted: numberText(deleted),
					restoredCount: restored,
					restored: numberText(restored)
				})
			: deleted > 0
				? m.imp_undo_anyway_deleted({
						...kept,
						deletedCount: deleted,
						deleted: numberText(deleted)
					})
				: restored > 0
					? m.imp_undo_anyway_restored({
							...kept,
							restoredCount: restored,
							restored: numberText(restored)
						})
					: m.imp_undo_anyway_nothing(kept);
	return `${changed} ${anyway}`;
}
