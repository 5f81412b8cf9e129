import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../../src/lib/server/actor';
import type { Db } from '../../../../src/lib/server/db';
import { importFiles } from '../../../../src/lib/server/imports/import-files';
import { compareWithPrevious } from '../../../../src/lib/server/reports/cycles/compare';
import { createCycle } from '../../../../src/lib/server/reports/cycles/create';
import { findCycle } from '../../../../src/lib/server/reports/cycles/find';
import { frozenFigures } from '../../../../src/lib/server/reports/cycles/frozen-figures';
import { issueCycle, refreezeCycle } from '../../../../src/lib/server/reports/cycles/issue';
import { listCycles } from '../../../../src/lib/server/reports/cycles/list';
import { rateResult } from '../../../../src/lib/server/reports/cycles/rate';
import { cycleRatings } from '../../../../src/lib/server/reports/cycles/ratings';
import { addRecommendation } from '../../../../src/lib/server/reports/cycles/recommend';
import { listActionPoints } from '../../../../src/lib/server/action-points/list';
import { updateActionPoint } from '../../../../src/lib/server/action-points/update';
import { csv, freshDb, importBasic } from '../../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const as = (role: Actor['role']): Actor => ({ ...admin, username: role, role });

async function basicDb(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

function tableCount(db: Db, table: string): number {
	return (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

const recommendation = {
	text: 'Extend the alert network to North Two',
	owner: 'POC Unit',
	deadline: '2024-09-30',
	status: '',
	result: 'PO1-OC1'
};

describe('creating a cycle', () => {
	test('freezes every indicator in force, whole mission, from a year before to the cycle end', async () => {
		const db = await basicDb();
		const created = createCycle(db, admin, { code: '2024h1', ratingScale: '' });
		expect(created).toEqual({ ok: true, code: '2024-H1', frozen: 3 });
		const cycle = findCycle(db, '2024-H1')!;
		expect([cycle.periodStart, cycle.periodEnd, cycle.status]).toEqual([
			'2024-01-01',
			'2024-06-30',
			'draft'
		]);
		expect(JSON.parse(cycle.ratingScale)).toEqual(['progressing', 'stalled', 'regressing']);
		const figures = frozenFigures(db, admin, cycle);
		expect(figures.differing).toBe(0);
		expect(figures.objectives.map((o) => o.code)).toEqual(['PO1']);
		const k1 = figures.objectives[0]!.indicators.find((i) => i.code === 'K1')!;
		// monthly, from 2023-01 to 2024-06: the whole mission sums N1 and N2
		expect(k1.by).toBe('month');
		expect(k1.points[0]!.period).toBe('2023-01');
		expect(k1.points.at(-1)!.period).toBe('2024-06');
		expect(k1.points.find((p) => p.period === '2024-01')!.actual).toBe(5 + 3 + 4);
		expect(k1.latest!.period).toBe('2024-02');
	});

	test('a configured rating scale is kept, in its order', async () => {
		const db = await basicDb();
		createCycle(db, admin, { code: '2024-Q1', ratingScale: 'on course, at risk , off course,' });
		expect(JSON.parse(findCycle(db, '2024-Q1')!.ratingScale)).toEqual([
			'on course',
			'at risk',
			'off course'
		]);
	});

	test('bad codes, duplicates (however written) and bad scales are refused, nothing written', async () => {
		const db = await basicDb();
		expect(createCycle(db, admin, { code: '2024-H3', ratingScale: '' })).toMatchObject({
			ok: false,
			errors: { code: expect.stringContaining('"2024-H3" is not a period') }
		});
		expect(createCycle(db, admin, { code: '2024-H1', ratingScale: 'good' })).toMatchObject({
			ok: false,
			errors: { rating_scale: expect.stringContaining('at least two') }
		});
		expect(tableCount(db, 'assessment_cycles')).toBe(0);
		expect(tableCount(db, 'frozen_series')).toBe(0);
		expect(createCycle(db, admin, { code: '2024-H1', ratingScale: '' }).ok).toBe(true);
		expect(createCycle(db, admin, { code: '2024S1', ratingScale: '' })).toMatchObject({
			ok: false,
			errors: { code: expect.stringContaining('cycle 2024-H1, which exists already') }
		});
		expect(
			createCycle(db, admin, { code: '2024-01-01/2024-06-30', ratingScale: '' })
		).toMatchObject({ ok: false });
		expect(tableCount(db, 'assessment_cycles')).toBe(1);
	});

	test('only the SPU and administrators create and issue; leadership rates', async () => {
		const db = await basicDb();
		expect(() => createCycle(db, as('leadership'), { code: '2024', ratingScale: '' })).toThrow(
			/may not report/
		);
		expect(createCycle(db, as('spu'), { code: '2024', ratingScale: '' }).ok).toBe(true);
		expect(
			rateResult(db, as('leadership'), '2024', { result: 'PO1', rating: 'stalled', narrative: '' })
				.ok
		).toBe(true);
		expect(() =>
			rateResult(db, as('planner'), '2024', { result: 'PO1', rating: 'stalled', narrative: '' })
		).toThrow(/may not assess/);
		expect(() => issueCycle(db, as('leadership'), '2024')).toThrow(/may not report/);
	});
});

describe('rating, recommending and issuing', () => {
	test('objectives and outcomes are rated on the scale, with a narrative', async () => {
		const db = await basicDb();
		createCycle(db, admin, { code: '2024-H1', ratingScale: '' });
		expect(
			rateResult(db, admin, '2024-H1', {
				result: 'PO1',
				rating: 'stalled',
				narrative: '  Attacks moved north.  '
			})
		).toEqual({ ok: true });
		expect(
			rateResult(db, admin, '2024-H1', { result: 'PO1', rating: 'progressing', narrative: 'Less.' })
		).toEqual({ ok: true });
		expect(
			rateResult(db, admin, '2024-H1', { result: 'PO1-OC1', rating: 'great', narrative: '' })
		).toMatchObject({
			ok: false,
			errors: { rating: '"great" is not on this cycle\'s scale: progressing, stalled, regressing.' }
		});
		expect(
			rateResult(db, admin, '2024-H1', { result: 'PO1-IM1', rating: 'stalled', narrative: '' })
		).toMatchObject({ ok: false, errors: { form: expect.stringContaining('"PO1-IM1"') } });
		const ratings = cycleRatings(db, admin, findCycle(db, '2024-H1')!);
		expect(ratings.map((r) => [r.code, r.rating, r.narrative])).toEqual([
			['PO1', 'progressing', 'Less.'],
			['PO1-OC1', null, null]
		]);
	});

	test('recommendations need text, owner and an ISO date; each problem names its field', async () => {
		const db = await basicDb();
		createCycle(db, admin, { code: '2024-H1', ratingScale: '' });
		const refused = addRecommendation(db, admin, '2024-H1', {
			text: ' ',
			owner: '',
			deadline: '2024-02-30',
			status: 'closed',
			result: 'PO9'
		});
		expect(refused).toMatchObject({ ok: false, problem: 'invalid' });
		if (refused.ok) return;
		expect(Object.keys(refused.errors).sort()).toEqual([
			'deadline',
			'owner',
			'result',
			'status',
			'text'
		]);
		expect(refused.errors.deadline).toContain('"2024-02-30" is not a date');
		expect(tableCount(db, 'action_points')).toBe(0);
		expect(addRecommendation(db, admin, '2024-H1', recommendation)).toMatchObject({ ok: true });
		const [tracked] = listActionPoints(db, admin, '2024-07-01');
		expect(tracked).toMatchObject({
			origin: 'assessment_cycle',
			cycle: '2024-H1',
			links: [{ kind: 'result', code: 'PO1-OC1' }],
			owner: 'POC Unit',
			deadline: '2024-09-30',
			status: 'open',
			overdue: false
		});
	});

	test('an issued cycle is read-only; its action points are still followed up', async () => {
		const db = await basicDb();
		createCycle(db, admin, { code: '2024-H1', ratingScale: '' });
		rateResult(db, admin, '2024-H1', { result: 'PO1', rating: 'stalled', narrative: 'Why.' });
		const added = addRecommendation(db, admin, '2024-H1', recommendation);
		expect(issueCycle(db, admin, '2024-H1')).toEqual({ ok: true });
		const cycle = findCycle(db, '2024-H1')!;
		expect(cycle.status).toBe('issued');
		expect(cycle.issuedBy).toBe(admin.username);
		// the unrated outcome is recorded as such, so the issued cycle keeps its list of nodes
		expect(cycleRatings(db, admin, cycle).map((r) => [r.code, r.rating])).toEqual([
			['PO1', 'stalled'],
			['PO1-OC1', null]
		]);

		const readOnly = expect.objectContaining({
			ok: false,
			problem: 'read_only',
			errors: { form: expect.stringMatching(/^Cycle 2024-H1 was issued on .* is read-only/) }
		});
		expect(
			rateResult(db, admin, '2024-H1', { result: 'PO1', rating: 'regressing', narrative: '' })
		).toEqual(readOnly);
		expect(addRecommendation(db, admin, '2024-H1', recommendation)).toEqual(readOnly);
		expect(issueCycle(db, admin, '2024-H1')).toEqual(readOnly);
		expect(refreezeCycle(db, admin, '2024-H1')).toEqual(readOnly);
		expect(cycleRatings(db, admin, cycle)[0]!.rating).toBe('stalled');
		expect(tableCount(db, 'action_points')).toBe(1);

		if (!added.ok) throw new Error('not added');
		const update = (role: Parameters<typeof as>[0], status: string) =>
			updateActionPoint(db, as(role), added.reference, { status, note: '' });
		expect(update('spu', 'in_progress')).toEqual({ ok: true });
		// leadership closes, but does not start or reopen
		expect(() => update('leadership', 'open')).toThrow(/may not record or update action points/);
		expect(update('leadership', 'done')).toEqual({ ok: true });
		expect(listActionPoints(db, admin, '2024-07-01')[0]!.status).toBe('done');
		expect(update('spu', 'finished')).toMatchObject({
			ok: false,
			errors: { status: expect.stringContaining('"finished" is no status') }
		});
		expect(updateActionPoint(db, admin, 'AP-0999', { status: 'done', note: '' })).toMatchObject({
			problem: 'not_found'
		});
	});

	test('an unknown cycle is not found', async () => {
		const db = await basicDb();
		expect(issueCycle(db, admin, '2030')).toMatchObject({ ok: false, problem: 'not_found' });
	});
});

describe('frozen figures', () => {
	test('an issued cycle keeps its figures after a later import, and names the differences', async () => {
		const db = await basicDb();
		createCycle(db, admin, { code: '2024-H1', ratingScale: '' });
		issueCycle(db, admin, '2024-H1');
		const report = await importFiles(db, admin, [
			csv(
				'late.csv',
				'indicator_code,period,area_code,value,value_type\nK1,2024-01,N1,50,\nK1,2024-03,,20,\nK1,2024-03,,4,target\n'
			)
		]);
		expect(report.ok).toBe(true);

		const figures = frozenFigures(db, admin, findCycle(db, '2024-H1')!);
		expect(figures.differing).toBe(1);
		const k1 = figures.objectives[0]!.indicators.find((i) => i.code === 'K1')!;
		expect(k1.points.find((p) => p.period === '2024-01')!.actual).toBe(12);
		expect(k1.latest!.period).toBe('2024-02');
		expect(k1.differences).toEqual([
			{ period: '2024-01', field: 'actual', frozen: 12, current: 57 },
			{ period: '2024-03', field: 'actual', frozen: null, current: 20 },
			{ period: '2024-03', field: 'target', frozen: null, current: 4 }
		]);
		const k2 = figures.objectives[0]!.indicators.find((i) => i.code === 'K2')!;
		expect(k2.differences).toEqual([]);
	});

	test('a draft cycle can freeze today’s figures again', async () => {
		const db = await basicDb();
		createCycle(db, admin, { code: '2024-H1', ratingScale: '' });
		await importFiles(db, admin, [
			csv('late.csv', 'indicator_code,period,area_code,value\nK1,2024-01,N1,50\n')
		]);
		expect(frozenFigures(db, admin, findCycle(db, '2024-H1')!).differing).toBe(1);
		expect(refreezeCycle(db, admin, '2024-H1')).toEqual({ ok: true, frozen: 3 });
		expect(frozenFigures(db, admin, findCycle(db, '2024-H1')!).differing).toBe(0);
	});
});

describe('comparison with the previous cycle', () => {
	test('ratings that changed and figures revised between the two snapshots', async () => {
		const db = await basicDb();
		createCycle(db, admin, { code: '2024-Q1', ratingScale: '' });
		createCycle(db, admin, { code: '2023', ratingScale: '' });
		rateResult(db, admin, '2024-Q1', { result: 'PO1', rating: 'stalled', narrative: '' });
		rateResult(db, admin, '2024-Q1', { result: 'PO1-OC1', rating: 'stalled', narrative: '' });
		issueCycle(db, admin, '2024-Q1');
		await importFiles(db, admin, [
			csv('revised.csv', 'indicator_code,period,area_code,value\nK1,2024-02,N1,9\n')
		]);
		createCycle(db, admin, { code: '2024-Q2', ratingScale: '' });
		rateResult(db, admin, '2024-Q2', { result: 'PO1', rating: 'regressing', narrative: '' });
		rateResult(db, admin, '2024-Q2', { result: 'PO1-OC1', rating: 'stalled', narrative: '' });

		const comparison = compareWithPrevious(db, admin, findCycle(db, '2024-Q2')!)!;
		expect(comparison.previous).toEqual({ code: '2024-Q1', status: 'issued' });
		expect(comparison.ratings).toEqual([
			{ result: 'PO1', title: 'Civilians protected', previous: 'stalled', current: 'regressing' }
		]);
		// 2024-02 is in both windows; 2024-04 onwards only in this one, so not a change
		expect(comparison.figures.changed).toEqual([
			{
				indicator: 'K1',
				differences: [{ period: '2024-02', field: 'actual', frozen: 7, current: 9 }]
			}
		]);
		expect(comparison.figures.added).toEqual([]);
		expect(comparison.figures.removed).toEqual([]);
		// the first cycle has none before it
		expect(compareWithPrevious(db, admin, findCycle(db, '2023')!)).toBeNull();
		expect(listCycles(db, admin).map((c) => [c.code, c.status, c.rated])).toEqual([
			['2024-Q2', 'draft', 2],
			['2024-Q1', 'issued', 2],
			['2023', 'draft', 0]
		]);
	});
});

describe('the recommendations, tracked as action points', () => {
	test('overdue: deadline passed and neither done nor dropped; filters by status and owner', async () => {
		const db = await basicDb();
		createCycle(db, admin, { code: '2024-H1', ratingScale: '' });
		const add = (owner: string, deadline: string, status: string) =>
			addRecommendation(db, admin, '2024-H1', { ...recommendation, owner, deadline, status });
		add('POC Unit', '2024-06-30', 'open');
		add('POC Unit', '2024-07-01', 'in_progress');
		add('JOC', '2024-05-31', 'done');
		add('JOC', '2024-05-31', 'in_progress');
		const today = '2024-07-01';
		const all = listActionPoints(db, admin, today);
		expect(all.map((r) => [r.owner, r.deadline, r.status, r.overdue])).toEqual([
			['JOC', '2024-05-31', 'done', false],
			['JOC', '2024-05-31', 'in_progress', true],
			['POC Unit', '2024-06-30', 'open', true],
			['POC Unit', '2024-07-01', 'in_progress', false]
		]);
		expect(listActionPoints(db, admin, today, { overdue: true })).toHaveLength(2);
		expect(
			listActionPoints(db, admin, today, { status: 'in_progress', owner: 'JOC' }).map(
				(r) => r.deadline
			)
		).toEqual(['2024-05-31']);
	});
});
