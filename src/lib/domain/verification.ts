/**
 * Who may say a figure is verified. Reported and verified figures can differ by an order of
 * magnitude, and leadership reads "verified" as someone having checked that very value, so
 * only a verifier (or an administrator) marks figures verified — in the verification
 * capability or through a file's `verification` column.
 */
import type { Verification } from './vocabulary';

export const ONLY_VERIFIERS =
	'Only a verifier may mark figures verified; leave it blank or unverified.';

/**
 * Why a line of an import may not write its `verification` cell, or null when it may. A line
 * that leaves its figure as stored (an export imported back) writes nothing and is fine; a
 * line that inserts or changes a figure may not make that version verified unless the actor
 * may verify. Blank or `unverified` is always allowed: it claims less, never more.
 */
export function verificationProblem(
	mayVerify: boolean,
	written: Verification | null | undefined,
	changesFigure: boolean
): string | null {
	if (mayVerify || written !== 'verified' || !changesFigure) return null;
	return ONLY_VERIFIERS;
}

/**
 * The warning for figures marked verified whose values a non-verifier's file changed without
 * a `verification` column: the column is absent, so the figures keep their stored mark (a
 * file's absent columns keep stored values), but the new values are not what was verified.
 */
export function changedVerifiedWarning(count: number, firstLine: number): string {
	const figures = count === 1 ? '1 figure marked verified' : `${count} figures marked verified`;
	return `${figures} changed (the first on line ${firstLine}) and ${count === 1 ? 'is' : 'are'} still marked verified: ask a verifier to review ${count === 1 ? 'it' : 'them'}, or import ${count === 1 ? 'it' : 'them'} with verification "unverified".`;
}
