/**
 * Action points: decisions of the mission's meetings and reviews, tracked until done or
 * dropped (docs/actions.md). Pure rules: where one comes from, its statuses and the moves
 * between them, when one is overdue or due soon, and its stable reference.
 */

/** Where a decision was taken. `assessment_cycle` ones name their cycle. */
export const ACTION_ORIGINS = [
	'assessment_cycle',
	'jpt_mission',
	'smg_p_meeting',
	'early_warning_review',
	'after_action_review',
	'other'
] as const;
export type ActionOrigin = (typeof ACTION_ORIGINS)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** How many days ahead a deadline counts as due soon. */
export const DUE_SOON_DAYS = 14;

export function isActionOrigin(s: string): s is ActionOrigin {
	return (ACTION_ORIGINS as readonly string[]).includes(s);
}

export function isActionStatus(s: string): s is ActionStatus {
	return (ACTION_STATUSES as readonly string[]).includes(s);
}

/** Done and dropped action points need no more follow-up. */
export function isSettled(status: ActionStatus): boolean {
	return status === 'done' || status === 'dropped';
}

/**
 * Overdue: its deadline has passed (before today, both ISO dates) and it is neither done nor
 * dropped. Due today is not overdue yet.
 */
export function isOverdue(
	point: { deadline: string; status: ActionStatus },
	today: string
): boolean {
	return point.deadline < today && !isSettled(point.status);
}

/** `days` after an ISO date, as an ISO date (UTC: dates carry no time of day). */
export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/**
 * Due soon: still to do, and its deadline is today or within DUE_SOON_DAYS days. An overdue
 * one is not also due soon: it is counted once, as overdue.
 */
export function isDueSoon(
	point: { deadline: string; status: ActionStatus },
	today: string
): boolean {
	return (
		!isSettled(point.status) &&
		point.deadline >= today &&
		point.deadline <= addDays(today, DUE_SOON_DAYS)
	);
}

/**
 * The right a status change needs: closing (done, dropped) is `close`, which leadership has;
 * every other change (starting, reopening) is `track`.
 */
export function rightForStatus(to: ActionStatus): 'track' | 'close' {
	return isSettled(to) ? 'close' : 'track';
}

/** Why an update cannot be recorded, or null. */
export type UpdateProblem = 'needs_reason' | 'nothing_to_record';

/**
 * Whether an update (a status move and a note) may be recorded. Every move is allowed — a done
 * point may be reopened when the problem returns — but dropping needs a reason (the note), and
 * an update must say something: a new status or a note.
 */
export function updateProblem(
	from: ActionStatus,
	to: ActionStatus,
	note: string
): UpdateProblem | null {
	if (to === 'dropped' && from !== 'dropped' && note.trim() === '') return 'needs_reason';
	if (from === to && note.trim() === '') return 'nothing_to_record';
	return null;
}

const REFERENCE = /^AP-(\d{4,})$/;

/** An action point's stable reference: `AP-0012`. Files use it as the key. */
export function actionReference(n: number): string {
	return `AP-${String(n).padStart(4, '0')}`;
}

/** The number of a well-formed reference (`AP-0012` → 12), or null. */
export function referenceNumber(reference: string): number | null {
	const match = REFERENCE.exec(reference.trim());
	return match ? Number(match[1]) : null;
}

/** An owner: a unit in words, or an account written `@username`. */
export type ActionOwner = { unit: string; account: null } | { unit: null; account: string };

/** The owner a form or file names: `@username` is an account, anything else a unit. */
export function parseOwner(text: string): ActionOwner | null {
	const owner = text.trim();
	if (owner === '' || owner === '@') return null;
	return owner.startsWith('@')
		? { unit: null, account: owner.slice(1).trim() }
		: { unit: owner, account: null };
}

/** The owner as forms and files write it back. */
export function ownerText(owner: { unit: string | null; account: string | null }): string {
	return owner.account !== null ? `@${owner.account}` : (owner.unit ?? '');
}
