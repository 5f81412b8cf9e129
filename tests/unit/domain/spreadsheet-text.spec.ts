import { describe, expect, it } from 'vitest';
import {
	neutraliseFormula,
	restoreFormulaText,
	spreadsheetCell
} from '../../../src/lib/domain/spreadsheet-text';

describe('neutraliseFormula', () => {
	it.each([
		['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
		['+1+2', `'+1+2`],
		['-1+2', `'-1+2`],
		['@SUM(A1)', `'@SUM(A1)`],
		['\t=1', `'\t=1`],
		['\r=1', `'\r=1`],
		['-', `'-`],
		["'=x", `''=x`],
		["''+x", `'''+x`]
	])('marks %j as text', (text, written) => {
		expect(neutraliseFormula(text)).toBe(written);
	});

	it.each(['-5', '-0.25', '+3', '-.5', '-1e3', 'Amberlake', "'quoted", '1.2.1', 'a=b', ''])(
		'leaves %j as it is',
		(text) => {
			expect(neutraliseFormula(text)).toBe(text);
		}
	);
});

describe('spreadsheetCell', () => {
	it('neutralises text only: numbers, blanks and nulls stay what they are', () => {
		expect(spreadsheetCell(-5)).toBe(-5);
		expect(spreadsheetCell(null)).toBeNull();
		expect(spreadsheetCell(undefined)).toBeUndefined();
		expect(spreadsheetCell('@x')).toBe("'@x");
	});
});

describe('restoreFormulaText', () => {
	it.each([
		'=HYPERLINK("http://x")',
		'-1+2',
		'@comment',
		"'=x",
		"''=x",
		"'quoted",
		"'",
		'-5',
		'plain',
		'\tx'
	])('gives back %j after neutraliseFormula', (text) => {
		expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
	});

	it("takes off a spreadsheet's text mark before a formula character, and nothing else", () => {
		expect(restoreFormulaText("'-5")).toBe('-5');
		expect(restoreFormulaText("'abc")).toBe("'abc");
		expect(restoreFormulaText("''abc")).toBe("''abc");
	});
});
