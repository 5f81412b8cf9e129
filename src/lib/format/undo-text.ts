/**
 * What an undo did, or would do, in plain words: exactly what changed and what did not. The
 * counts are the domain's (`$lib/domain/undo`); this is their wording.
 */
import type { UndoCounts } from '../domain/undo';
import { numberText } from './numbers';

const figures = (n: number) => `${numberText(n)} figure${n === 1 ? '' : 's'}`;

/** What an undo does to the figures that still hold the batch's values, as a list of phrases. */
function changes(counts: UndoCounts, tense: 'done' | 'to do'): string[] {
	const parts: string[] = [];
	const one = (n: number, single: string, plural: string) => (n === 1 ? single : plural);
	if (counts.deleted > 0) {
		parts.push(
			tense === 'done'
				? `${figures(counts.deleted)} it had added deleted`
				: `deletes ${figures(counts.deleted)} it added`
		);
	}
	if (counts.restored > 0) {
		parts.push(
			tense === 'done'
				? `${figures(counts.restored)} it had changed given ${one(counts.restored, 'its previous value', 'their previous values')} back`
				: `gives ${figures(counts.restored)} it changed ${one(counts.restored, 'its previous value', 'their previous values')} back`
		);
	}
	return parts;
}

/** The outcome of an undo in plain words: exactly what changed and what did not. */
export function undoSummary(batchId: number, counts: UndoCounts): string {
	const parts = changes(counts, 'done');
	const done =
		parts.length > 0
			? `Import #${batchId} undone: ${parts.join(', and ')}.`
			: `Import #${batchId} undone: none of its figures still held its values, so no figure changed.`;
	if (counts.keptLater === 0) return done;
	const single = counts.keptLater === 1;
	return `${done} ${figures(counts.keptLater)} that a later import changed ${single ? 'was left as it is' : 'were left as they are'}.`;
}

/** The warning before an undo that would meet figures a later batch changed. */
export function conflictWarning(batchId: number, counts: UndoCounts, laterBatches: number): string {
	const single = counts.keptLater === 1;
	const imports = laterBatches === 1 ? 'a later import' : `${laterBatches} later imports`;
	const parts = changes(counts, 'to do');
	const rest = parts.length > 0 ? parts.join(' and ') : 'changes no other figure';
	return `${figures(counts.keptLater)} that import #${batchId} wrote ${single ? 'has' : 'have'} since been changed by ${imports}. Undoing it anyway ${rest}, and leaves ${single ? 'that figure as it is' : 'those figures as they are'}.`;
}
