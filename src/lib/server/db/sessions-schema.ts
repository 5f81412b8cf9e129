/**
 * The sessions database: what signing in writes, kept in a file of its own beside the main
 * one (sessions-db.ts says why). User ids point at the main database's `users` without a
 * foreign key, which SQLite cannot have across files; accounts are never deleted, so an id
 * keeps naming the same account.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DB_NOW } from '../clock';

/**
 * Signed-in browsers. The cookie holds a random token; only its SHA-256 is stored, so a copy
 * of the file does not let anyone sign in. Times are milliseconds since the epoch.
 */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id').notNull(),
		createdAt: integer('created_at').notNull(),
		lastSeenAt: integer('last_seen_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		userAgent: text('user_agent'),
		address: text('address')
	},
	(t) => [index('sessions_user').on(t.userId)]
);

/**
 * Failed sign-ins in a row, per account (`user:NAME`) and per address (`address:IP`): each
 * failure makes the next attempt wait longer; a success clears the account's count.
 */
export const loginFailures = sqliteTable('login_failures', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lastFailureAt: integer('last_failure_at').notNull()
});

/**
 * The access log: signing in and out (`session.*`) and backups (`backup.*`), the same columns as the main
 * database's `audit_log`, append-only the same way (triggers in the migration). Its ids start
 * at 1 000 000 001 so that an id names one entry across both logs (audit/list.ts merges them).
 */
export const accessAudit = sqliteTable(
	'access_audit',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at').notNull().default(DB_NOW),
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		subject: text('subject').notNull(),
		detail: text('detail').notNull().default('{}')
	},
	(t) => [
		index('access_audit_actor').on(t.actor),
		index('access_audit_subject').on(t.subject),
		index('access_audit_at').on(t.at)
	]
);

/** The first id of the access log: above any id the main audit log will reach. */
export const ACCESS_AUDIT_FIRST_ID = 1_000_000_001;
