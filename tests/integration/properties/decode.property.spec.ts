/**
 * Decoding (formats.md §1.0): any bytes at all — BOMs, UTF-16, Windows-1252, NUL bytes, control
 * characters — in chunks of any size, are text in one encoding or refused as "not a text
 * file", never a throw, the same however the file is cut; and the rules' order holds.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
	EncodingSniffer,
	Utf8Check,
	createDecoder,
	notTextMessage
} from '../../../src/lib/server/imports/decode';
import { propertyTest } from '../../helpers/properties';

const BOMS = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

const bytes = fc.oneof(
	fc.uint8Array({ maxLength: 64 }),
	// text-like bytes, with a BOM or not, a NUL or control byte now and then
	fc
		.tuple(
			fc.constantFrom(...BOMS),
			fc.array(
				fc.oneof(
					{ weight: 20, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
					{ weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
					{ weight: 2, arbitrary: fc.constantFrom(0x0a, 0x0d, 0x09) },
					{ weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }) }
				),
				{ maxLength: 300 }
			)
		)
		.map(([bom, body]) => new Uint8Array([...bom, ...body])),
	fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => new TextEncoder().encode(s))
);

function sniff(data: Uint8Array, sizes: number[]) {
	const sniffer = new EncodingSniffer();
	let at = 0;
	for (let i = 0; at < data.length; i++) {
		const size = Math.max(1, sizes[i % sizes.length]!);
		sniffer.push(data.subarray(at, at + size));
		at += size;
	}
	return sniffer.result();
}

function isUtf8(data: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(data);
		return true;
	} catch {
		return false;
	}
}

propertyTest(
	'decode',
	'any bytes are text in one encoding or "not a text file", the same however cut',
	{ short: 2000, share: 0.5 },
	() =>
		fc.property(
			bytes,
			fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
			(data, sizes) => {
				const whole = sniff(data, [data.length || 1]);
				expect(sniff(data, sizes)).toEqual(whole);
				if (!whole.ok) {
					expect(whole.message).toBe(notTextMessage());
					return;
				}
				const utf16 =
					data[0] === 0xff && data[1] === 0xfe
						? 'utf-16le'
						: data[0] === 0xfe && data[1] === 0xff
							? 'utf-16be'
							: null;
				const utf8Bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
				// the rules' order: a BOM, then valid UTF-8, then Windows-1252
				if (utf16) expect(whole.encoding).toBe(utf16);
				else if (utf8Bom || isUtf8(data)) expect(whole.encoding).toBe('utf-8');
				else expect(whole.encoding).toBe('windows-1252');
				if (!utf16) expect(data.includes(0)).toBe(false);
				// decoding in chunks gives the text decoding at once gives
				const decode = createDecoder(whole.encoding);
				const body = data.subarray(whole.bomLength);
				let text = '';
				for (let at = 0, i = 0; at < body.length; i++) {
					const size = sizes[i % sizes.length]!;
					text += decode(body.subarray(at, at + size));
					at += size;
				}
				text += decode(new Uint8Array(), true);
				expect(text).toBe(createDecoder(whole.encoding)(body, true));
			}
		)
);

propertyTest(
	'decode',
	'a NUL byte without a UTF-16 BOM, or more than 1 % control characters, is not text',
	{ short: 1000, share: 0.3 },
	() =>
		fc.property(
			fc.string({ unit: fc.constantFrom(...'abc,;\n\r\té€'), minLength: 1, maxLength: 200 }),
			fc.nat(),
			fc.constantFrom('nul', 'controls'),
			(text, at, what) => {
				const data = new TextEncoder().encode(text);
				const where = at % (data.length + 1);
				const inserted =
					what === 'nul'
						? [0]
						: Array.from({ length: Math.floor(data.length / 50) + 2 }, () => 0x01);
				const mixed = new Uint8Array([
					...data.subarray(0, where),
					...inserted,
					...data.subarray(where)
				]);
				expect(sniff(mixed, [7])).toEqual({ ok: false, message: notTextMessage() });
			}
		)
);

propertyTest(
	'decode',
	'strict UTF-8 is judged as a fatal TextDecoder judges it, however the bytes are cut',
	{ short: 2000, share: 0.2 },
	() =>
		fc.property(
			// text of any characters (2-, 3- and 4-byte sequences), then maybe one byte changed,
			// dropped or put in, which breaks a sequence or leaves one unfinished
			fc.string({ unit: 'binary', maxLength: 60 }).map((t) => new TextEncoder().encode(t)),
			fc.option(
				fc.tuple(
					fc.nat(),
					fc.constantFrom('change', 'drop', 'insert'),
					fc.integer({ min: 0, max: 255 })
				)
			),
			fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
			(text, mistake, sizes) => {
				let data = text;
				if (mistake && text.length > 0) {
					const [at, how, byte] = mistake;
					const i = at % text.length;
					const bytes = [...text];
					if (how === 'change') bytes[i] = byte;
					else if (how === 'drop') bytes.splice(i, 1);
					else bytes.splice(i, 0, byte);
					data = new Uint8Array(bytes);
				}
				const check = new Utf8Check();
				for (let at = 0, i = 0; at < data.length; i++) {
					const size = sizes[i % sizes.length]!;
					check.push(data.subarray(at, at + size));
					at += size;
				}
				expect(check.finish()).toBe(isUtf8(data));
			}
		)
);
