import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { loadIptt } from '../../../src/lib/server/reports/iptt/iptt';
import { ipttWorkbook } from '../../../src/lib/server/reports/iptt/iptt-xlsx';
import { loadSeries } from '../../../src/lib/server/series/load-series';
import { freshDb, importBasic } from '../../helpers/db';
import { readWorkbook } from '../../helpers/xlsx';

async function seeded() {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

test('every cell is the series API figure, with % met by direction', async () => {
	const db = await seeded();
	const outcome = loadIptt(db, LOCAL_ADMINISTRATOR, { by: 'quarter' });
	if (!outcome.ok) throw new Error(outcome.message);
	const { iptt } = outcome;
	expect(iptt.rows.length).toBeGreaterThan(0);
	let compared = 0;
	for (const row of iptt.rows) {
		const api = loadSeries(db, LOCAL_ADMINISTRATOR, row.code, { by: 'quarter' });
		if (!api.ok) throw new Error(api.message);
		for (const point of api.series.points) {
			const cell = row.cells[iptt.periods.indexOf(point.period)]!;
			expect(cell).toMatchObject({
				actual: point.actual,
				target: point.target,
				status: point.status
			});
			if (point.actual !== null) compared++;
		}
	}
	expect(compared).toBeGreaterThan(0);
});

test('filters keep the matching indicators; bad filters say why', async () => {
	const db = await seeded();
	const all = loadIptt(db, LOCAL_ADMINISTRATOR, {});
	const situation = loadIptt(db, LOCAL_ADMINISTRATOR, { category: 'situation' });
	const none = loadIptt(db, LOCAL_ADMINISTRATOR, { objective: 'NOPE' });
	if (!all.ok || !situation.ok || !none.ok) throw new Error('refused');
	expect(situation.iptt.rows.every((r) => r.category === 'situation')).toBe(true);
	expect(none.iptt.rows).toEqual([]);
	expect(all.iptt.by).toBe('year');
	expect(loadIptt(db, LOCAL_ADMINISTRATOR, { by: 'week' })).toMatchObject({
		ok: false,
		problem: 'bad_request'
	});
	expect(loadIptt(db, LOCAL_ADMINISTRATOR, { area: 'ZZ' })).toMatchObject({
		ok: false,
		problem: 'not_found'
	});
});

test('the workbook holds the same numbers, as numbers', async () => {
	const db = await seeded();
	const outcome = loadIptt(db, LOCAL_ADMINISTRATOR, { by: 'quarter' });
	if (!outcome.ok) throw new Error(outcome.message);
	const { iptt } = outcome;
	const book = await readWorkbook(await ipttWorkbook(iptt, 'IPTT'));
	const sheet = book.getWorksheet('IPTT')!;
	expect(sheet.getRow(2).getCell(11).value).toBe('Target');
	iptt.rows.forEach((row, r) => {
		const cells = sheet.getRow(3 + r);
		expect(cells.getCell(2).value).toBe(row.code);
		row.cells.forEach((cell, p) => {
			const first = 11 + 3 * p;
			expect(cells.getCell(first).value ?? null).toBe(cell?.target ?? null);
			expect(cells.getCell(first + 1).value ?? null).toBe(cell?.actual ?? null);
			expect(cells.getCell(first + 2).value ?? null).toBe(cell?.percentMet ?? null);
		});
	});
});
