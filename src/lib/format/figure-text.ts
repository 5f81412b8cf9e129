import { m } from '../paraglide/messages.js';
import { numberText } from './numbers';

/**
 * How the import history writes a stored figure and its breakdown. The history lists figures
 * of any indicator side by side, so numbers are shown as stored, without a measure's unit.
 */
export interface FigureNumbersText {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
}

const number = (n: number | null) => (n === null ? '—' : numberText(n));

/** A value, or numerator / denominator when the figure was given as a pair. */
export function figureText(f: FigureNumbersText): string {
	if (f.value !== null) return number(f.value);
	return `${number(f.numerator)} / ${number(f.denominator)}`;
}

/** Dimension values as `sex: female, age: child`; `total` for a figure of every category. */
export function breakdownText(dimensions: Record<string, string>): string {
	return (
		Object.entries(dimensions)
			.map(([k, v]) => `${k}: ${v}`)
			.join(', ') || m.dash_breakdown_total()
	);
}

/** A size in bytes as people read it: 812 B, 14.2 KB, 3.1 MB; French 14,2 Ko (1 KB = 1,024 bytes). */
export function sizeText(bytes: number): string {
	const units = [m.dash_size_b, m.dash_size_kb, m.dash_size_mb, m.dash_size_gb];
	let size = bytes;
	let unit = 0;
	while (size >= 1024 && unit < units.length - 1) {
		size /= 1024;
		unit++;
	}
	const digits = unit === 0 || size >= 100 ? 0 : 1;
	return units[unit]!({ n: numberText(size, { maximumFractionDigits: digits }) });
}
