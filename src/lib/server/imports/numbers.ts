/**
 * Numbers as spreadsheets write them (formats.md §1.0). The delimiter decides the decimal
 * mark: semicolon files come from locales that write `12,5`.
 */
export type Delimiter = ',' | ';' | '\t';

export type NumberResult = { ok: true; value: number } | { ok: false; message: string };

// groups of three digits with a thousands mark, or plain digits
const plain = String.raw`\d+`;
function grouped(mark: string) {
	return String.raw`\d{1,3}(?:${mark}\d{3})+`;
}

function escape(mark: string): string {
	return mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pattern(decimal: string, thousands: string): RegExp {
	const d = escape(decimal);
	const intPart = `(?:${grouped(escape(thousands))}|${grouped(' ')}|${plain})`;
	return new RegExp(`^[-+]?(?:${intPart}(?:${d}\\d+)?|${d}\\d+)$`);
}

const COMMA_FILE = pattern('.', ',');
const SEMICOLON_FILE = pattern(',', '.');

export function parseNumber(raw: string, delimiter: Delimiter, allowPercent = false): NumberResult {
	let text = raw.trim().replace(/\u00a0/g, ' ');
	if (allowPercent && text.endsWith('%')) text = text.slice(0, -1).trimEnd();
	const semicolon = delimiter === ';';
	if (!(semicolon ? SEMICOLON_FILE : COMMA_FILE).test(text)) {
		return {
			ok: false,
			message: semicolon
				? 'is not a number: in a semicolon-separated file write numbers like 1234,5 or 1.234,5'
				: 'is not a number: write numbers like 1234.5 or "1,234.5"'
		};
	}
	const normalised = semicolon
		? text.replace(/[. ]/g, '').replace(',', '.')
		: text.replace(/[, ]/g, '');
	const value = Number(normalised);
	// hundreds of digits pass the pattern and would be stored as Infinity
	if (!Number.isFinite(value)) return { ok: false, message: 'is too large to be a figure' };
	return { ok: true, value };
}
