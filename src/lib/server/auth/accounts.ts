/**
 * Local accounts: create, read, change role, clearance and scope, disable, and the password
 * changes. Every write is authorised here (administrators manage accounts; everyone manages
 * their own password) and recorded in the audit log in its own transaction, so the pages and
 * `cpas user` share one rule.
 */
import { and, asc, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import { joinList, passwordProblem, splitList, usernameProblem } from '../../domain/accounts';
import { clearedByDefault, isRole, type Role } from '../../domain/roles';
import type { Locale } from '../../i18n/locales';
import type { Actor, PlannerScope } from '../actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db';
import { apiTokens, areas, users } from '../db/schema';
import { authorize } from '../permissions';
import { hashPassword, verifyPassword } from './password';
import { endSessions } from './sessions';
import { m } from '../../paraglide/messages.js';

export type UserRow = typeof users.$inferSelect;

/** An account as pages and the command line show it: never its password hash. */
export interface Account {
	id: number;
	username: string;
	displayName: string | null;
	role: Role;
	cleared: boolean;
	disabled: boolean;
	mustChangePassword: boolean;
	scope: PlannerScope;
	demo: boolean;
	/** the language chosen on /account; null: the browser's, else English */
	locale: Locale | null;
	createdAt: string;
}

/** Done, or what to correct, by form field (`form` for what belongs to no field). */
export type AccountResult =
	{ ok: true; account: Account } | { ok: false; errors: Record<string, string> };

function refused(field: string, message: string): AccountResult {
	return { ok: false, errors: { [field]: message } };
}

export function accountOf(row: UserRow): Account {
	return {
		id: row.id,
		username: row.username,
		displayName: row.displayName,
		role: row.role,
		cleared: row.cleared,
		disabled: row.disabled,
		mustChangePassword: row.mustChangePassword,
		scope: { components: splitList(row.scopeComponents), areas: splitList(row.scopeAreas) },
		demo: row.demo,
		locale: row.locale ?? null,
		createdAt: row.createdAt
	};
}

/** The actor an account acts as, in the web app and through its API tokens. */
export function actorOf(row: UserRow | Account): Actor {
	const account = 'passwordHash' in row ? accountOf(row) : row;
	return Object.freeze({
		username: account.username,
		role: account.role,
		cleared: account.cleared,
		scope: account.role === 'planner' ? account.scope : undefined
	});
}

/** What an audit entry keeps of an account: everything but secrets. */
function auditView(a: Account) {
	return {
		role: a.role,
		cleared: a.cleared,
		disabled: a.disabled,
		displayName: a.displayName,
		components: a.scope.components,
		areas: a.scope.areas
	};
}

export function hasAccounts(db: Db): boolean {
	return (db.select({ n: count() }).from(users).get()?.n ?? 0) > 0;
}

export function findUser(db: Db, username: string): UserRow | undefined {
	return db.select().from(users).where(eq(users.username, username)).get();
}

export function listAccounts(db: Db, actor: Actor): Account[] {
	authorize(actor, 'administer');
	return db.select().from(users).orderBy(asc(users.username)).all().map(accountOf);
}

export interface NewAccount {
	username: string;
	password: string;
	role: string;
	cleared?: boolean;
	displayName?: string | null;
	scope?: { components?: readonly string[] | string; areas?: readonly string[] | string };
	demo?: boolean;
	/**
	 * The password is one an administrator chose and passed on: the person must replace it at
	 * their first sign-in, so that nobody else knows the password of their account.
	 */
	temporary?: boolean;
}

function scopeColumns(scope: NewAccount['scope']) {
	const list = (v: readonly string[] | string | undefined) =>
		joinList(
			typeof v === 'string' ? splitList(v) : [...(v ?? [])].map((s) => s.trim()).filter(Boolean)
		);
	return { scopeComponents: list(scope?.components), scopeAreas: list(scope?.areas) };
}

/** A scope naming an area that does not exist would silently allow nothing: say so. */
function unknownAreas(db: Pick<Db, 'select'>, scope: NewAccount['scope']): string | null {
	const wanted = splitList(scopeColumns(scope).scopeAreas);
	if (wanted.length === 0) return null;
	const known = new Set(
		db
			.select({ code: areas.code })
			.from(areas)
			.where(inArray(areas.code, wanted))
			.all()
			.map((a) => a.code)
	);
	const missing = wanted.filter((c) => !known.has(c));
	return missing.length === 0
		? null
		: m.shell_account_unknown_areas({ codes: missing.map((c) => `"${c}"`).join(', ') });
}

function checkNew(input: NewAccount): Record<string, string> {
	const errors: Record<string, string> = {};
	const u = usernameProblem(input.username);
	if (u) errors.username = u;
	if (!isRole(input.role)) errors.role = m.shell_account_not_a_role({ role: input.role });
	const p = passwordProblem(input.password, input.username);
	if (p) errors.password = p;
	return errors;
}

async function insertAccount(
	db: Db,
	actor: Actor | ((created: Account) => Actor),
	input: NewAccount,
	onlyIfNoAccounts: boolean
): Promise<AccountResult> {
	const errors = checkNew(input);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const role = input.role as Role;
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx) => {
		if (onlyIfNoAccounts && (tx.select({ n: count() }).from(users).get()?.n ?? 0) > 0) {
			return refused('form', m.shell_account_admin_exists());
		}
		if (tx.select().from(users).where(eq(users.username, input.username)).get()) {
			return refused('username', m.shell_account_exists({ username: input.username }));
		}
		const areaProblem = unknownAreas(tx, input.scope);
		if (areaProblem) return refused('areas', areaProblem);
		const row = tx
			.insert(users)
			.values({
				username: input.username,
				displayName: input.displayName?.trim() || null,
				role,
				cleared: input.cleared ?? clearedByDefault(role),
				passwordHash,
				demo: input.demo ?? false,
				mustChangePassword: input.temporary ?? false,
				...scopeColumns(input.scope)
			})
			.returning()
			.get();
		const account = accountOf(row);
		const by = typeof actor === 'function' ? actor(account) : actor;
		recordAudit(tx, by, 'user.create', account.username, { after: auditView(account) });
		return { ok: true, account };
	});
}

export function createAccount(db: Db, actor: Actor, input: NewAccount): Promise<AccountResult> {
	authorize(actor, 'administer');
	return insertAccount(db, actor, input, false);
}

/**
 * The first administrator, on a database without accounts: whoever reaches the setup page
 * first. The check and the insert share a transaction, so two racing requests cannot both win.
 */
export function createFirstAdministrator(
	db: Db,
	input: Omit<NewAccount, 'role' | 'cleared' | 'scope' | 'demo'>
): Promise<AccountResult> {
	return insertAccount(
		db,
		(created) => actorOf(created),
		{ ...input, role: 'admin', cleared: true },
		true
	);
}

export interface AccountChanges {
	role?: string;
	cleared?: boolean;
	displayName?: string | null;
	scope?: NewAccount['scope'];
}

/** Whether an enabled administrator other than `username` remains. */
function anotherAdministrator(db: Pick<Db, 'select'>, username: string): boolean {
	return !!db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.username, username)))
		.get();
}

export function updateAccount(
	db: Db,
	actor: Actor,
	username: string,
	changes: AccountChanges
): AccountResult {
	authorize(actor, 'administer');
	if (changes.role !== undefined && !isRole(changes.role)) {
		return refused('role', m.shell_account_not_a_role({ role: changes.role }));
	}
	return db.transaction((tx) => {
		const row = tx.select().from(users).where(eq(users.username, username)).get();
		if (!row) return refused('form', m.shell_account_none({ username }));
		const before = accountOf(row);
		const areaProblem = changes.scope ? unknownAreas(tx, changes.scope) : null;
		if (areaProblem) return refused('areas', areaProblem);
		if (changes.role && changes.role !== 'admin' && row.role === 'admin') {
			if (!anotherAdministrator(tx, username)) {
				return refused('role', m.shell_account_last_admin());
			}
		}
		const values: Partial<UserRow> = {};
		if (changes.role !== undefined) values.role = changes.role as Role;
		if (changes.cleared !== undefined) values.cleared = changes.cleared;
		if (changes.displayName !== undefined) values.displayName = changes.displayName?.trim() || null;
		if (changes.scope !== undefined) Object.assign(values, scopeColumns(changes.scope));
		const after = accountOf(
			tx.update(users).set(values).where(eq(users.id, row.id)).returning().get()
		);
		if (JSON.stringify(auditView(before)) !== JSON.stringify(auditView(after))) {
			recordAudit(tx, actor, 'user.update', username, {
				before: auditView(before),
				after: auditView(after)
			});
		}
		return { ok: true, account: after };
	});
}

/**
 * Disables or enables an account. Disabling ends its sessions and revokes its tokens at once:
 * someone who has left the mission must not keep a signed-in laptop.
 */
export function setDisabled(
	db: Db,
	actor: Actor,
	username: string,
	disabled: boolean,
	now = Date.now()
): AccountResult {
	authorize(actor, 'administer');
	return db.transaction((tx) => {
		const row = tx.select().from(users).where(eq(users.username, username)).get();
		if (!row) return refused('form', m.shell_account_none({ username }));
		if (disabled && username === actor.username) {
			return refused('form', m.shell_account_not_self_disable());
		}
		if (disabled && row.role === 'admin' && !anotherAdministrator(tx, username)) {
			return refused('form', m.shell_account_last_admin());
		}
		if (row.disabled === disabled) return { ok: true, account: accountOf(row) };
		const after = tx.update(users).set({ disabled }).where(eq(users.id, row.id)).returning().get();
		if (disabled) {
			tx.update(apiTokens)
				.set({ revokedAt: now })
				// tokens revoked earlier keep the time they were revoked
				.where(and(eq(apiTokens.userId, row.id), isNull(apiTokens.revokedAt)))
				.run();
			// after this transaction's writes, so a failure here rolls them back (endSessions)
			endSessions(db, row.id);
		}
		recordAudit(tx, actor, disabled ? 'user.disable' : 'user.enable', username, {
			before: { disabled: row.disabled },
			after: { disabled }
		});
		return { ok: true, account: accountOf(after) };
	});
}

/**
 * A user changes their own password, proving they know the current one. Their other sessions
 * end (a password is changed because it may be known); the current one stays.
 */
export async function changePassword(
	db: Db,
	actor: Actor,
	current: string,
	next: string,
	keepSessionId?: string
): Promise<AccountResult> {
	const row = findUser(db, actor.username);
	if (!row) return refused('form', m.shell_password_only_accounts());
	if (!(await verifyPassword(row.passwordHash, current))) {
		return refused('current', m.shell_password_current_wrong());
	}
	const problem = passwordProblem(next, row.username);
	if (problem) return refused('password', problem);
	if (next === current) return refused('password', m.shell_password_same());
	const passwordHash = await hashPassword(next);
	return db.transaction((tx) => {
		const after = tx
			.update(users)
			.set({ passwordHash, mustChangePassword: false })
			.where(eq(users.id, row.id))
			.returning()
			.get();
		const ended = endSessions(db, row.id, keepSessionId);
		recordAudit(tx, actor, 'user.password.change', row.username, { otherSessionsEnded: ended });
		return { ok: true, account: accountOf(after) };
	});
}

/**
 * An administrator sets a temporary password: the account must choose its own at its next
 * sign-in, and its sessions end now.
 */
export async function resetPassword(
	db: Db,
	actor: Actor,
	username: string,
	temporary: string
): Promise<AccountResult> {
	authorize(actor, 'administer');
	const problem = passwordProblem(temporary, username);
	if (problem) return refused('password', problem);
	const passwordHash = await hashPassword(temporary);
	return db.transaction((tx) => {
		const row = tx.select().from(users).where(eq(users.username, username)).get();
		if (!row) return refused('form', m.shell_account_none({ username }));
		const after = tx
			.update(users)
			.set({ passwordHash, mustChangePassword: true })
			.where(eq(users.id, row.id))
			.returning()
			.get();
		const ended = endSessions(db, row.id);
		recordAudit(tx, actor, 'user.password.reset', username, { sessionsEnded: ended });
		return { ok: true, account: accountOf(after) };
	});
}
