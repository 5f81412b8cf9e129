import type { AuditAction } from '../../domain/audit';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
import type { SessionsDb } from '../db/sessions-db';
import { accessAudit } from '../db/sessions-schema';

/** What a write records about itself: what was written and, where it applies, before/after. */
export type AuditDetail = Record<string, unknown>;

/** An entry as a capability describes it; `recordAudit` adds who and when. */
export interface AuditEntry {
	action: AuditAction;
	subject: string;
	detail: AuditDetail;
}

/**
 * The actions that go to the sessions database's access log: signing in and out, ending
 * sessions, taking and restoring backups — who reached the system, none of them a change to
 * the data, all of them written without waiting on an import's lock.
 */
export type AccessAuditAction = Extract<AuditAction, `session.${string}` | `backup.${string}`>;

/**
 * Appends one entry to the audit log. Call it inside the transaction of the write it records:
 * a write rolled back then leaves no entry, and an entry that cannot be written rolls the
 * write back — there is no write without its entry. `db` may be a drizzle transaction.
 */
export function recordAudit(
	db: Pick<Db, 'insert'>,
	actor: Actor,
	action: AuditAction,
	subject: string | number,
	detail: AuditDetail = {}
): void {
	db.insert(auditLog)
		.values(entryValues(actor, action, subject, detail))
		.run();
}

/**
 * The same for access (AccessAuditAction): the entry goes in the sessions database's log
 * (db/sessions-db.ts), in the same transaction as the session it records. The audit page
 * reads both logs as one.
 */
export function recordAccessAudit(
	sessionsDb: Pick<SessionsDb, 'insert'>,
	actor: Actor,
	action: AccessAuditAction,
	subject: string | number,
	detail: AuditDetail = {}
): void {
	sessionsDb
		.insert(accessAudit)
		.values(entryValues(actor, action, subject, detail))
		.run();
}

function entryValues(
	actor: Actor,
	action: AuditAction,
	subject: string | number,
	detail: AuditDetail
) {
	return {
		actor: actor.username,
		action,
		subject: String(subject),
		detail: JSON.stringify(detail)
	};
}
