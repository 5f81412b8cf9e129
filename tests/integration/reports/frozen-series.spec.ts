import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { freezeSeries, frozenSeriesOf } from '../../../src/lib/server/reports/frozen-series';
import { csv, freshDb, importBasic } from '../../helpers/db';

test('frozen figures stay as they were; the comparison names what moved since', async () => {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	const owner = { kind: 'cycle' as const, id: 1 };
	expect(freezeSeries(db, LOCAL_ADMINISTRATOR, owner, ['K1', 'NOPE'], { area: 'N1' })).toBe(1);

	const [before] = frozenSeriesOf(db, LOCAL_ADMINISTRATOR, owner);
	expect(before!.differences).toEqual([]);
	expect(before!.query).toEqual({ area: 'N1', by: 'month' });
	const january = before!.frozen.points.find((p) => p.period === '2024-01')!.actual;

	const report = await importFiles(db, LOCAL_ADMINISTRATOR, [
		csv('late.csv', 'indicator_code,period,area_code,value\nK1,2024-01,N1,50\n')
	]);
	expect(report.ok).toBe(true);

	const [after] = frozenSeriesOf(db, LOCAL_ADMINISTRATOR, owner);
	expect(after!.frozen.points.find((p) => p.period === '2024-01')!.actual).toBe(january);
	expect(after!.current!.points.find((p) => p.period === '2024-01')!.actual).toBe(50);
	expect(after!.differences).toEqual([
		{ period: '2024-01', field: 'actual', frozen: january, current: 50 }
	]);

	// freezing again replaces the owner's series with today's
	freezeSeries(db, LOCAL_ADMINISTRATOR, owner, ['K1'], { area: 'N1' });
	expect(frozenSeriesOf(db, LOCAL_ADMINISTRATOR, owner)[0]!.differences).toEqual([]);
});

test('only the SPU (and administrators) freeze series', () => {
	const db = freshDb();
	expect(() =>
		freezeSeries(db, { ...LOCAL_ADMINISTRATOR, role: 'viewer' }, { kind: 'rbb', id: 1 }, [], {})
	).toThrow(/may not report/);
});
