import { m } from '../../paraglide/messages.js';
import { CAPS, capText } from './caps';
import type { Delimiter } from './numbers';

/** A quoted cell as written: every quote doubled at worst, and its own two quotes. */
const QUOTED_CELL_CHARS = 2 * CAPS.cellChars + 2;
const RECORD_CHARS = CAPS.recordChars;

/** Which limit a record passed, and in which of its fields (0-based). */
export interface RecordTooLong {
	cap: 'recordChars' | 'cellChars';
	field: number;
}

/**
 * Cuts decoded text into pieces that end where a record ends, so the CSV parser behind it
 * never holds a record across pieces, and stops at the first record or quoted value longer than
 * the limits (CAPS.recordChars, CAPS.cellChars).
 *
 * Why: papaparse re-reads a record that spans pieces each time a piece arrives, and unescapes a
 * quoted value with a global replace whose cost grows faster than the value (a 98 MB cell of
 * doubled quotes took 387 s). Here each character is looked at once, by native searches
 * (quote to quote, line to line), and nothing past the limits is ever handed on.
 *
 * Quotes are read as papaparse reads them (RFC 4180): a quote opens a quoted value only at the
 * start of a field; inside one, `""` is a quote, and a quote closes it only when a delimiter or
 * a line break follows (spaces between allowed).
 */
export class WholeRecords {
	/** The current record's text from earlier pieces. */
	private carry = '';
	private quoted = false;
	/** Where the current quoted value starts, counted from the start of its record. */
	private fieldStart = 0;
	/** A quoted value's quote ended the last piece: the next piece says if it closes it. */
	private quoteSeen: QuoteSeen = 'no';
	/** The last character of the last piece. */
	private last = '';
	/** The last piece ended with a line break \r outside quotes, kept in `carry` with its record. */
	private endsWithReturn = false;
	/** The first limit passed; nothing after the last whole record before it is handed on. */
	tooLong: RecordTooLong | null = null;

	constructor(private readonly delimiter: Delimiter) {}

	/**
	 * The whole records completed by this piece (possibly none), in order, as one or more
	 * strings that each end where a record ends. Each piece is scanned once, on its own:
	 * searching text glued onto earlier text is many times slower in V8 than searching a piece
	 * as decoded. For the same reason the record carried over from the last piece comes out on
	 * its own, with the rest of its record, and the piece's other records as a slice of it:
	 * gluing the carry onto the whole piece made V8 copy every piece once more (a tenth of a
	 * million-row list's reading).
	 */
	push(text: string): readonly string[] {
		if (this.tooLong || text === '') return NONE;
		if (this.endsWithReturn) {
			// the last piece ended with a line break \r: its record ended there (or with this \n)
			this.endsWithReturn = false;
			const skip = text[0] === '\n' ? 1 : 0;
			const record = unifyLineBreaks(this.carry + text.slice(0, skip), this.delimiter);
			this.carry = '';
			this.fieldStart = 0;
			this.last = text[skip - 1] ?? this.last;
			return [record, ...this.push(text.slice(skip))];
		}
		const d = this.delimiter;
		const length = text.length;
		// positions are in `text`; the record, and a quoted value, may have started before it
		let recordStart = -this.carry.length;
		let fieldStart = this.fieldStart + recordStart;
		let quoted = this.quoted;
		let pos = 0;
		/** where the first record ending in this piece ends (after its line break); -1: none yet */
		let firstEnd = -1;
		let nextQuote = -1;
		let nextNewline = -1;
		let nextReturn = -1;
		const find = (what: string, from: number, cached: number) => {
			if (cached >= from || cached === -2) return cached;
			const i = text.indexOf(what, from);
			return i === -1 ? -2 : i;
		};
		const fail = (cap: RecordTooLong['cap'], at: number): readonly string[] => {
			const record = [this.carry, text.slice(0, Math.max(0, at))]
				.join('')
				.slice(recordStart + this.carry.length);
			this.tooLong = { cap, field: fieldOf(record, d) };
			return done(recordStart);
		};
		const done = (end: number): readonly string[] => {
			let out = NONE;
			if (end > 0) {
				// the carried record, completed, then the piece's other records
				const head = this.carry === '' || firstEnd <= 0 ? end : firstEnd;
				out =
					head === end
						? [unifyLineBreaks(this.carry + text.slice(0, end), d)]
						: [
								unifyLineBreaks(this.carry + text.slice(0, head), d),
								unifyLineBreaks(text.slice(head, end), d)
							];
				this.carry = '';
			}
			if (!this.tooLong) this.carry = [this.carry, text.slice(Math.max(0, end))].join('');
			this.quoted = quoted;
			this.fieldStart = fieldStart - end;
			this.last = text[length - 1]!;
			return out;
		};
		if (
			!quoted &&
			this.quoteSeen === 'no' &&
			this.carry.length + length <= RECORD_CHARS &&
			text.indexOf('"') === -1
		) {
			// The common piece, without a quote: records end at its line breaks, and none can pass
			// the record limit within carry + piece, so one search from the end is enough.
			let end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
			// \r\n is one line break: never end a piece between the two
			if (end !== -1 && end + 1 === length && text[end] === '\r') {
				// (lastIndexOf reads a negative start as 0: a piece that is one \r has no earlier break)
				end =
					end === 0
						? -1
						: Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
			}
			const cut = end === -1 ? recordStart : end + 1;
			if (end !== -1) firstEnd = firstBreakEnd(text);
			fieldStart = cut;
			const out = done(cut);
			this.endsWithReturn = text[length - 1] === '\r';
			return out;
		}
		if (this.quoteSeen !== 'no') {
			const seen = this.quoteSeen;
			this.quoteSeen = 'no';
			if (seen === 'quote' && text[0] === '"') pos = 1;
			else {
				let after = 0;
				while (text[after] === ' ') after++;
				const c = text[after];
				if (after === length) {
					// only spaces yet: the next piece still decides
					this.quoteSeen = 'spaces';
					return done(recordStart);
				}
				if (c === d || c === '\n' || c === '\r') quoted = false;
			}
		}
		for (;;) {
			if (quoted) {
				const q = (nextQuote = find('"', pos, nextQuote));
				if (q === -2 || q - fieldStart > QUOTED_CELL_CHARS) {
					if (length - fieldStart > QUOTED_CELL_CHARS) return fail('cellChars', fieldStart);
					if (length - recordStart > RECORD_CHARS) return fail('recordChars', length);
					return done(recordStart);
				}
				let after = q + 1;
				if (after === length) {
					this.quoteSeen = 'quote';
					return done(recordStart);
				}
				if (text[after] === '"') {
					pos = q + 2;
					continue;
				}
				while (text[after] === ' ') after++;
				if (after === length) {
					// a quote and spaces end the piece: whether it closes the value is in the next one
					this.quoteSeen = 'spaces';
					return done(recordStart);
				}
				const c = text[after];
				pos = q + 1;
				// a quote not followed by a delimiter or a line break is part of the value
				if (c === d || c === '\n' || c === '\r') quoted = false;
				continue;
			}
			const q = (nextQuote = find('"', pos, nextQuote));
			const n = (nextNewline = find('\n', pos, nextNewline));
			const r = (nextReturn = find('\r', pos, nextReturn));
			const b = n === -2 ? r : r === -2 ? n : Math.min(n, r);
			if (q === -2 && b === -2) {
				if (length - recordStart > RECORD_CHARS) return fail('recordChars', length);
				return done(recordStart);
			}
			const first = q === -2 ? b : b === -2 ? q : Math.min(q, b);
			if (first - recordStart > RECORD_CHARS) return fail('recordChars', first);
			if (first === q) {
				pos = q + 1;
				// a quote opens a quoted value only at the start of a field
				const before = q === 0 ? this.last : text[q - 1];
				if (q === recordStart || before === d) {
					quoted = true;
					fieldStart = q;
				}
			} else {
				// \r\n is one line break: a piece never ends between the two (papaparse decides
				// the file's line break from its first piece)
				if (text[b] === '\r' && b + 1 === length) {
					const out = done(recordStart);
					this.endsWithReturn = true;
					return out;
				}
				const next = text[b] === '\r' && text[b + 1] === '\n' ? b + 2 : b + 1;
				recordStart = fieldStart = pos = next;
				if (firstEnd === -1) firstEnd = next;
			}
		}
	}

	/** What is left at the end of the file (a last record without a line break). */
	end(): string {
		if (this.tooLong) return '';
		const rest = this.carry;
		this.carry = '';
		return unifyLineBreaks(rest, this.delimiter);
	}
}

const NONE: readonly string[] = [];

/**
 * Whether the last piece ended just after a quote inside a quoted value ('quote': a quote
 * opening the next piece makes the pair "" of a quote), or after such a quote and spaces
 * ('spaces'); either way, what follows decides if the quote closed the value.
 */
type QuoteSeen = 'no' | 'quote' | 'spaces';

/** Where the first line break of a text without quotes ends (\r\n is one); -1 without one. */
function firstBreakEnd(text: string): number {
	const n = text.indexOf('\n');
	const r = text.indexOf('\r');
	if (r === -1 || (n !== -1 && n < r)) return n === -1 ? -1 : n + 1;
	return text[r + 1] === '\n' ? r + 2 : r + 1;
}

/**
 * Whole records with every line break outside quotes written `\n`: one file may mix `\r\n`,
 * `\n` and `\r` (pasted together from several programs), and papaparse reads one kind only,
 * the first it sees — the others would glue records together or leave a quote unclosed.
 * Quoted values keep their line breaks as written. Free for the usual piece, which has no `\r`
 * or no quote; otherwise quotes are read as WholeRecords reads them.
 */
export function unifyLineBreaks(records: string, delimiter: string): string {
	if (records.indexOf('\r') === -1) return records;
	if (records.indexOf('"') === -1) return records.replace(/\r\n?/g, '\n');
	const parts: string[] = [];
	let from = 0;
	let quoted = false;
	let fieldStart = true;
	const length = records.length;
	for (let i = 0; i < length; i++) {
		const c = records[i];
		if (quoted) {
			if (c !== '"') continue;
			if (records[i + 1] === '"') {
				i++;
				continue;
			}
			let after = i + 1;
			while (records[after] === ' ') after++;
			const next = records[after];
			if (after === length || next === delimiter || next === '\n' || next === '\r') quoted = false;
			continue;
		}
		if (c === '"' && fieldStart) {
			quoted = true;
			fieldStart = false;
		} else if (c === '\r') {
			parts.push(records.slice(from, i), '\n');
			if (records[i + 1] === '\n') i++;
			from = i + 1;
			fieldStart = true;
		} else fieldStart = c === delimiter || c === '\n';
	}
	parts.push(records.slice(from));
	return parts.join('');
}

/** The field (0-based) that the end of a record's text is in, quotes read as above. */
function fieldOf(record: string, delimiter: string): number {
	let field = 0;
	let quoted = false;
	for (let i = 0; i < record.length; i++) {
		const c = record[i];
		if (quoted) {
			if (c === '"' && record[i + 1] === '"') i++;
			else if (c === '"') quoted = false;
		} else if (c === '"' && (i === 0 || record[i - 1] === delimiter)) quoted = true;
		else if (c === delimiter) field++;
	}
	return field;
}

/** The refusal's words for a limit passed. */
export function tooLongMessage(cap: RecordTooLong['cap']): string {
	return cap === 'cellChars'
		? m.impmsg_value_too_long({ max: capText(CAPS.cellChars) })
		: m.impmsg_record_too_long({ max: capText(CAPS.recordChars) });
}
