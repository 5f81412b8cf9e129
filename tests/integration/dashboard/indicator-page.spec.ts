/**
 * The indicator page's view (loadIndicatorView): what the page shows is what the series,
 * provenance, detail and caveat capabilities say, and a refusal comes in the order a reader
 * expects: an indicator they may not see is unknown before their filters are looked at.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { loadIndicatorView } from '../../../src/lib/server/dashboard/indicator-page';
import type { Db } from '../../../src/lib/server/db';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { listFigureProvenance } from '../../../src/lib/server/observations/provenance';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { csv, freshDb, importBasic } from '../../helpers/db';

const viewer: Actor = { username: 'v', role: 'viewer', cleared: false };
const clearedViewer: Actor = { username: 'c', role: 'viewer', cleared: true };

let db: Db;

beforeAll(async () => {
	db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	// K2 restricted: unknown to the uncleared, its breakdown downloadable raw by the cleared
	const restricted = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv(
			'indicators.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions,sensitivity\n' +
				'K2,% feel safe,PO1-OC1,perception,increase,percent,quarter,,restricted\n'
		)
	]);
	expect(restricted.ok).toBe(true);
});

describe('loadIndicatorView', () => {
	test('shows the series, figures and framework place the capabilities give', () => {
		const query = { area: 'N', by: 'month' };
		const loaded = loadIndicatorView(db, viewer, 'K1', query, 'sex');
		if (!loaded.ok) throw new Error(loaded.message);
		const { view } = loaded;
		const series = loadSeries(db, viewer, 'K1', query);
		const figures = listFigureProvenance(db, viewer, 'K1', query);
		if (!series.ok || !figures.ok) throw new Error('the capabilities refused');
		expect(view.series).toEqual(series.series);
		expect(view.figures).toEqual(figures.figures);
		expect(view.figuresTotal).toBe(figures.total);
		expect(view.indicator.code).toBe('K1');
		expect(view.result).toEqual({ code: 'PO1-IM1', title: 'Threat reduced', level: 'impact' });
		expect(view.objective).toEqual({ code: 'PO1', title: 'Civilians protected' });
		expect(view.detail.breakdown?.dimension).toBe('sex');
		expect(view.areas.map((a) => a.code)).toContain('N1');
		expect(view.canAskRawFigures).toBe(false);
	});

	test('an indicator the reader may not see is unknown, whatever the filters say', () => {
		for (const [actor, code] of [
			[viewer, 'K2'],
			[viewer, 'NO-SUCH']
		] as const) {
			expect(loadIndicatorView(db, actor, code, { by: 'fortnight' }, null)).toEqual({
				ok: false,
				problem: 'not_found',
				message: `Unknown indicator "${code}".`
			});
		}
	});

	test('a bad filter or a dimension the indicator lacks is a bad request', () => {
		const badBy = loadIndicatorView(db, viewer, 'K1', { by: 'fortnight' }, null);
		expect(badBy).toMatchObject({ ok: false, problem: 'bad_request' });
		const badDimension = loadIndicatorView(db, viewer, 'K1', {}, 'colour');
		expect(badDimension).toMatchObject({ ok: false, problem: 'bad_request' });
	});

	test('only a cleared reader of a restricted indicator is offered its raw figures', () => {
		const loaded = loadIndicatorView(db, clearedViewer, 'K2', {}, null);
		if (!loaded.ok) throw new Error(loaded.message);
		expect(loaded.view.canAskRawFigures).toBe(true);
	});
});
