/**
 * The audit log's words: the closed list of what is recorded, and how a reader filters and
 * reads the entries. Pure, so the page, the CSV export and the tests agree.
 */
import { m } from '../paraglide/messages.js';
import { isValidDate } from './period';

/** Every kind of write the audit log records; a capability records exactly one per write. */
export const AUDIT_ACTIONS = [
	'import',
	'undo',
	'areas.edit',
	'areas.boundaries',
	'framework.node.create',
	'framework.node.update',
	'framework.node.move',
	'framework.node.retire',
	'framework.node.reinstate',
	'framework.output.plan',
	'indicator.create',
	'indicator.update',
	'indicator.retire',
	'indicator.reinstate',
	'caveat.create',
	'caveat.update',
	'caveat.delete',
	'rbb.text.save',
	'rbb.issue',
	'rbb.language',
	'cycle.create',
	'cycle.freeze',
	'cycle.rate',
	'cycle.issue',
	'recommendation.create',
	'recommendation.status',
	'action.create',
	'action.update',
	'action.status',
	'action.note',
	'source.save',
	'list-source.create',
	'list-source.update',
	'list-source.retire',
	'list-source.restore',
	'list-source.rules',
	'list-source.spellings',
	'verification.change',
	'settings.change',
	'user.create',
	'user.update',
	'user.disable',
	'user.enable',
	'user.password.change',
	'user.password.reset',
	'session.login',
	'session.login.failed',
	'session.logout',
	'session.revoke',
	'token.create',
	'token.revoke',
	'backup.create',
	'backup.download',
	'backup.restore'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** An entry's action families and actions, for choosing a filter: `cycle`, `cycle.rate`… */
export function actionPrefixes(): string[] {
	const prefixes = new Set<string>();
	for (const action of AUDIT_ACTIONS) {
		const parts = action.split('.');
		for (let n = 1; n <= parts.length; n++) prefixes.add(parts.slice(0, n).join('.'));
	}
	return [...prefixes].sort();
}

/**
 * Whether an action is in a family: the family itself or below it by whole words, so that
 * `cycle` takes `cycle.rate` and `framework.node` takes `framework.node.move`, but `rbb.text`
 * does not take a hypothetical `rbb.textile`.
 */
export function inFamily(action: string, family: string): boolean {
	return action === family || action.startsWith(`${family}.`);
}

/** What the reader asks for; every part optional. Dates are whole UTC days, both included. */
export interface AuditFilter {
	actor: string | null;
	action: string | null;
	subject: string | null;
	from: string | null;
	to: string | null;
}

export const NO_AUDIT_FILTER: AuditFilter = {
	actor: null,
	action: null,
	subject: null,
	from: null,
	to: null
};

/**
 * The filter a URL's query asks for, and what in it could not be understood. A blank field is
 * no filter; a malformed date is said, not silently dropped, so the reader knows the list is
 * not what they asked for.
 */
export function parseAuditFilter(params: URLSearchParams): {
	filter: AuditFilter;
	problems: string[];
} {
	const read = (name: string) => {
		const value = params.get(name)?.trim() ?? '';
		return value === '' ? null : value;
	};
	const problems: string[] = [];
	const date = (name: 'from' | 'to') => {
		const value = read(name);
		if (value === null || isValidDate(value)) return value;
		problems.push(m.shell_audit_bad_date({ value }));
		return null;
	};
	const filter: AuditFilter = {
		actor: read('actor'),
		action: read('action'),
		subject: read('subject'),
		from: date('from'),
		to: date('to')
	};
	if (filter.from && filter.to && filter.from > filter.to) {
		problems.push(m.shell_audit_range_backwards({ to: filter.to, from: filter.from }));
	}
	return { filter, problems };
}

/** One line of what changed: a field, its value before and after (undefined: absent). */
export interface DetailChange {
	field: string;
	before: unknown;
	after: unknown;
}

/**
 * An entry's detail for a reader: the fields that differ between `before` and `after` (those
 * equal are left out, they are noise), and the rest of the detail as it is.
 */
export function readDetail(detail: Record<string, unknown>): {
	changes: DetailChange[];
	other: [string, unknown][];
} {
	const { before, after, ...rest } = detail;
	const other = Object.entries(rest);
	if (before === undefined && after === undefined) return { changes: [], other };
	const asRecord = (v: unknown): Record<string, unknown> =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? (v as Record<string, unknown>)
			: { value: v };
	// a value that was not there (created) or is not there any more (deleted) has one side
	const b = before === undefined || before === null ? {} : asRecord(before);
	const a = after === undefined || after === null ? {} : asRecord(after);
	const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
	const changes = fields
		.filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
		.map((field) => ({ field, before: b[field], after: a[field] }));
	return { changes, other };
}

/** A detail value as one line of text: strings as they are, anything else as JSON. */
export function detailValueText(value: unknown): string {
	if (value === undefined) return '—';
	if (value === null || value === '') return m.shell_audit_blank();
	return typeof value === 'string' ? value : JSON.stringify(value);
}
