/**
 * The rules of a planned output (docs/formats.md "Outputs"), pure so they are tested alone: an
 * output node plans, for a budget year, either a quantity ("240" patrols) or a deliverable
 * ("yes": a strategy delivered), and reports what it completed the same way — a number for a
 * quantity, yes or no for a deliverable. Numbers are read by the caller (the contract's rules
 * depend on the file's delimiter); this module says which kind a cell is and what is wrong.
 */
import { m } from '../paraglide/messages.js';

export const OUTPUT_KINDS = ['quantity', 'deliverable'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** The words a deliverable is written with, in both languages; stored as 1 and 0. */
const YES = ['yes', 'oui'];
const NO = ['no', 'non'];

/** true/false when the text is yes or no (oui/non), null when it is not one of them. */
export function yesNo(text: string): boolean | null {
	const word = text.trim().toLowerCase();
	if (YES.includes(word)) return true;
	if (NO.includes(word)) return false;
	return null;
}

/** What a plan stores: a deliverable's yes/no as 1/0, a quantity as itself. */
export interface OutputPlanValues {
	kind: OutputKind;
	planned: number;
	/** null: not reported yet */
	completed: number | null;
}

/** Why a number cannot be a planned or completed quantity, or null when it can. */
export function quantityProblem(value: string, n: number): string | null {
	return n < 0 ? m.rbp_output_negative({ value }) : null;
}

/**
 * Why a completed cell does not fit the plan: a deliverable is completed yes or no, a quantity
 * with a number. `completedYesNo` is the cell read as yes/no (null when it is not one).
 */
export function completedProblem(
	kind: OutputKind,
	value: string,
	completedYesNo: boolean | null
): string | null {
	if (kind === 'deliverable' && completedYesNo === null) {
		return m.rbp_output_deliverable_number({ value });
	}
	if (kind === 'quantity' && completedYesNo !== null) {
		return m.rbp_output_quantity_yes_no({ value });
	}
	return null;
}

/** Delivered less than planned: the remarks should say why (the report marks such a row). */
export function underPlan(plan: OutputPlanValues): boolean {
	return plan.completed !== null && plan.completed < plan.planned;
}

/** A plan's value as a file writes it: a number as it is, a deliverable as yes or no. */
export function planCell(kind: OutputKind, n: number | null): string | number | null {
	if (n === null) return null;
	if (kind === 'deliverable') return n > 0 ? 'yes' : 'no';
	return n;
}
