/**
 * The money of the RBB report (docs/formats.md "Resources", docs/reports.md): apportionment
 * against expenditure, in US dollars, per framework component or expected accomplishment. Pure,
 * so the page, the downloads, the issue check and the tests apply one rule.
 *
 * The variance is apportionment − expenditure: positive when less was spent than apportioned,
 * negative for an overspend. Its percent is of the apportionment, rounded to one decimal as the
 * report shows it, and the rule judges that shown figure: an explanation is required when the
 * shown |variance %| is above the threshold the SPU sets (5 % unless set), so a line at exactly
 * the threshold needs none. A line with no apportionment has no percent: any expenditure on it
 * is unplanned and needs an explanation.
 */
import { m } from '../paraglide/messages.js';

/** The threshold when the SPU has set none, in percent. */
export const DEFAULT_VARIANCE_THRESHOLD = 5;

export interface ResourceLine {
	budgetYear: string;
	/** a framework component, or null when the line is an expected accomplishment's */
	component: string | null;
	/** an objective's code (expected accomplishment), or null when the line is a component's */
	objective: string | null;
	/** the cost category ("Civilian personnel"), '' for none */
	category: string;
	apportionment: number;
	expenditure: number;
	explanation: string | null;
	/** the stored line's id, for the form that explains it (absent in an issued report) */
	id?: number;
}

export interface Variance {
	/** apportionment − expenditure, to the cent */
	amount: number;
	/** of the apportionment, rounded to one decimal; null when nothing was apportioned */
	percent: number | null;
}

/** Dollars as whole cents, so sums and differences are exact. */
const cents = (dollars: number) => Math.round(dollars * 100);

/** a / b rounded to the nearest tenth, halves away from zero, from integers (no float drift). */
function tenths(numerator: number, denominator: number): number {
	const sign = Math.sign(numerator) * Math.sign(denominator);
	const n = Math.abs(numerator) * 1000;
	const d = Math.abs(denominator);
	return (sign * Math.floor((2 * n + d) / (2 * d))) / 10 || 0;
}

export function varianceOf(apportionment: number, expenditure: number): Variance {
	const apportioned = cents(apportionment);
	const amount = apportioned - cents(expenditure);
	return {
		amount: amount / 100,
		percent: apportioned === 0 ? null : tenths(amount, apportioned)
	};
}

/** Whether a variance needs the SPU's explanation under a threshold (percent). */
export function explanationRequired(variance: Variance, threshold: number): boolean {
	if (variance.percent === null) return variance.amount !== 0;
	return Math.abs(variance.percent) > threshold;
}

export interface ResourceRow extends ResourceLine {
	variance: Variance;
	explanationRequired: boolean;
	/** required and not written */
	explanationMissing: boolean;
}

export interface ResourceTotals {
	apportionment: number;
	expenditure: number;
	variance: Variance;
}

export interface ResourceTable {
	threshold: number;
	rows: ResourceRow[];
	/** null when there are no lines */
	totals: ResourceTotals | null;
}

/** What a line is about, for messages and the report: "Civilian personnel, PO1" and the like. */
export function resourceSubject(line: Pick<ResourceLine, 'component' | 'objective' | 'category'>) {
	const subject = line.component ?? line.objective ?? '';
	return line.category ? `${subject} · ${line.category}` : subject;
}

/** The lines of a year with their variances, in a stable order, and their totals. */
export function resourceTable(lines: readonly ResourceLine[], threshold: number): ResourceTable {
	const rows = [...lines]
		.sort(
			(a, b) =>
				Number(a.objective === null) - Number(b.objective === null) ||
				(a.objective ?? a.component ?? '').localeCompare(b.objective ?? b.component ?? '', 'en', {
					numeric: true
				}) ||
				a.category.localeCompare(b.category, 'en')
		)
		.map((line): ResourceRow => {
			const variance = varianceOf(line.apportionment, line.expenditure);
			const required = explanationRequired(variance, threshold);
			return {
				...line,
				variance,
				explanationRequired: required,
				explanationMissing: required && !line.explanation?.trim()
			};
		});
	if (rows.length === 0) return { threshold, rows, totals: null };
	const apportionment = rows.reduce((sum, r) => sum + cents(r.apportionment), 0) / 100;
	const expenditure = rows.reduce((sum, r) => sum + cents(r.expenditure), 0) / 100;
	return {
		threshold,
		rows,
		totals: { apportionment, expenditure, variance: varianceOf(apportionment, expenditure) }
	};
}

/** Why a threshold cannot be one, or null: a percent from 0 to 100. */
export function thresholdProblem(value: number): string | null {
	return Number.isFinite(value) && value >= 0 && value <= 100
		? null
		: m.rbp_threshold_invalid({ value: String(value) });
}

/** Currency words the finance office's files may carry: US dollars only, said plainly. */
const DOLLARS = /^(?:US\$|\$|USD\s*)?\s*(.*?)\s*(?:USD|US\$|\$)?$/i;
const OTHER_CURRENCY = /[€£¥₣]|\b(?:EUR|GBP|XAF|XOF|CDF|CFA|SSP|SDG)\b/i;

/**
 * An amount's text without the US-dollar sign or code it may carry (`$1,234`, `1 234 USD`);
 * another currency is refused: amounts are in US dollars. The number rules are the caller's.
 */
export function dollarText(
	value: string
): { ok: true; text: string } | { ok: false; message: string } {
	if (OTHER_CURRENCY.test(value))
		return { ok: false, message: m.rbp_amount_not_dollars({ value }) };
	return { ok: true, text: DOLLARS.exec(value.trim())![1]! };
}
