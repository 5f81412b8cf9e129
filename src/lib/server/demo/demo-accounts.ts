/**
 * One account per role for the demo mission, so that each role's pages can be tried at once.
 * Created only on a demo database that has no account yet; marked `demo`, so every page shows
 * a banner while one of them can still sign in (README, "Demo accounts").
 */
import { and, eq } from 'drizzle-orm';
import { ROLES } from '../../domain/roles';
import { LOCAL_ADMINISTRATOR } from '../actor';
import { createAccount, hasAccounts } from '../auth/accounts';
import type { Db } from '../db';
import { users } from '../db/schema';
import { demoPassword } from './demo-password';
import { isDemoMission } from './load-demo';

export { demoPassword };

export async function ensureDemoAccounts(db: Db): Promise<string[]> {
	if (!isDemoMission(db) || hasAccounts(db)) return [];
	return createDemoAccounts(db);
}

/**
 * The demo accounts, on any database (the real-data example has them too, so its pages can be
 * tried at once): the usernames created.
 */
export async function createDemoAccounts(db: Db): Promise<string[]> {
	const created: string[] = [];
	for (const role of ROLES) {
		const result = await createAccount(db, LOCAL_ADMINISTRATOR, {
			username: role,
			password: demoPassword(role),
			role,
			displayName: `Demo ${role}`,
			demo: true
		});
		if (result.ok) created.push(role);
	}
	return created;
}

/** Whether a demo account can still sign in: the banner's condition. */
export function demoAccountsActive(db: Db): boolean {
	return !!db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.demo, true), eq(users.disabled, false)))
		.get();
}
