import type Database from 'better-sqlite3';
import { m } from '../../paraglide/messages.js';
import { FIGURE_COLUMNS } from '../../domain/columns';
import {
	areaProblem,
	componentProblem,
	parentsIn,
	writeLimits,
	type AssignedScope,
	indicatorSubject
} from '../../domain/planner-scope';
import {
	restorationOf,
	whyNotUndoable,
	type FigureVersion,
	type Restoration,
	type UndoCounts
} from '../../domain/undo';
import { conflictWarning, undoSummary } from '../../format/undo-text';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import { recordAudit } from '../audit/record';
import { NOW_SQL } from '../clock';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { findLaterChanges, type LaterChanges } from './undo-conflicts';
import { undoSites } from './undo-sites';

export interface UndoOptions {
	/** go ahead although later batches changed some of the batch's figures */
	confirm?: boolean;
}

export type UndoResult =
	| { ok: true; batchId: number; counts: UndoCounts; later: LaterChanges; message: string }
	| {
			ok: false;
			problem: 'confirmation_required';
			batchId: number;
			counts: UndoCounts;
			later: LaterChanges;
			message: string;
	  }
	| {
			ok: false;
			problem: 'not_found' | 'already_undone' | 'not_undoable' | 'outside_scope' | 'busy';
			batchId: number;
			message: string;
	  };

interface BatchRow {
	id: number;
	file_name: string;
	kind: string;
	undone_at: string | null;
	undone_by: string | null;
}

/** A stored version as observation_history keeps it: the figure's columns by name. */
type StoredVersion = Record<string, string | number | null>;

/** Why an undo stopped inside its transaction; everything it did is rolled back. */
class UndoRefused extends Error {}

/**
 * Undoes an import batch of figures (observations), in one transaction: figures the batch
 * inserted are deleted, figures it updated get back the version it replaced, and the batch is
 * marked undone (by whom, when); it cannot be undone twice.
 *
 * Figures a later batch changed since are never overwritten: without `confirm` nothing is
 * done and they are returned, with the later batches, for the planner to decide; with
 * `confirm` the batch's other figures are undone and those are left as the later batch left
 * them, and said so. The history is only read, never rewritten, so a later undo of that later
 * batch still finds what it replaced (see restorationOf for how it skips undone batches).
 *
 * Batches of areas, framework and indicators are refused: their importer keeps only the
 * current version of each row, so there is no previous version to restore.
 */
export function undoBatch(
	db: Db,
	actor: Actor,
	batchId: number,
	options: UndoOptions = {}
): UndoResult {
	authorize(actor, 'import');
	const client = db.$client;
	try {
		return client
			.transaction(() => undoInTransaction(client, db, actor, batchId, options))
			.immediate();
	} catch (e) {
		if (e instanceof UndoRefused)
			return { ok: false, problem: 'not_undoable', batchId, message: e.message };
		if ((e as { code?: string }).code === 'SQLITE_BUSY') {
			return {
				ok: false,
				problem: 'busy',
				batchId,
				message: m.impmsg_undo_busy()
			};
		}
		throw e;
	}
}

function undoInTransaction(
	client: Database.Database,
	db: Db,
	actor: Actor,
	batchId: number,
	options: UndoOptions
): UndoResult {
	const batch = client
		.prepare('SELECT id, file_name, kind, undone_at, undone_by FROM import_batches WHERE id = ?')
		.get(batchId) as BatchRow | undefined;
	if (!batch) {
		return {
			ok: false,
			problem: 'not_found',
			batchId,
			message: m.impmsg_undo_no_import({ batch: String(batchId) })
		};
	}
	if (batch.undone_at !== null) {
		return {
			ok: false,
			problem: 'already_undone',
			batchId,
			message: m.impmsg_undo_already({
				batch: String(batchId),
				when: batch.undone_at.slice(0, 16).replace('T', ' '),
				user: batch.undone_by ?? ''
			})
		};
	}
	const why = whyNotUndoable(batch.kind);
	if (why !== null) {
		return {
			ok: false,
			problem: 'not_undoable',
			batchId,
			message: m.impmsg_undo_not_undoable({ batch: String(batchId), kind: batch.kind, why })
		};
	}

	const limits = writeLimits(actor);
	const outside = limits && figureOutsideScope(client, db, limits, batchId);
	if (outside) {
		return {
			ok: false,
			problem: 'outside_scope',
			batchId,
			message: m.impmsg_undo_outside_scope({ batch: String(batchId), problem: outside })
		};
	}

	if (batch.kind === 'sites') {
		const { counts, message } = undoSites(client, batchId);
		markUndone(client, db, actor, batch, counts, []);
		return { ok: true, batchId, counts, later: { count: 0, batches: [], figures: [] }, message };
	}

	const later = findLaterChanges(db, batchId);
	const actions = figureActions(client, batchId);
	if (later.count > 0 && !options.confirm) {
		const counts = countActions(actions, later.count);
		return {
			ok: false,
			problem: 'confirmation_required',
			batchId,
			counts,
			later,
			message: conflictWarning(batchId, counts, later.batches.length)
		};
	}

	// read before the batch's own figures are undone, which may delete some of them
	const removed = removedBy(client, batchId);
	const counts = applyActions(client, actions, later.count);
	counts.restored += restoreRemoved(client, removed);
	// The freshness of an indicator whose last figures came from this batch: the latest batch
	// whose figures it still holds (batch ids grow with time), or none.
	client
		.prepare(
			`UPDATE indicators SET last_batch_id =
			 (SELECT max(o.batch_id) FROM observations o WHERE o.indicator_id = indicators.id)
			 WHERE last_batch_id = ?`
		)
		.run(batchId);
	markUndone(
		client,
		db,
		actor,
		batch,
		counts,
		later.batches.map((b) => b.id)
	);
	return { ok: true, batchId, counts, later, message: undoSummary(batchId, counts) };
}

/** Marks the batch undone (by whom, when) and records the undo in the audit log. */
function markUndone(
	client: Database.Database,
	db: Db,
	actor: Actor,
	batch: BatchRow,
	counts: UndoCounts,
	laterBatches: number[]
): void {
	client
		.prepare(
			`UPDATE import_batches SET undone_at = ${NOW_SQL}, undone_by = ?
			 WHERE id = ? AND undone_at IS NULL`
		)
		.run(actor.username, batch.id);
	recordAudit(db, actor, 'undo', batch.id, {
		file: batch.file_name,
		kind: batch.kind,
		...counts,
		laterBatches
	});
}

/**
 * Why a planner limited to components or areas may not undo a batch: the first figure it wrote
 * (inserted, or updated — whatever it holds now) outside their scope, in words; null when all
 * are inside. Undoing writes each of those figures, so each must be theirs to write.
 */
function figureOutsideScope(
	client: Database.Database,
	db: Db,
	limits: AssignedScope,
	batchId: number
): string | null {
	const written = client
		.prepare(
			`SELECT indicator_id AS indicatorId, area_id AS areaId FROM observations WHERE batch_id = ?
			 UNION
			 SELECT json_extract(previous, '$.indicator_id'), json_extract(previous, '$.area_id')
			 FROM observation_history WHERE replaced_by_batch_id = ?`
		)
		.all(batchId, batchId) as { indicatorId: number; areaId: number | null }[];
	const indicators = new Map(
		(
			client.prepare('SELECT id, code, component FROM indicators').all() as {
				id: number;
				code: string;
				component: string | null;
			}[]
		).map((i) => [i.id, i])
	);
	const tree = loadAreaTree(db);
	const parents = parentsIn(tree);
	for (const { indicatorId, areaId } of written) {
		const indicator = indicators.get(indicatorId);
		const component =
			indicator && componentProblem(limits, indicator.component, indicatorSubject(indicator.code));
		if (component) return component;
		const code = areaId === null ? null : (tree.get(areaId)?.code ?? null);
		const area = areaProblem(limits, code, parents);
		if (area) return area;
	}
	return null;
}

interface FigureAction {
	id: number;
	restoration: Restoration<StoredVersion>;
}

/**
 * What undoing the batch does to each figure that still holds its values. The ids are read
 * first (a scan: there is deliberately no index on batch_id), then each figure's versions by
 * its indexed id, one figure at a time, so a batch of millions is never held as versions.
 */
function* figureActions(client: Database.Database, batchId: number): Generator<FigureAction> {
	const ids = (
		client.prepare('SELECT id FROM observations WHERE batch_id = ? ORDER BY id').all(batchId) as {
			id: number;
		}[]
	).map((r) => r.id);
	const updated = new Set(
		(
			client
				.prepare(
					'SELECT observation_id AS id FROM observation_history WHERE replaced_by_batch_id = ?'
				)
				.all(batchId) as { id: number }[]
		).map((r) => r.id)
	);
	const undone = new Set(
		(
			client.prepare('SELECT id FROM import_batches WHERE undone_at IS NOT NULL').all() as {
				id: number;
			}[]
		).map((r) => r.id)
	);
	const versionsOf = client.prepare(
		`SELECT previous, previous_batch_id AS previousBatch, replaced_by_batch_id AS replacedBy
		 FROM observation_history WHERE observation_id = ?`
	);
	for (const id of ids) {
		// a figure the batch did not update was inserted by it: no version to look for
		if (!updated.has(id)) {
			yield { id, restoration: { action: 'delete' } };
			continue;
		}
		const versions = (
			versionsOf.all(id) as { previous: string; previousBatch: number | null; replacedBy: number }[]
		).map((v): FigureVersion<StoredVersion> => ({
			previousBatch: v.previousBatch,
			replacedBy: v.replacedBy,
			previous: JSON.parse(v.previous) as StoredVersion
		}));
		yield { id, restoration: restorationOf(versions, batchId, (b) => undone.has(b)) };
	}
}

function countActions(actions: Iterable<FigureAction>, keptLater: number): UndoCounts {
	const counts: UndoCounts = { deleted: 0, restored: 0, keptLater };
	for (const { restoration } of actions) {
		if (restoration.action === 'delete') counts.deleted++;
		else counts.restored++;
	}
	return counts;
}

/** The columns a removed figure is put back with: its key and every column an import writes. */
const REINSERTED = [
	'indicator_id',
	'period',
	'period_start',
	'period_end',
	'area_id',
	'dimension_set_id',
	'value_type',
	...FIGURE_COLUMNS,
	'source_line',
	'list_rows'
] as const;

interface RemovedFigure {
	id: number;
	previous: string;
	batch: number;
}

/**
 * Figures the batch removed (a list removes what its rule no longer produces within what it
 * covers, formats.md §5.3 step 6): versions it replaced whose figure is gone, and that no later
 * batch replaced since (a later change stands, as it does for updated figures).
 */
function removedBy(client: Database.Database, batchId: number): RemovedFigure[] {
	return client
		.prepare(
			`SELECT h.observation_id AS id, h.previous, h.previous_batch_id AS batch
			 FROM observation_history h
			 WHERE h.replaced_by_batch_id = ?
			 AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.id = h.observation_id)
			 AND NOT EXISTS (SELECT 1 FROM observation_history l
			   WHERE l.observation_id = h.observation_id AND l.replaced_by_batch_id > h.replaced_by_batch_id)`
		)
		.all(batchId) as RemovedFigure[];
}

/**
 * Puts removed figures back as they were, under their own id, with the batch that wrote them.
 * A key written again since (a later import) keeps the later figure.
 */
function restoreRemoved(client: Database.Database, removed: readonly RemovedFigure[]): number {
	const insert = client.prepare(
		`INSERT INTO observations (id, ${REINSERTED.join(', ')}, batch_id)
		 VALUES (?, ${REINSERTED.map(() => '?').join(', ')}, ?) ON CONFLICT DO NOTHING`
	);
	let restored = 0;
	for (const { id, previous, batch } of removed) {
		const version = JSON.parse(previous) as StoredVersion;
		restored += insert.run(id, ...REINSERTED.map((c) => version[c] ?? null), batch).changes;
	}
	return restored;
}

/** The columns a restore puts back: those an import writes when it updates a figure. */
const RESTORED = [...FIGURE_COLUMNS, 'period', 'source_line', 'list_rows'] as const;

function applyActions(
	client: Database.Database,
	actions: Iterable<FigureAction>,
	keptLater: number
): UndoCounts {
	const remove = client.prepare('DELETE FROM observations WHERE id = ?');
	const restore = client.prepare(
		`UPDATE observations SET ${RESTORED.map((c) => `${c} = ?`).join(', ')}, batch_id = ? WHERE id = ?`
	);
	const counts: UndoCounts = { deleted: 0, restored: 0, keptLater };
	for (const { id, restoration } of actions) {
		if (restoration.action === 'delete') {
			remove.run(id);
			counts.deleted++;
			continue;
		}
		if (restoration.batch === null) {
			throw new UndoRefused(m.impmsg_undo_previous_unknown({ figure: String(id) }));
		}
		const version = restoration.version;
		restore.run(...RESTORED.map((c) => version[c] ?? null), restoration.batch, id);
		counts.restored++;
	}
	return counts;
}
