/**
 * What the public view's reader sees (docs/security.md "The public view"), asked of the same
 * capabilities the pages, the API and the downloads use, on the demo mission loaded through
 * the importer: public indicators and nothing else, and no names of the mission's staff.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, PUBLIC_READER, type Actor } from '../../../src/lib/server/actor';
import { actionPointsDue } from '../../../src/lib/server/action-points/due';
import { listActionPoints } from '../../../src/lib/server/action-points/list';
import { openActionPointsFor } from '../../../src/lib/server/action-points/linked';
import { addCaveat, listCaveats } from '../../../src/lib/server/caveats/caveats';
import { loadIndicatorView } from '../../../src/lib/server/dashboard/indicator-page';
import { loadObjectiveView } from '../../../src/lib/server/dashboard/objective-view';
import { loadOverview } from '../../../src/lib/server/dashboard/overview';
import type { Db } from '../../../src/lib/server/db';
import { loadDemoIfEmpty } from '../../../src/lib/server/demo/load-demo';
import { exportKind } from '../../../src/lib/server/exports/export-files';
import { listIndicators, findIndicator } from '../../../src/lib/server/indicators/list';
import { loadAreaMap } from '../../../src/lib/server/maps/area-map';
import { loadObjectiveMap } from '../../../src/lib/server/maps/objective-map';
import { listFigureProvenance } from '../../../src/lib/server/observations/provenance';
import { can, type Action } from '../../../src/lib/server/permissions';
import { loadBreakdown } from '../../../src/lib/server/series/breakdown';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { visibleSites } from '../../../src/lib/server/sites/visible';
import { freshDb } from '../../helpers/db';

let db: Db;
let sensitivity: Map<string, string>;
const viewer: Actor = { username: 'viewer', role: 'viewer', cleared: false };

beforeAll(async () => {
	db = freshDb();
	const report = (await loadDemoIfEmpty(db, LOCAL_ADMINISTRATOR))!;
	expect(report.ok).toBe(true);
	const rows = db.$client.prepare('SELECT code, sensitivity FROM indicators').all() as {
		code: string;
		sensitivity: string;
	}[];
	sensitivity = new Map(rows.map((r) => [r.code, r.sensitivity]));
	// a caveat on a public indicator, written by a named planner
	const written = addCaveat(
		db,
		{ ...LOCAL_ADMINISTRATOR, username: 'planner.amina' },
		{
			indicator: '1.2.1',
			area: null,
			period: '2026-01',
			text: 'Figures for January are provisional.'
		}
	);
	expect(written.ok).toBe(true);
}, 120_000);

const codesOf = (rows: { code: string }[]) => rows.map((r) => r.code);
const notPublic = () => [...sensitivity].filter(([, s]) => s !== 'public').map(([c]) => c);

describe('the demo mission has a public view worth opening', () => {
	test('several public indicators, and internal and restricted ones to keep out', () => {
		const counts = { public: 0, internal: 0, restricted: 0 } as Record<string, number>;
		for (const s of sensitivity.values()) counts[s]!++;
		expect(counts.public).toBeGreaterThanOrEqual(6);
		expect(counts.internal).toBeGreaterThan(0);
		expect(counts.restricted).toBeGreaterThan(0);
	});
});

describe('public indicators and nothing else', () => {
	test('the indicator list (page and API) holds exactly the public indicators', () => {
		const listed = codesOf(listIndicators(db, PUBLIC_READER, 'en'));
		const expected = [...sensitivity].filter(([, s]) => s === 'public').map(([c]) => c);
		expect(listed.sort()).toEqual(expected.sort());
		// a viewer account sees the internal ones too: the filter is the public reader's own
		expect(listIndicators(db, viewer, 'en').length).toBeGreaterThan(listed.length);
	});

	test('the overview and every objective page show public indicators only', () => {
		const overview = loadOverview(db, PUBLIC_READER);
		const shown = overview.flatMap((o) => codesOf(o.indicators));
		expect(shown.length).toBeGreaterThan(0);
		for (const code of shown) expect(sensitivity.get(code), code).toBe('public');
		for (const o of overview) {
			const view = loadObjectiveView(db, PUBLIC_READER, o.objective.code);
			if (!view.ok) throw new Error(view.message);
			for (const panel of Object.values(view.view.panels)) {
				for (const i of panel) expect(sensitivity.get(i.code), i.code).toBe('public');
			}
		}
	});

	test('an internal or restricted indicator does not exist for it, by any capability', () => {
		for (const code of notPublic()) {
			expect(findIndicator(db, PUBLIC_READER, code), code).toBeUndefined();
			expect(loadIndicatorView(db, PUBLIC_READER, code, {}, null).ok, code).toBe(false);
			expect(loadSeries(db, PUBLIC_READER, code, {}).ok, code).toBe(false);
			expect(loadBreakdown(db, PUBLIC_READER, code, {}, 'sex').ok, code).toBe(false);
			expect(loadAreaMap(db, PUBLIC_READER, code, {}, { period: null, perPeople: false }).ok).toBe(
				false
			);
			expect(listFigureProvenance(db, PUBLIC_READER, code, {}).ok, code).toBe(false);
		}
		// the same codes exist for an account: the refusals above are the filter's, not typos
		expect(loadSeries(db, viewer, '1.1.1', {}).ok).toBe(true);
		expect(sensitivity.get('1.1.1')).toBe('internal');
		expect(sensitivity.get('1.2.5')).toBe('restricted');
	});

	test('an objective map offers public indicators only, whatever the address asks', () => {
		const all = [...sensitivity.keys()];
		const map = loadObjectiveMap(db, PUBLIC_READER, all, {}, '1.1.1', {
			period: null,
			perPeople: false
		});
		for (const code of map.options) expect(sensitivity.get(code), code).toBe('public');
		if (map.map) expect(sensitivity.get(map.map.indicator.code)).toBe('public');
	});

	test('sites: public ones only', () => {
		for (const site of visibleSites(db, PUBLIC_READER)) expect(site.sensitivity).toBe('public');
		expect(visibleSites(db, viewer).some((s) => s.sensitivity === 'internal')).toBe(true);
	});

	test('a public indicator opens, with its series, breakdown and map', () => {
		expect(loadIndicatorView(db, PUBLIC_READER, '1.2.1', {}, 'sex').ok).toBe(true);
		expect(loadSeries(db, PUBLIC_READER, '1.2.1', {}).ok).toBe(true);
		expect(loadBreakdown(db, PUBLIC_READER, '1.2.1', {}, 'sex').ok).toBe(true);
	});

	test('raw small cells are never its, whatever it asks', () => {
		const b = loadBreakdown(db, PUBLIC_READER, '1.2.1', {}, 'sex', { raw: true });
		if (!b.ok) throw new Error(b.message);
		expect(b.breakdown.raw).toBe(false);
	});
});

describe('no names, no action points', () => {
	test('the figures behind a chart say when, never who imported them', () => {
		const theirs = listFigureProvenance(db, PUBLIC_READER, '1.2.1', {});
		if (!theirs.ok) throw new Error(theirs.message);
		expect(theirs.figures.length).toBeGreaterThan(0);
		for (const f of theirs.figures) expect(f.actor).toBeNull();
		const account = listFigureProvenance(db, viewer, '1.2.1', {});
		if (!account.ok) throw new Error(account.message);
		expect(account.figures[0]!.actor).toBe('local-admin');
	});

	test('a caveat keeps its text and loses its author', () => {
		const theirs = listCaveats(db, PUBLIC_READER, '1.2.1');
		expect(theirs.map((c) => [c.text, c.author])).toEqual([
			['Figures for January are provisional.', null]
		]);
		expect(listCaveats(db, viewer, '1.2.1')[0]!.author).toBe('planner.amina');
		const view = loadIndicatorView(db, PUBLIC_READER, '1.2.1', {}, null);
		if (!view.ok) throw new Error(view.message);
		expect(view.view.caveats.every((c) => c.author === null)).toBe(true);
		expect(view.view.figures.every((f) => f.actor === null)).toBe(true);
		expect(JSON.stringify(view.view)).not.toContain('planner.amina');
		expect(JSON.stringify(view.view)).not.toContain('local-admin');
	});

	test('no action points: none listed, none counted, none linked', () => {
		expect(listActionPoints(db, viewer, '2026-12-06').length).toBeGreaterThan(0);
		expect(listActionPoints(db, PUBLIC_READER, '2026-12-06')).toEqual([]);
		expect(actionPointsDue(db, PUBLIC_READER, '2026-12-06')).toEqual({
			overdue: 0,
			dueSoon: 0,
			unsettled: 0
		});
		expect(openActionPointsFor(db, PUBLIC_READER, '2026-12-06', { results: ['PO1'] })).toEqual([]);
	});
});

describe('what it may do', () => {
	test('read, and nothing else', () => {
		const actions: Action[] = [
			'read',
			'import',
			'caveat',
			'framework',
			'report',
			'assess',
			'track',
			'close',
			'verify',
			'audit',
			'administer'
		];
		expect(actions.filter((a) => can(PUBLIC_READER, a))).toEqual(['read']);
	});

	test('the observations export, asked as it, holds public indicators only', () => {
		const result = exportKind(db, PUBLIC_READER, 'observations');
		if (!result.ok) throw new Error(result.message);
		const codes = new Set(
			[...result.chunks]
				.join('')
				.split('\n')
				.slice(1)
				.filter(Boolean)
				.map((line) => line.split(',')[0])
		);
		expect(codes.size).toBeGreaterThan(0);
		for (const code of codes) expect(sensitivity.get(code!), code).toBe('public');
	});
});
