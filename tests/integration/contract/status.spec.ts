/**
 * formats.md §3 `series`: the status of each point, its margin and CPAS_STATUS_MARGIN, through
 * the command line.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	execute,
	indicators,
	load,
	series,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

/**
 * Month by month, target 100 (none in June):
 *   increase I: 120, 100, 90, 85, 84, —, 50 (no target)
 *   decrease D:  80, 100, 110, 115, 116, —, 50 (no target)
 */
async function given(): Promise<void> {
	await load({
		'framework.csv': FRAMEWORK,
		'indicators.csv': indicators(
			'I,% feeling safe,PO1-IM1,perception,increase,number,,month,',
			'D,Incidents,PO1-IM1,situation,decrease,number,,month,'
		)
	});
	const rows = ['indicator_code,period,value,value_type'];
	const inc = [120, 100, 90, 85, 84, null, 50];
	const dec = [80, 100, 110, 115, 116, null, 50];
	for (let m = 1; m <= 7; m++) {
		const period = `2024-0${m}`;
		if (inc[m - 1] !== null) rows.push(`I,${period},${inc[m - 1]},actual`);
		if (dec[m - 1] !== null) rows.push(`D,${period},${dec[m - 1]},actual`);
		if (m <= 6) rows.push(`I,${period},100,target`, `D,${period},100,target`);
	}
	await load({ 'obs.csv': rows.join('\n') });
}

async function statuses(code: string): Promise<string[]> {
	return (await series(code)).points.map((p) => p.status);
}

describe('§3 status', () => {
	test('increase, default margin 0.15: achieved ≥ target, on_track ≥ 0.85 × target', async () => {
		await given();
		// 120 ≥ 100, 100 ≥ 100, 90 ≥ 85, 85 ≥ 85, 84 < 85, no actual, no target
		expect(await statuses('I')).toEqual([
			'achieved',
			'achieved',
			'on_track',
			'on_track',
			'off_track',
			'no_data',
			'no_target'
		]);
	});

	test('decrease, default margin 0.15: achieved ≤ target, on_track ≤ 1.15 × target', async () => {
		await given();
		// 80 ≤ 100, 100 ≤ 100, 110 ≤ 115, 115 ≤ 115, 116 > 115, no actual, no target
		expect(await statuses('D')).toEqual([
			'achieved',
			'achieved',
			'on_track',
			'on_track',
			'off_track',
			'no_data',
			'no_target'
		]);
	});

	test.each(['0.1', '10%'])('CPAS_STATUS_MARGIN=%s makes the margin 0.1', async (margin) => {
		await given();
		process.env.CPAS_STATUS_MARGIN = margin;
		// increase: 90 ≥ 90 on track, 85 < 90 off track; decrease: 110 ≤ 110 on track, 115 > 110 off
		expect(await statuses('I')).toEqual([
			'achieved',
			'achieved',
			'on_track',
			'off_track',
			'off_track',
			'no_data',
			'no_target'
		]);
		expect(await statuses('D')).toEqual([
			'achieved',
			'achieved',
			'on_track',
			'off_track',
			'off_track',
			'no_data',
			'no_target'
		]);
	});

	test('the product’s setting changes the margin; CPAS_STATUS_MARGIN overrides it', async () => {
		await given();
		execute("INSERT INTO settings (key, value) VALUES ('status_margin', '0.2')");
		// margin 0.2: 84 ≥ 80 is on track
		expect((await statuses('I'))[4]).toBe('on_track');
		process.env.CPAS_STATUS_MARGIN = '0.1';
		expect((await statuses('I'))[3]).toBe('off_track');
	});

	test('a point with a target but no actual is no_data; an actual without a target no_target', async () => {
		await given();
		const s = await series('I');
		expect(s.points[5]).toMatchObject({ actual: null, target: 100, status: 'no_data' });
		expect(s.points[6]).toMatchObject({ actual: 50, target: null, status: 'no_target' });
	});
});
