// The demo mission's action points: a dozen decisions of its joint protection team missions,
// senior management group meetings, early-warning and after-action reviews and others, as the
// `actions` file a secretary would import from the minutes (docs/formats.md "Action points").
// Deadlines are counted from the day the demo is loaded, so the tracker always shows some
// overdue, some due soon, some done and one dropped with its reason. Two link restricted
// indicators (sexual violence, grave violations against children): uncleared readers see the
// decision, never those links.

import Papa from 'papaparse';
import { addDays } from '../../domain/action-points';
import { ACTION_COLUMNS, type ActionColumn } from '../../domain/columns';

type DemoAction = Partial<Record<ActionColumn, string>> & {
	/** days from the load day to the deadline: negative is past */
	due: number;
	/** days before the load day the decision was taken, for its origin reference */
	taken: number;
};

const DEMO_ACTIONS: readonly DemoAction[] = [
	{
		origin: 'jpt_mission',
		origin_reference: 'JPT Dunmarrow',
		decision: 'Set up a community alert network in the four villages the team visited',
		owner: 'Civil Affairs',
		area_code: 'AMB-DUN',
		status: 'open',
		result_codes: 'PO1-OC1',
		indicator_codes: '1.1.1',
		due: -20,
		taken: 75
	},
	{
		origin: 'jpt_mission',
		origin_reference: 'JPT Fennoway',
		decision: 'Station a temporary operating base on the Fennoway market road for the harvest',
		owner: 'Force',
		area_code: 'KES-FEN',
		status: 'in_progress',
		result_codes: 'PO1-OC2',
		indicator_codes: '1.3.6',
		due: 7,
		taken: 30
	},
	{
		origin: 'smg_p_meeting',
		origin_reference: 'SMG-P',
		decision: 'Adopt the mission-wide protection of civilians strategy update',
		owner: 'Office of the SRSG',
		status: 'done',
		result_codes: 'PO1',
		due: -40,
		taken: 90
	},
	{
		origin: 'smg_p_meeting',
		origin_reference: 'SMG-P',
		decision: 'Fund two more women protection advisers for Solvanne',
		owner: 'Mission Support',
		area_code: 'SOL',
		status: 'in_progress',
		result_codes: 'PO2',
		indicator_codes: '2.2.2',
		due: 45,
		taken: 20
	},
	{
		origin: 'smg_p_meeting',
		origin_reference: 'SMG-P',
		decision: 'Brief the protection cluster on the new early-warning indicators',
		owner: 'POC Unit',
		status: 'done',
		due: -10,
		taken: 20
	},
	{
		origin: 'early_warning_review',
		origin_reference: 'Early-warning review',
		decision: 'Increase patrols around Mirrowgate displacement sites before the elections',
		owner: 'UNPOL',
		area_code: 'SOL-MIR',
		status: 'open',
		indicator_codes: '1.2.1',
		due: -5,
		taken: 35
	},
	{
		origin: 'early_warning_review',
		origin_reference: 'Early-warning review',
		decision: 'Send a joint assessment mission to Quillhaven after the reported militia build-up',
		owner: 'JOC',
		area_code: 'KES-QUI',
		status: 'open',
		result_codes: 'PO1-IM1',
		due: 10,
		taken: 6
	},
	{
		origin: 'after_action_review',
		origin_reference: 'After-action review, Orrin Falls attack',
		decision: 'Give every company base a rapid-response rehearsal plan',
		owner: 'Force',
		area_code: 'AMB-ORR',
		status: 'done',
		result_codes: 'PO1-OC2',
		due: -60,
		taken: 120
	},
	{
		origin: 'after_action_review',
		origin_reference: 'After-action review, Orrin Falls attack',
		decision: 'Rebuild the footbridge at the Orrin ford for evacuation',
		owner: 'Engineering',
		area_code: 'AMB-ORR',
		status: 'dropped',
		drop_reason: 'The government rebuilt the bridge with World Bank funds.',
		due: -30,
		taken: 120
	},
	{
		origin: 'other',
		origin_reference: 'Protection cluster meeting',
		decision: 'Map the referral pathways for survivors in every province',
		owner: 'Human Rights Division',
		status: 'open',
		result_codes: 'PO3-IM1',
		indicator_codes: '1.2.5',
		due: 90,
		taken: 14
	},
	{
		origin: 'other',
		origin_reference: 'Country task force on monitoring and reporting',
		decision: 'Verify the reported recruitment of children at the Brackenford checkpoints',
		owner: 'Child Protection Unit',
		area_code: 'KES-BRA',
		status: 'in_progress',
		result_codes: 'PO3-IM2',
		indicator_codes: '1.2.6',
		due: 3,
		taken: 25
	},
	{
		origin: 'jpt_mission',
		origin_reference: 'JPT Brackenford',
		decision: 'Open a community liaison office in Brackenford',
		owner: 'Civil Affairs',
		area_code: 'KES-BRA',
		status: 'open',
		due: 30,
		taken: 10
	}
];

/** The demo's action points file, `actions.csv`, its deadlines counted from `today`. */
export function demoActionsFile(today: string): { name: 'actions.csv'; content: string } {
	const data = DEMO_ACTIONS.map(({ due, taken, ...row }) => {
		const cells: Partial<Record<ActionColumn, string>> = {
			...row,
			origin_reference: `${row.origin_reference}, ${addDays(today, -taken)}`,
			deadline: addDays(today, due)
		};
		return ACTION_COLUMNS.map((c) => cells[c] ?? '');
	});
	const content = Papa.unparse(
		{ fields: [...ACTION_COLUMNS], data },
		{ delimiter: ',', newline: '\n' }
	);
	return { name: 'actions.csv', content: `${content}\n` };
}
