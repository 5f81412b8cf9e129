/**
 * The words and numbers of the RBB report's planned outputs and resources, in the current
 * language: one home for the page, the HTML file and the workbook/CSV tables.
 */
import type { RbbOutputPlan } from '../domain/rbb-report';
import type { ResourceLine, Variance } from '../domain/resources';
import { m } from '../paraglide/messages.js';
import { numberText } from './numbers';

/** US dollars, whole dollars unless cents are given: `12,500,000`, `1,234.50`. */
export function dollarsText(n: number): string {
	return numberText(n, {
		minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
		maximumFractionDigits: 2
	});
}

/** A variance's percent, one decimal, with a sign for an overspend; a dash when none. */
export function variancePercentText(variance: Variance): string {
	if (variance.percent === null) return '—';
	return m.rbp_percent({
		value: numberText(variance.percent, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
	});
}

/** A planned or completed output: the number, or Yes/No for a deliverable; '' when not reported. */
export function planValueText(plan: Pick<RbbOutputPlan, 'kind'>, n: number | null): string {
	if (n === null) return '';
	if (plan.kind === 'deliverable') return n > 0 ? m.rbp_yes() : m.rbp_no();
	return numberText(n);
}

/** What a resource line is about, in words: "Expected accomplishment PO1", "Force". */
export function resourceLineName(line: Pick<ResourceLine, 'component' | 'objective'>): string {
	return line.objective !== null
		? m.rbp_accomplishment_line({ code: line.objective })
		: (line.component ?? '');
}
