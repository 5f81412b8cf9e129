import { describe, expect, test } from 'vitest';
import {
	AUDIT_ACTIONS,
	actionPrefixes,
	detailValueText,
	inFamily,
	parseAuditFilter,
	readDetail
} from '../../../src/lib/domain/audit';

describe('action families', () => {
	test('a family takes its own action and those below it by whole words', () => {
		expect(inFamily('cycle.rate', 'cycle')).toBe(true);
		expect(inFamily('framework.node.move', 'framework.node')).toBe(true);
		expect(inFamily('import', 'import')).toBe(true);
		expect(inFamily('rbb.textile', 'rbb.text')).toBe(false);
		expect(inFamily('indicator.create', 'indicator.create.x')).toBe(false);
	});

	test('the choices are every action and every family above one, sorted', () => {
		const prefixes = actionPrefixes();
		expect(prefixes).toEqual([...prefixes].sort());
		for (const action of AUDIT_ACTIONS) expect(prefixes).toContain(action);
		expect(prefixes).toContain('framework');
		expect(prefixes).toContain('framework.node');
		expect(prefixes).toContain('rbb.text');
		expect(new Set(prefixes).size).toBe(prefixes.length);
	});
});

describe('parseAuditFilter', () => {
	test('blank fields are no filter; values are trimmed', () => {
		const q = new URLSearchParams('actor=%20amina%20&action=&subject=1.2.1&from=2025-01-01');
		expect(parseAuditFilter(q)).toEqual({
			filter: { actor: 'amina', action: null, subject: '1.2.1', from: '2025-01-01', to: null },
			problems: []
		});
	});

	test('a date that is not one is said, and left out', () => {
		const { filter, problems } = parseAuditFilter(new URLSearchParams('from=2025-02-30&to=soon'));
		expect(filter.from).toBeNull();
		expect(filter.to).toBeNull();
		expect(problems).toEqual([
			'"2025-02-30" is not a date; write it as YYYY-MM-DD.',
			'"soon" is not a date; write it as YYYY-MM-DD.'
		]);
	});

	test('a range that ends before it starts is said', () => {
		const { problems } = parseAuditFilter(new URLSearchParams('from=2025-03-01&to=2025-02-01'));
		expect(problems).toEqual(['The range ends (2025-02-01) before it starts (2025-03-01).']);
	});
});

describe('readDetail', () => {
	test('only the fields that differ, before → after; the rest as it is', () => {
		expect(
			readDetail({
				result: 'PO1',
				before: { rating: 'stalled', narrative: 'Same.' },
				after: { rating: 'progressing', narrative: 'Same.' }
			})
		).toEqual({
			changes: [{ field: 'rating', before: 'stalled', after: 'progressing' }],
			other: [['result', 'PO1']]
		});
	});

	test('a creation has only after, a deletion only before', () => {
		expect(readDetail({ after: { text: 'New' } }).changes).toEqual([
			{ field: 'text', before: undefined, after: 'New' }
		]);
		expect(readDetail({ before: { text: 'Old' }, after: null }).changes).toEqual([
			{ field: 'text', before: 'Old', after: undefined }
		]);
	});

	test('values compared as JSON, so equal lists are no change', () => {
		expect(readDetail({ before: { a: [1, 2], b: 1 }, after: { a: [1, 2], b: 2 } }).changes).toEqual(
			[{ field: 'b', before: 1, after: 2 }]
		);
	});

	test('a detail without before or after has no changes', () => {
		expect(readDetail({ file: 'a.csv', rows: 3 })).toEqual({
			changes: [],
			other: [
				['file', 'a.csv'],
				['rows', 3]
			]
		});
	});
});

test('detailValueText: absent, blank, text and other values', () => {
	expect(detailValueText(undefined)).toBe('—');
	expect(detailValueText(null)).toBe('(blank)');
	expect(detailValueText('')).toBe('(blank)');
	expect(detailValueText('Floods')).toBe('Floods');
	expect(detailValueText(12)).toBe('12');
	expect(detailValueText(['K1', 'K2'])).toBe('["K1","K2"]');
});
