/**
 * Encodings by the rules of formats.md §1.0: a BOM first, then strict UTF-8, then Windows-1252
 * (what Excel writes on most field laptops). Works on a stream of chunks: the sniffer sees the
 * whole file once (while hashing it), and the decoder then turns chunks into text.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { m } from '../../paraglide/messages.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type SniffResult =
	{ ok: true; encoding: Encoding; bomLength: number } | { ok: false; message: string };

/** The refusal of a file that is not text, in the current language. */
export function notTextMessage(): string {
	return m.impmsg_not_text();
}

// Bytes Windows-1252 leaves undefined: seeing one means the file is not Windows-1252 text.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, dashes…). Node's
 * TextDecoder decodes this label as Latin-1, so those 32 bytes are mapped here.
 */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

// eslint-disable-next-line no-control-regex -- looking for control bytes is the point
const SUSPECT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]/;
const CONTINUATION = /[\x80-\xbf]/g;

function isControl(code: number): boolean {
	return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
}

/** How many bytes the UTF-8 sequence this byte starts has; 0 for a byte that starts none. */
function sequenceLength(lead: number): number {
	if (lead < 0x80) return 1;
	if (lead >= 0xc2 && lead <= 0xdf) return 2;
	if (lead >= 0xe0 && lead <= 0xef) return 3;
	if (lead >= 0xf0 && lead <= 0xf4) return 4;
	return 0;
}

const isContinuation = (b: number) => (b & 0xc0) === 0x80;

/**
 * Whether a file cut in chunks is strict UTF-8, as a fatal TextDecoder decides it, without
 * decoding it: the chunks are checked by a native validation and only the sequence a cut
 * splits is put back together (the file is decoded once, for reading, instead of twice).
 */
export class Utf8Check {
	valid = true;
	/** the start of a sequence the last chunk ended inside (at most 3 bytes) */
	private pending: Uint8Array | null = null;

	push(chunk: Uint8Array): void {
		if (!this.valid || chunk.length === 0) return;
		let from = 0;
		if (this.pending) {
			// the split sequence: its start, then the continuation bytes that open this chunk
			while (from < chunk.length && from < 3 && isContinuation(chunk[from]!)) from++;
			const joined = new Uint8Array(this.pending.length + from);
			joined.set(this.pending);
			joined.set(chunk.subarray(0, from), this.pending.length);
			this.pending = null;
			if (from === chunk.length && joined.length < sequenceLength(joined[0]!)) {
				this.pending = joined; // still unfinished: the next chunk may finish it
				return;
			}
			if (!isUtf8(joined)) {
				this.valid = false;
				return;
			}
		}
		// a sequence the chunk ends inside waits for the next chunk
		let end = chunk.length;
		let back = end;
		while (back > from && end - back < 3 && isContinuation(chunk[back - 1]!)) back--;
		if (back > from && back - 1 + sequenceLength(chunk[back - 1]!) > end) {
			end = back - 1;
			this.pending = chunk.slice(end);
		}
		if (!isUtf8(chunk.subarray(from, end))) this.valid = false;
	}

	/** Once the file has ended: a sequence left unfinished is not UTF-8. */
	finish(): boolean {
		if (this.pending) this.valid = false;
		this.pending = null;
		return this.valid;
	}
}

/** Watches every chunk of a file and decides its encoding, or that it is not text. */
export class EncodingSniffer {
	private started = false;
	private bom: { encoding: Encoding; length: number } | null = null;
	private utf16: TextDecoder | null = null;
	private readonly utf8 = new Utf8Check();
	private nul = false;
	private undefinedIn1252 = false;
	private controls = 0;
	private bytes = 0;
	/** characters if the file is UTF-8: every byte that does not continue a sequence */
	private utf8Chars = 0;
	private utf16Chars = 0;

	/** The file's first bytes while fewer than a BOM's three have come (chunks may be tiny). */
	private head: Uint8Array | null = new Uint8Array(0);

	push(chunk: Uint8Array): void {
		if (this.head) {
			const head: Uint8Array = new Uint8Array(this.head.length + chunk.length);
			head.set(this.head);
			head.set(chunk, this.head.length);
			if (head.length < 3) {
				this.head = head;
				return;
			}
			this.head = null;
			chunk = head;
		}
		this.take(chunk);
	}

	/** Reads what a short file left waiting for its first three bytes. */
	private flush(): void {
		if (!this.head) return;
		const head = this.head;
		this.head = null;
		if (head.length > 0) this.take(head);
	}

	private take(chunk: Uint8Array): void {
		if (!this.started) {
			this.started = true;
			if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
				this.bom = { encoding: 'utf-8', length: 3 };
			} else if (chunk[0] === 0xff && chunk[1] === 0xfe) {
				this.bom = { encoding: 'utf-16le', length: 2 };
			} else if (chunk[0] === 0xfe && chunk[1] === 0xff) {
				this.bom = { encoding: 'utf-16be', length: 2 };
			}
			if (this.bom?.encoding.startsWith('utf-16')) {
				this.utf16 = new TextDecoder(this.bom.encoding);
				chunk = chunk.subarray(2);
			}
		}
		if (this.utf16) {
			this.countText(this.utf16.decode(chunk, { stream: true }));
			return;
		}
		this.scanBytes(chunk);
		this.bytes += chunk.length;
		this.utf8.push(chunk);
	}

	/**
	 * NUL, control and undefined Windows-1252 bytes, and the character count if the file is
	 * UTF-8. Most chunks have none of the first three, which native searches tell quickly.
	 */
	private scanBytes(chunk: Uint8Array): void {
		const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		const latin1 = buffer.toString('latin1');
		if (SUSPECT.test(latin1)) {
			for (let i = 0; i < chunk.length; i++) {
				const b = chunk[i]!;
				if (b === 0) this.nul = true;
				else if (isControl(b)) this.controls++;
				else if (UNDEFINED_IN_1252.has(b)) this.undefinedIn1252 = true;
			}
		}
		// characters if UTF-8: every byte that does not continue a multi-byte sequence
		if (!isAscii(chunk)) this.utf8Chars -= latin1.match(CONTINUATION)?.length ?? 0;
		this.utf8Chars += chunk.length;
	}

	private countText(text: string): void {
		this.utf16Chars += text.length;
		for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) this.controls++;
	}

	/**
	 * The encoding the bytes seen so far point to, before the whole file has been seen: null
	 * when they already prove it is not text (a NUL byte outside UTF-16). A later byte may
	 * still show the file is Windows-1252 after all, or not text: `result()` decides.
	 */
	provisional(): { encoding: Encoding; bomLength: number } | null {
		this.flush();
		if (this.utf16) return { encoding: this.bom!.encoding, bomLength: 2 };
		if (this.nul) return null;
		return {
			encoding: this.bom || this.utf8.valid ? 'utf-8' : 'windows-1252',
			bomLength: this.bom?.length ?? 0
		};
	}

	result(): SniffResult {
		this.flush();
		if (this.utf16) {
			this.countText(this.utf16.decode());
			if (this.controls > 0.01 * this.utf16Chars) return { ok: false, message: notTextMessage() };
			return { ok: true, encoding: this.bom!.encoding, bomLength: 2 };
		}
		this.utf8.finish();
		if (this.nul) return { ok: false, message: notTextMessage() };
		let encoding: Encoding;
		let chars: number;
		if (this.bom || this.utf8.valid) {
			encoding = 'utf-8';
			chars = this.utf8Chars;
		} else {
			if (this.undefinedIn1252) return { ok: false, message: notTextMessage() };
			encoding = 'windows-1252';
			chars = this.bytes;
		}
		if (this.controls > 0.01 * chars) return { ok: false, message: notTextMessage() };
		return { ok: true, encoding, bomLength: this.bom?.length ?? 0 };
	}
}

/** Turns chunks into text; `final` flushes what a multi-byte character left pending. */
export function createDecoder(encoding: Encoding): (chunk: Uint8Array, final?: boolean) => string {
	if (encoding === 'windows-1252') {
		return (chunk) => {
			let out = '';
			for (let i = 0; i < chunk.length; i += 8192) {
				const part = chunk.subarray(i, i + 8192);
				out += String.fromCharCode(
					...Array.from(part, (b) =>
						b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b
					)
				);
			}
			return out;
		};
	}
	const decoder = new TextDecoder(encoding, { ignoreBOM: false });
	return (chunk, final = false) => decoder.decode(chunk, { stream: !final });
}
