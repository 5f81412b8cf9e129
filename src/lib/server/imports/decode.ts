/**
 * Turns a file's bytes into text by the encoding rules of formats.md §1.0: BOMs first, then
 * strict UTF-8, then Windows-1252 (what Excel writes on most field laptops).
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

const NOT_TEXT =
	'This is not a text file. Save the spreadsheet as CSV (comma, semicolon or tab separated) and import that file.';

// Bytes Windows-1252 leaves undefined: seeing one means the file is not Windows-1252 text.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, dashes…). Node's
 * TextDecoder decodes this label as Latin-1, so those 32 bytes are mapped here.
 */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const chunk = bytes.subarray(i, i + 8192);
		out += String.fromCharCode(
			...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b))
		);
	}
	return out;
}

export function decodeText(bytes: Uint8Array): DecodeResult {
	let text: string;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		text = new TextDecoder('utf-8').decode(bytes.subarray(3));
	} else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
	} else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
	} else {
		if (bytes.includes(0)) return { ok: false, message: NOT_TEXT };
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			if (bytes.some((b) => UNDEFINED_IN_1252.has(b))) return { ok: false, message: NOT_TEXT };
			text = decodeWindows1252(bytes);
		}
	}
	if (tooManyControlCharacters(text)) return { ok: false, message: NOT_TEXT };
	return { ok: true, text };
}

function tooManyControlCharacters(text: string): boolean {
	let control = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) control++;
	}
	return text.length > 0 && control / text.length > 0.01;
}
