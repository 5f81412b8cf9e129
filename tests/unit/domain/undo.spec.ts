import { describe, expect, test } from 'vitest';
import { restorationOf, whyNotUndoable, type FigureVersion } from '$lib/domain/undo';
import { conflictWarning, undoSummary } from '$lib/format/undo-text';

/** A figure's recorded versions: batch 1 wrote 5, batch 2 replaced it with 6, batch 3 with 8. */
const versions: FigureVersion<{ value: number }>[] = [
	{ previousBatch: 1, replacedBy: 2, previous: { value: 5 } },
	{ previousBatch: 2, replacedBy: 3, previous: { value: 6 } }
];
const none = () => false;

describe('what a figure goes back to', () => {
	test('the version the undone batch replaced', () => {
		expect(restorationOf(versions, 3, none)).toEqual({
			action: 'restore',
			batch: 2,
			version: { value: 6 }
		});
	});

	test('a figure the batch first wrote is deleted', () => {
		expect(restorationOf(versions, 1, none)).toEqual({ action: 'delete' });
		expect(restorationOf([], 7, none)).toEqual({ action: 'delete' });
	});

	test('a version from an undone batch is skipped for the one before it', () => {
		expect(restorationOf(versions, 3, (b) => b === 2)).toEqual({
			action: 'restore',
			batch: 1,
			version: { value: 5 }
		});
	});

	test('when every earlier batch is undone the figure is deleted', () => {
		expect(restorationOf(versions, 3, (b) => b < 3)).toEqual({ action: 'delete' });
	});

	test('a version that names no batch is restored as it is, for the caller to refuse', () => {
		expect(
			restorationOf([{ previousBatch: null, replacedBy: 4, previous: { value: 1 } }], 4, none)
		).toEqual({ action: 'restore', batch: null, version: { value: 1 } });
	});

	test('a loop in damaged history ends instead of running forever', () => {
		const loop = [
			{ previousBatch: 5, replacedBy: 6, previous: { value: 1 } },
			{ previousBatch: 6, replacedBy: 5, previous: { value: 2 } }
		];
		expect(restorationOf(loop, 6, () => true)).toEqual({
			action: 'restore',
			batch: 6,
			version: { value: 2 }
		});
	});
});

describe('what an undo says', () => {
	test('counts in words, singular and plural', () => {
		expect(undoSummary(4, { deleted: 1, restored: 2, keptLater: 0 })).toBe(
			'Import #4 undone: 1 figure it had added deleted, and 2 figures it had changed given their previous values back.'
		);
		expect(undoSummary(4, { deleted: 0, restored: 1, keptLater: 3 })).toBe(
			'Import #4 undone: 1 figure it had changed given its previous value back. 3 figures that a later import changed were left as they are.'
		);
	});

	test('an undo that changes no figure says so', () => {
		expect(undoSummary(9, { deleted: 0, restored: 0, keptLater: 1 })).toBe(
			'Import #9 undone: none of its figures still held its values, so no figure changed. 1 figure that a later import changed was left as it is.'
		);
	});

	test('large numbers are grouped', () => {
		expect(undoSummary(2, { deleted: 12345, restored: 0, keptLater: 0 })).toBe(
			'Import #2 undone: 12,345 figures it had added deleted.'
		);
	});

	test('the warning names the later imports and what undoing anyway does', () => {
		expect(conflictWarning(3, { deleted: 2, restored: 1, keptLater: 4 }, 2)).toBe(
			'4 figures that import #3 wrote have since been changed by 2 later imports. Undoing it anyway deletes 2 figures it added and gives 1 figure it changed its previous value back, and leaves those figures as they are.'
		);
		expect(conflictWarning(3, { deleted: 0, restored: 0, keptLater: 1 }, 1)).toBe(
			'1 figure that import #3 wrote has since been changed by a later import. Undoing it anyway changes no other figure, and leaves that figure as it is.'
		);
	});
});

describe('which batches can be undone', () => {
	test('figures can; the other kinds keep no previous version, and say so', () => {
		expect(whyNotUndoable('observations')).toBeNull();
		expect(whyNotUndoable('sites')).toBeNull();
		expect(whyNotUndoable('areas')).toContain(
			'for areas the importer keeps the current version of each row but not the one a file replaced'
		);
	});
});
