import { expect, test } from 'vitest';
import {
	BUDGET_BYTES,
	classify,
	formatBytes,
	isCompressed,
	isObjectivePage,
	librariesIn,
	mapMarkupBytes,
	totalsByKind,
	withinBudget,
	type ResourceRecord
} from '../../scripts/bench/page-weight';

test('responses are sorted by content type first, resource type after', () => {
	expect(classify('script', 'text/javascript')).toBe('js');
	expect(classify('other', 'application/javascript; charset=utf-8')).toBe('js');
	expect(classify('stylesheet', 'text/css')).toBe('css');
	expect(classify('document', 'text/html')).toBe('document');
	expect(classify('font', 'font/woff2')).toBe('font');
	expect(classify('image', 'image/svg+xml')).toBe('image');
	expect(classify('fetch', 'application/json')).toBe('other');
});

test('br and gzip count as compressed, identity does not', () => {
	expect(isCompressed('br')).toBe(true);
	expect(isCompressed('gzip')).toBe(true);
	expect(isCompressed('')).toBe(false);
	expect(isCompressed('identity')).toBe(false);
});

test('totals add up per kind', () => {
	const record = (kind: ResourceRecord['kind'], wireBytes: number, decodedBytes: number) => ({
		url: '/x',
		kind,
		status: 200,
		encoding: 'br',
		wireBytes,
		headerBytes: 100,
		decodedBytes,
		gzipBytes: null,
		label: ''
	});
	const totals = totalsByKind([record('js', 10, 30), record('js', 5, 20), record('css', 1, 4)]);
	expect(totals.js).toEqual({ count: 2, wireBytes: 15, decodedBytes: 50 });
	expect(totals.css).toEqual({ count: 1, wireBytes: 1, decodedBytes: 4 });
	expect(totals.document.count).toBe(0);
});

test('the budget is 200 KiB inclusive, printed in bytes and KiB', () => {
	expect(BUDGET_BYTES).toBe(204_800);
	expect(withinBudget(204_800)).toBe(true);
	expect(withinBudget(204_801)).toBe(false);
	expect(formatBytes(91_383)).toBe('91,383 B (89.2 KiB)');
});

test('only /objectives/<code> is the objective page', () => {
	expect(isObjectivePage('/objectives/PO1')).toBe(true);
	expect(isObjectivePage('/objectives/PO1?area=N')).toBe(true);
	expect(isObjectivePage('/objectives')).toBe(false);
	expect(isObjectivePage('/indicators/1.2.1')).toBe(false);
});

test('chart.js is recognised inside a chunk', () => {
	expect(librariesIn('const Oe="$chartjs",Ia={}')).toEqual(['chart.js']);
	expect(librariesIn('function x(){}')).toEqual([]);
});

test("a page's maps are measured alone: their markup, raw and compressed", () => {
	expect(mapMarkupBytes('<main><figure><canvas></canvas></figure></main>')).toBeNull();
	const map =
		'<figure class="area-map s-1" data-area-map><svg><path d="M1,1L2,2Z"/></svg></figure>';
	const bytes = mapMarkupBytes(`<main><figure>chart</figure>${map}<p>after</p>${map}</main>`)!;
	expect(bytes.count).toBe(2);
	expect(bytes.raw).toBe(2 * map.length);
	expect(bytes.compressed).toBeGreaterThan(0);
	expect(bytes.compressed).toBeLessThan(bytes.raw);
});
