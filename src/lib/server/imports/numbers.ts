/**
 * Numbers as spreadsheets write them (formats.md §1.0). The delimiter decides the decimal
 * mark: semicolon files come from locales that write `12,5`.
 */
import { m } from '../../paraglide/messages.js';

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
			message: semicolon ? m.impmsg_number_not_semicolon() : m.impmsg_number_not_comma()
		};
	}
	const normalised = semicolon
		? text.replace(/[. ]/g, '').replace(',', '.')
		: text.replace(/[, ]/g, '');
	const value = Number(normalised);
	// hundreds of digits pass the pattern and would be stored as Infinity
	if (!Number.isFinite(value)) return { ok: false, message: m.impmsg_number_too_large() };
	return { ok: true, value };
}
