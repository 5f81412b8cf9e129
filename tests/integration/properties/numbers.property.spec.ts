/**
 * Numbers (formats.md §1.0): every form the contract accepts — sign, thousands marks (the
 * file's, or spaces), decimals, a trailing % — reads as the number written, in comma, tab and
 * semicolon files; anything else is "not a number" with the expected form, and nothing read is
 * ever NaN or infinite.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { parseNumber, type Delimiter } from '../../../src/lib/server/imports/numbers';
import { propertyTest } from '../../helpers/properties';
import { DELIMITERS } from './tables';

interface Written {
	sign: '' | '-' | '+';
	integer: bigint;
	fraction: string;
	grouping: 'none' | 'mark' | 'space' | 'nbsp';
	percent: '' | '%' | ' %';
}

const written = fc.record<Written>({
	sign: fc.constantFrom('', '-', '+'),
	integer: fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 10n ** 15n })),
	fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
	grouping: fc.constantFrom('none', 'mark', 'space', 'nbsp'),
	percent: fc.constantFrom('', '%', ' %')
});

/** The number as a spreadsheet of this delimiter's locale writes it. */
function write(n: Written, delimiter: Delimiter): string {
	const decimal = delimiter === ';' ? ',' : '.';
	const mark = { none: '', mark: delimiter === ';' ? '.' : ',', space: ' ', nbsp: '\u00a0' }[
		n.grouping
	];
	const digits = n.integer.toString();
	const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
	return `${n.sign}${grouped}${n.fraction ? decimal + n.fraction : ''}${n.percent}`;
}

function meant(n: Written): number {
	return Number(`${n.sign === '-' ? '-' : ''}${n.integer}${n.fraction ? '.' + n.fraction : ''}`);
}

propertyTest(
	'numbers',
	'every accepted form reads as the number written',
	{ short: 2000, share: 0.5 },
	() =>
		fc.property(written, fc.constantFrom(...DELIMITERS), fc.boolean(), (n, delimiter, pad) => {
			const text = (pad ? '  ' : '') + write(n, delimiter) + (pad ? ' ' : '');
			const read = parseNumber(text, delimiter, true);
			expect(read).toEqual({ ok: true, value: meant(n) });
			// without % allowed, a % is refused
			if (n.percent) expect(parseNumber(text, delimiter, false).ok).toBe(false);
		})
);

const junk = fc.oneof(
	fc.string({ unit: fc.constantFrom(...'0123456789.,;- +%eE\u00a0xa'), maxLength: 14 }),
	fc.string({ maxLength: 8 }),
	// long digit runs: a number past what a double holds must not become Infinity
	fc.integer({ min: 300, max: 400 }).map((n) => '9'.repeat(n))
);

propertyTest(
	'numbers',
	'any text is a finite number or refused with the expected form',
	{ short: 3000, share: 0.5 },
	() =>
		fc.property(junk, fc.constantFrom(...DELIMITERS), fc.boolean(), (text, delimiter, percent) => {
			const read = parseNumber(text, delimiter, percent);
			if (read.ok) {
				expect(Number.isFinite(read.value)).toBe(true);
				// what is accepted has a digit and no letter
				expect(text).toMatch(/\d/);
				expect(text).not.toMatch(/[a-zA-Z]/);
			} else {
				expect(read.message).toMatch(
					delimiter === ';' ? /1\.234,5|too large/ : /1,234\.5|too large/
				);
			}
		})
);

propertyTest(
	'numbers',
	'a comma in a comma file only groups thousands; in a semicolon file it is the decimal mark',
	{ short: 1000, share: 0.05 },
	() =>
		fc.property(
			fc.nat(999),
			fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 5 }),
			(whole, after) => {
				const text = `${whole},${after}`;
				const comma = parseNumber(text, ',');
				if (after.length === 3)
					expect(comma).toEqual({ ok: true, value: whole * 1000 + Number(after) });
				else expect(comma.ok).toBe(false);
				expect(parseNumber(text, ';')).toEqual({ ok: true, value: Number(`${whole}.${after}`) });
			}
		)
);
