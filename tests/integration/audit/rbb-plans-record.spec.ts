/**
 * The RBB report's planned outputs, resource explanations and variance threshold are audited:
 * one entry per write, with what it was and what it became.
 */
import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, type Actor } from '../../../src/lib/server/actor';
import { saveOutputPlan } from '../../../src/lib/server/framework/output-plans';
import { importFiles } from '../../../src/lib/server/imports/import-files';
import { loadRbbReport } from '../../../src/lib/server/reports/rbb/load-report';
import { setVarianceThreshold } from '../../../src/lib/server/reports/rbb/resources';
import { saveRbbText } from '../../../src/lib/server/reports/rbb/save-text';
import { onlyEntryOf } from '../../helpers/audit';
import { csv, fixture, freshDb } from '../../helpers/db';

const spu: Actor = { username: 'spu-officer', role: 'spu', cleared: false };

test('a planned output saved in the framework editor, a threshold set, a resource line explained', async () => {
	const db = freshDb();
	const imported = await importFiles(db, LOCAL_ADMINISTRATOR, [
		fixture('rbb', 'framework.csv'),
		fixture('rbb', 'resources.csv'),
		csv('areas.csv', 'area_code,area_name\nN,North\n'),
		csv(
			'indicators.csv',
			'indicator_code,indicator_title,result_code,category,direction,measure\nPAT,Patrols,PO1-OP1,capacity,increase,count\n'
		),
		csv('observations.csv', 'indicator_code,period,area_code,value\nPAT,2023-09,N,100\n')
	]);
	expect(imported.ok, JSON.stringify(imported.files.map((f) => f.errors))).toBe(true);

	const plan = await onlyEntryOf(db, () =>
		saveOutputPlan(db, spu, 'PO1-OP1', {
			budget_year: 'FY2023-24',
			planned: '40',
			completed: '38',
			remarks: 'Two patrols cancelled',
			remarks_fr: ''
		})
	);
	expect(plan).toMatchObject({
		actor: 'spu-officer',
		action: 'framework.output.plan',
		subject: 'PO1-OP1',
		detail: {
			budgetYear: 'FY2023/24',
			before: { planned: '', completed: '' },
			after: { planned: '40', completed: '38', remarks: 'Two patrols cancelled' }
		}
	});

	const threshold = await onlyEntryOf(db, () => setVarianceThreshold(db, spu, 10));
	expect(threshold).toMatchObject({
		action: 'settings.change',
		subject: 'rbb_variance_threshold',
		detail: { before: 5, after: 10 }
	});

	const loaded = loadRbbReport(db, spu, 'FY2023/24');
	if (!loaded.ok) throw new Error(loaded.message);
	const line = loaded.report.resources.rows.find((r) => r.component === 'Civil affairs')!;
	const explained = await onlyEntryOf(db, () =>
		saveRbbText(db, spu, 'FY2023/24', { resource: line.id! }, 'Two extra flights')
	);
	expect(explained).toMatchObject({
		action: 'rbb.text.save',
		subject: 'FY2023/24',
		detail: {
			resource: 'Civil affairs · Operational costs',
			before: { text: null },
			after: { text: 'Two extra flights' }
		}
	});
});
