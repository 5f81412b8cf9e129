import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../../src/lib/server/actor';
import { importFiles } from '../../../../src/lib/server/imports/import-files';
import { NotAllowed } from '../../../../src/lib/server/permissions';
import { listRbbBudgetYears } from '../../../../src/lib/server/reports/rbb/budget-years';
import { issueRbbReport } from '../../../../src/lib/server/reports/rbb/issue';
import { loadRbbReport } from '../../../../src/lib/server/reports/rbb/load-report';
import { saveRbbText } from '../../../../src/lib/server/reports/rbb/save-text';
import { loadSeries } from '../../../../src/lib/server/series/load-series';
import { csv, freshDb } from '../../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;
const spu: Actor = { username: 'spu-officer', role: 'spu', cleared: false };
const viewer: Actor = { username: 'guest', role: 'viewer', cleared: false };

const MISSION = [
	csv('areas.csv', 'area_code,area_name,population\nN,North,100000\nS,South,100000\n'),
	csv(
		'framework.csv',
		[
			'result_code,result_level,result_title,parent_result',
			'PO1,objective,Civilians protected,',
			'PO1-IM1,impact,Threat reduced,PO1',
			'PO1-OC1,outcome,Forces respond,PO1-IM1',
			'PO1-OP1,output,Patrols conducted,PO1-OC1'
		].join('\n')
	),
	csv(
		'indicators.csv',
		[
			'indicator_code,indicator_title,result_code,category,direction,measure,frequency,baseline_value,baseline_period',
			'INC,Incidents,PO1-IM1,situation,decrease,count,month,40,FY2022/23',
			'SAFE,% feel safe,PO1-OC1,perception,increase,percent,quarter,,',
			'PAT,Patrols,PO1-OP1,capacity,increase,count,month,,'
		].join('\n')
	),
	csv(
		'observations.csv',
		[
			'indicator_code,period,area_code,value,value_type,numerator,denominator',
			'INC,2023-07,N,5,,,',
			'INC,2023-08,S,7,,,',
			'INC,2024-05,N,6,,,',
			'INC,FY2023/24,,20,target,,',
			'SAFE,2023-Q3,N,,,30,100',
			'SAFE,2024-Q2,S,,,50,100',
			'SAFE,FY2023/24,,45,target,,',
			'PAT,2023-09,N,100,,,',
			'PAT,FY2023/24,,150,target,,',
			'PAT,2024-07,N,9,,,'
		].join('\n')
	)
];

async function mission() {
	const db = freshDb();
	const report = await importFiles(db, admin, MISSION);
	expect(report.ok, JSON.stringify(report.files.map((f) => f.errors))).toBe(true);
	return db;
}

function rows(db: ReturnType<typeof freshDb>, year = 'FY2023/24') {
	const loaded = loadRbbReport(db, admin, year);
	if (!loaded.ok) throw new Error(loaded.message);
	const r = loaded.report;
	return {
		report: r,
		byCode: new Map(
			r.objectives
				.flatMap((o) => [...o.achievements, ...o.outputs.flatMap((out) => out.indicators)])
				.map((x) => [x.code, x])
		)
	};
}

test('a draft shows each indicator’s budget-year target and actual as the series by fy gives them', async () => {
	const db = await mission();
	const { report, byCode } = rows(db);
	expect(report.status).toBe('not_started');
	expect(report.objectives[0]!.achievements.map((r) => r.code)).toEqual(['INC', 'SAFE']);
	expect(report.objectives[0]!.outputs[0]!.indicators.map((r) => r.code)).toEqual(['PAT']);
	expect(byCode.get('INC')).toMatchObject({
		planned: 20,
		actual: 18,
		baselineValue: 40,
		baselinePeriod: 'FY2022/23'
	});
	expect(byCode.get('SAFE')).toMatchObject({ planned: 45, actual: 40 }); // 80 / 200, never a mean of rates
	expect(byCode.get('PAT')).toMatchObject({ planned: 150, actual: 100, status: 'off_track' });
	for (const [code, row] of byCode) {
		const s = loadSeries(db, admin, code, { by: 'fy' });
		if (!s.ok) throw new Error(s.message);
		const p = s.series.points.find((x) => x.period === 'FY2023/24')!;
		expect([row.planned, row.actual, row.status], code).toEqual([p.target, p.actual, p.status]);
	}
	// looking at a report does not start one
	expect(listRbbBudgetYears(db, admin).map((y) => [y.year.label, y.status, y.complete])).toEqual([
		['FY2024/25', 'not_started', false],
		['FY2023/24', 'not_started', true]
	]);
});

test('issuing freezes the figures: a later import changes today’s data, the report keeps its numbers and names the differences', async () => {
	const db = await mission();
	expect(
		saveRbbText(db, spu, 'FY2023/24', { indicator: 'INC' }, ' Fewer incidents in the north. ')
	).toMatchObject({ ok: true });
	expect(
		saveRbbText(db, spu, 'FY2023-24', { section: 'PO1' }, 'A year of progress.')
	).toMatchObject({ ok: true });
	expect(rows(db).report).toMatchObject({ status: 'draft' });
	expect(issueRbbReport(db, spu, 'FY2023/24')).toMatchObject({ ok: true });

	const issued = rows(db);
	expect(issued.report).toMatchObject({
		status: 'issued',
		issuedBy: 'spu-officer',
		changedSinceIssue: []
	});
	expect(issued.report.objectives[0]!.narrative).toBe('A year of progress.');
	expect(issued.byCode.get('INC')!.variance).toBe('Fewer incidents in the north.');

	const late = await importFiles(db, admin, [
		csv('late.csv', 'indicator_code,period,area_code,value\nINC,2024-06,S,30\nPAT,2024-01,N,80\n')
	]);
	expect(late.ok).toBe(true);
	// today's series moved…
	const now = loadSeries(db, admin, 'INC', { by: 'fy' });
	expect(now.ok && now.series.points.find((p) => p.period === 'FY2023/24')!.actual).toBe(48);

	// …the issued report did not, and says where today's data differs
	const after = rows(db);
	expect(after.byCode.get('INC')).toMatchObject({ actual: 18, planned: 20 });
	expect(after.byCode.get('PAT')).toMatchObject({ actual: 100 });
	expect(after.report.changedSinceIssue.sort()).toEqual(['INC', 'PAT']);
	expect(after.byCode.get('INC')!.differences).toEqual([
		{ period: 'FY2023/24', field: 'actual', frozen: 18, current: 48 }
	]);
	expect(after.byCode.get('SAFE')!.differences).toEqual([]);

	// an issued report is read-only, texts included, and is issued once
	expect(saveRbbText(db, spu, 'FY2023/24', { section: 'PO1' }, 'Changed')).toMatchObject({
		ok: false,
		problem: 'conflict'
	});
	expect(issueRbbReport(db, spu, 'FY2023/24')).toMatchObject({ ok: false, problem: 'conflict' });
	expect(rows(db).report.objectives[0]!.narrative).toBe('A year of progress.');
});

test('an indicator added after issuing is named, not slipped into the issued report', async () => {
	const db = await mission();
	issueRbbReport(db, admin, 'FY2023/24');
	await importFiles(db, admin, [
		csv(
			'more.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure\nNEW,New one,PO1-IM1,situation,decrease,count\n'
		)
	]);
	const { report, byCode } = rows(db);
	expect(byCode.has('NEW')).toBe(false);
	expect(report.notInIssued).toEqual(['NEW']);
});

test('texts go only where the report has a place for them; a blank text clears it', async () => {
	const db = await mission();
	expect(saveRbbText(db, admin, 'FY2023/24', { section: 'PO9' }, 'x')).toMatchObject({
		ok: false,
		problem: 'not_found'
	});
	expect(saveRbbText(db, admin, 'FY2023/24', { indicator: 'NOPE' }, 'x')).toMatchObject({
		ok: false,
		problem: 'not_found'
	});
	expect(
		saveRbbText(db, admin, 'FY2023/24', { section: 'summary' }, 'x'.repeat(10_001))
	).toMatchObject({ ok: false, problem: 'bad_request' });
	expect(saveRbbText(db, admin, 'FY2023/24', { section: 'PO1-OP1' }, 'Rain.')).toMatchObject({
		ok: true
	});
	expect(rows(db).report.objectives[0]!.outputs[0]!.remarks).toBe('Rain.');
	expect(saveRbbText(db, admin, 'FY2023/24', { section: 'PO1-OP1' }, '  ')).toMatchObject({
		ok: true
	});
	expect(rows(db).report.objectives[0]!.outputs[0]!.remarks).toBe('');
	// nothing written any more: the year is not started again
	expect(rows(db).report.status).toBe('not_started');
});

test('only the SPU and administrators write; everyone may read', async () => {
	const db = await mission();
	expect(() => saveRbbText(db, viewer, 'FY2023/24', { section: 'PO1' }, 'x')).toThrow(NotAllowed);
	expect(() => issueRbbReport(db, viewer, 'FY2023/24')).toThrow(NotAllowed);
	expect(loadRbbReport(db, viewer, 'FY2023/24').ok).toBe(true);
});

test('a budget year badly written is a bad request; one without figures is not found', async () => {
	const db = await mission();
	expect(loadRbbReport(db, admin, '2023-24')).toMatchObject({ ok: false, problem: 'bad_request' });
	expect(loadRbbReport(db, admin, 'FY2030/31')).toMatchObject({
		ok: false,
		problem: 'not_found',
		message:
			'No figures fall in the budget year FY2030/31. Figures run from 2023-07-01 to 2024-07-31.'
	});
});
