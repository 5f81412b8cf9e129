/**
 * The rules of undoing an import batch of figures, pure so they can be tested alone. The
 * database keeps, for every replaced version of a figure, the version itself, the batch that
 * wrote it and the batch that replaced it (observation_history). That record is never
 * rewritten: undoing a batch only changes the figures and marks the batch undone, and these
 * rules read the record to know what each figure goes back to.
 */

import { m } from '../paraglide/messages.js';

/** One replaced version of a figure: `replacedBy` overwrote `previous`, written by `previousBatch`. */
export interface FigureVersion<T> {
	previousBatch: number | null;
	replacedBy: number;
	previous: T;
}

/** What a figure holding an undone batch's value becomes. */
export type Restoration<T> =
	{ action: 'delete' } | { action: 'restore'; batch: number | null; version: T };

/**
 * What a figure goes back to when `batch`'s version of it is undone: the version that batch
 * replaced; when that version came from a batch that is itself undone (it was kept only because
 * this later batch had changed it), the version *that* batch replaced, and so on — the figure
 * as if none of the undone batches had been imported. A figure first written by an undone
 * batch is deleted.
 */
export function restorationOf<T>(
	versions: readonly FigureVersion<T>[],
	batch: number,
	isUndone: (batch: number) => boolean
): Restoration<T> {
	const seen = new Set<number>();
	let current = batch;
	for (;;) {
		seen.add(current);
		const replaced = versions.find((v) => v.replacedBy === current);
		if (!replaced) return { action: 'delete' };
		const origin = replaced.previousBatch;
		// batch ids grow, so a version always comes from an earlier batch; `seen` guards bad data
		if (origin === null || !isUndone(origin) || seen.has(origin)) {
			return { action: 'restore', batch: origin, version: replaced.previous };
		}
		current = origin;
	}
}

/**
 * Why a batch of this kind cannot be undone, or null when it can. Only figures and sites keep
 * the version a file replaced (observation_history, site_history); areas, framework and
 * indicators keep the current version of each row alone, so an undo would have nothing to put
 * back.
 */
export function whyNotUndoable(kind: string): string | null {
	// a list's batch holds figures too (formats.md §5.3), with the versions it replaced or removed
	if (kind === 'observations' || kind === 'list' || kind === 'sites') return null;
	return m.impmsg_undo_kind_not_undoable({ kind });
}

/** What an undo did, or would do, to a batch's figures. */
export interface UndoCounts {
	/** figures the batch inserted, deleted */
	deleted: number;
	/** figures the batch updated, given their previous version back */
	restored: number;
	/** figures a later batch changed since, left as they are */
	keptLater: number;
}
