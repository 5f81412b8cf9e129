/**
 * What a page says for a hidden small cell (the rule is the domain's, `small-cells.ts`). Exports
 * write theirs with `suppressedExportText`: a file's `<5` and `hidden` are the contract's.
 */
import type { Suppression } from '../domain/small-cells';
import { m } from '../paraglide/messages.js';
import { numberText } from './numbers';

/** What a page shows for a hidden cell: `< 5`, or `hidden` for a complement. */
export function suppressedText(why: Suppression, threshold: number): string {
	return why === 'small'
		? m.dash_suppressed_small({ threshold: numberText(threshold) })
		: m.dash_suppressed_complement();
}

/** What a page says about a hidden cell, for screen readers and as a tooltip. */
export function suppressedExplanation(why: Suppression, threshold: number): string {
	const n = numberText(threshold);
	return why === 'small'
		? m.dash_suppressed_small_why({ threshold: n })
		: m.dash_suppressed_complement_why({ threshold: n });
}
