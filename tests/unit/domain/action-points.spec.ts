import { describe, expect, test } from 'vitest';
import {
	actionReference,
	addDays,
	isDueSoon,
	isOverdue,
	parseOwner,
	referenceNumber,
	rightForStatus,
	updateProblem
} from '../../../src/lib/domain/action-points';

const today = '2026-03-20';

describe('overdue and due soon', () => {
	test('overdue: the deadline passed and it is neither done nor dropped', () => {
		expect(isOverdue({ deadline: '2026-03-19', status: 'open' }, today)).toBe(true);
		expect(isOverdue({ deadline: '2026-03-19', status: 'in_progress' }, today)).toBe(true);
		expect(isOverdue({ deadline: today, status: 'open' }, today)).toBe(false);
		expect(isOverdue({ deadline: '2026-01-01', status: 'done' }, today)).toBe(false);
		expect(isOverdue({ deadline: '2026-01-01', status: 'dropped' }, today)).toBe(false);
	});
	test('due soon: today up to 14 days ahead, still to do; never also overdue', () => {
		expect(isDueSoon({ deadline: today, status: 'open' }, today)).toBe(true);
		expect(isDueSoon({ deadline: '2026-04-03', status: 'in_progress' }, today)).toBe(true);
		expect(isDueSoon({ deadline: '2026-04-04', status: 'open' }, today)).toBe(false);
		expect(isDueSoon({ deadline: '2026-03-19', status: 'open' }, today)).toBe(false);
		expect(isDueSoon({ deadline: '2026-03-25', status: 'done' }, today)).toBe(false);
	});
	test('days are added across months and leap years', () => {
		expect(addDays('2028-02-20', 14)).toBe('2028-03-05');
		expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
	});
});

describe('updates', () => {
	test('closing needs `close`; starting and reopening need `track`', () => {
		expect(rightForStatus('done')).toBe('close');
		expect(rightForStatus('dropped')).toBe('close');
		expect(rightForStatus('in_progress')).toBe('track');
		expect(rightForStatus('open')).toBe('track');
	});
	test('dropping needs a reason; an update must change the status or say something', () => {
		expect(updateProblem('open', 'dropped', '  ')).toBe('needs_reason');
		expect(updateProblem('open', 'dropped', 'Overtaken by the new mandate')).toBeNull();
		expect(updateProblem('in_progress', 'in_progress', '')).toBe('nothing_to_record');
		expect(updateProblem('in_progress', 'in_progress', 'Two of five bases done')).toBeNull();
		expect(updateProblem('open', 'done', '')).toBeNull();
		// a done point may be reopened when the problem returns
		expect(updateProblem('done', 'open', '')).toBeNull();
		// a dropped one keeps its reason when a note is added
		expect(updateProblem('dropped', 'dropped', 'Still no funds')).toBeNull();
	});
});

describe('references and owners', () => {
	test('AP-0012 both ways; other text is no reference', () => {
		expect(actionReference(12)).toBe('AP-0012');
		expect(actionReference(12345)).toBe('AP-12345');
		expect(referenceNumber(' AP-0012 ')).toBe(12);
		expect(referenceNumber('AP-12')).toBeNull();
		expect(referenceNumber('ap-0012')).toBeNull();
	});
	test('@username is an account, anything else a unit; blank is none', () => {
		expect(parseOwner(' Civil Affairs ')).toEqual({ unit: 'Civil Affairs', account: null });
		expect(parseOwner('@amina.planner')).toEqual({ unit: null, account: 'amina.planner' });
		expect(parseOwner('  ')).toBeNull();
		expect(parseOwner('@')).toBeNull();
	});
});
