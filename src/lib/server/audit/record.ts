import type { AuditAction } from '../../domain/audit';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { auditLog } from '../db/schema';

/** What a write records about itself: what was written and, where it applies, before/after. */
export type AuditDetail = Record<string, unknown>;

/** An entry as a capability describes it; `recordAudit` adds who and when. */
export interface AuditEntry {
	action: AuditAction;
	subject: string;
	detail: AuditDetail;
}

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
		.values({
			actor: actor.username,
			action,
			subject: String(subject),
			detail: JSON.stringify(detail)
		})
		.run();
}
