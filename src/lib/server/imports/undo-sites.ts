import type Database from 'better-sqlite3';
import { m } from '../../paraglide/messages.js';
import { restorationOf, type FigureVersion, type UndoCounts } from '../../domain/undo';
import { numberText } from '../../format/numbers';
import { SITE_VERSION_COLUMNS, type SiteVersion } from './kinds/sites';

/**
 * Undoes a `sites` import inside undo.ts's transaction, by the rules figures follow
 * (domain/undo.ts): a site the batch added is deleted, a site it changed gets back the version
 * it replaced (skipping versions of undone batches), and a site a later import changed since
 * keeps that later version — sites hold no figures, so there is nothing to confirm first.
 */
export function undoSites(
	client: Database.Database,
	batchId: number
): { counts: UndoCounts; message: string } {
	const holding = client.prepare('SELECT id FROM sites WHERE batch_id = ? ORDER BY id').pluck();
	const ids = holding.all(batchId) as number[];
	const updated = new Set(
		client
			.prepare('SELECT site_id FROM site_history WHERE replaced_by_batch_id = ?')
			.pluck()
			.all(batchId) as number[]
	);
	const undone = new Set(
		client
			.prepare('SELECT id FROM import_batches WHERE undone_at IS NOT NULL')
			.pluck()
			.all() as number[]
	);
	// sites whose version from this batch a later import replaced, and that hold it no more
	const keptLater = (
		client
			.prepare(
				`SELECT count(DISTINCT h.site_id) AS n FROM site_history h JOIN sites s ON s.id = h.site_id
				 WHERE h.previous_batch_id = ? AND s.batch_id IS NOT ?`
			)
			.get(batchId, batchId) as { n: number }
	).n;
	const versionsOf = client.prepare(
		`SELECT previous, previous_batch_id AS previousBatch, replaced_by_batch_id AS replacedBy
		 FROM site_history WHERE site_id = ?`
	);
	const remove = client.prepare('DELETE FROM sites WHERE id = ?');
	const restore = client.prepare(
		`UPDATE sites SET ${SITE_VERSION_COLUMNS.map((c) => `${c} = ?`).join(', ')}, batch_id = ?
		 WHERE id = ?`
	);
	const counts: UndoCounts = { deleted: 0, restored: 0, keptLater };
	for (const id of ids) {
		const versions = updated.has(id)
			? (
					versionsOf.all(id) as {
						previous: string;
						previousBatch: number | null;
						replacedBy: number;
					}[]
				).map((v): FigureVersion<SiteVersion> => ({
					previousBatch: v.previousBatch,
					replacedBy: v.replacedBy,
					previous: JSON.parse(v.previous) as SiteVersion
				}))
			: [];
		const restoration = restorationOf(versions, batchId, (b) => undone.has(b));
		if (restoration.action === 'delete') {
			remove.run(id);
			counts.deleted++;
			continue;
		}
		const version = restoration.version;
		restore.run(...SITE_VERSION_COLUMNS.map((c) => version[c] ?? null), restoration.batch, id);
		counts.restored++;
	}
	const done = m.site_undo_done({
		id: String(batchId),
		deleted: numberText(counts.deleted),
		restored: numberText(counts.restored)
	});
	const message =
		keptLater === 0 ? done : `${done} ${m.site_undo_kept_later({ kept: numberText(keptLater) })}`;
	return { counts, message };
}
