/**
 * The demo mission's milestone indicators (src/lib/server/demo/milestones.ts): loaded through
 * the importer with the rest of the demo, their series tell the story written there — every
 * territory's local protection plan by quarter, Fennoway going back, and the transition
 * benchmark met in the second half of 2025.
 */
import { beforeAll, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { loadDemoIfEmpty } from '../../../src/lib/server/demo/load-demo';
import { loadSeries, type SeriesQuery } from '../../../src/lib/server/series/load-series';
import { freshDb } from '../../helpers/db';

let db: Db;

beforeAll(async () => {
	db = freshDb();
	const report = (await loadDemoIfEmpty(db, LOCAL_ADMINISTRATOR))!;
	expect(report.files.flatMap((f) => f.errors)).toEqual([]);
	expect(report.ok).toBe(true);
}, 120_000);

function points(code: string, query: SeriesQuery = {}) {
	const outcome = loadSeries(db, LOCAL_ADMINISTRATOR, code, query);
	if (!outcome.ok) throw new Error(outcome.message);
	return outcome.series.points;
}

test('the local protection plan: 8 territories in 2026-Q3, 7 adopted or beyond, 3 implemented', () => {
	const q3 = points('PO3-K3', { from: '2026-Q3', to: '2026-Q3' })[0];
	expect(q3).toMatchObject({ period: '2026-Q3', actual: 2, stages: [8, 7, 3] });
	const first = points('PO3-K3', { from: '2024-Q1', to: '2024-Q1' })[0];
	expect(first).toMatchObject({ actual: 1, stages: [3, 0, 0] });
});

test('Fennoway went back to drafted in 2025-Q3 and is off track against the target it had met', () => {
	const fennoway = points('PO3-K3', { area: 'KES-FEN', from: '2025-Q1', to: '2026-Q2' });
	expect(fennoway.map((p) => p.actual)).toEqual([2, 2, 1, 1, 1, 2]);
	expect(fennoway[2]).toMatchObject({ status: 'off_track', due: { period: '2025-Q2', target: 2 } });
	// Brackenford never adopted its plan: the 2025-Q2 target stays missed
	expect(points('PO3-K3', { area: 'KES-BRA' }).at(-2)).toMatchObject({
		actual: 1,
		status: 'off_track'
	});
});

test('the transition benchmark: not met, then met in 2025-H2, its target', () => {
	const halves = points('PO3-K4', { from: '2024-H1' });
	expect(halves.map((p) => [p.period, p.actual, p.status])).toEqual([
		['2024-H1', 1, 'on_track'],
		['2024-H2', 1, 'on_track'],
		['2025-H1', 1, 'on_track'],
		['2025-H2', 2, 'achieved'],
		['2026-H1', 2, 'achieved']
	]);
});
