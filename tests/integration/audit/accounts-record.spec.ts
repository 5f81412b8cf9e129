/**
 * The audit log for accounts, sessions, tokens, settings and verification: each write leaves
 * exactly one entry naming who did what to whom, and sign-in failures are recorded too. The
 * last test checks that every kind of write the log knows is exercised by the audit tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AUDIT_ACTIONS } from '../../../src/lib/domain/audit';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import {
	actorOf,
	changePassword,
	createAccount,
	findUser,
	resetPassword,
	setDisabled,
	updateAccount
} from '../../../src/lib/server/auth/accounts';
import { revokeSession } from '../../../src/lib/server/auth/sessions';
import { signIn } from '../../../src/lib/server/auth/sign-in';
import { createToken, revokeToken } from '../../../src/lib/server/auth/tokens';
import { setVerification } from '../../../src/lib/server/observations/verify';
import { setSmallCellThreshold } from '../../../src/lib/server/settings/small-cells';
import { setStatusMargin } from '../../../src/lib/server/settings/status-margin';
import { onlyEntryOf } from '../../helpers/audit';
import { freshDb, importBasic } from '../../helpers/db';

const POLICY = { idleMs: 60_000, absoluteMs: 600_000 };
const PASSWORD = 'a long pass phrase';

describe('accounts, sessions and tokens', () => {
	test('each write leaves one entry, with before and after where it applies', async () => {
		const db = freshDb();
		await importBasic(db);
		const admin = LOCAL_ADMINISTRATOR;

		expect(
			await onlyEntryOf(db, () =>
				createAccount(db, admin, { username: 'amina', password: PASSWORD, role: 'planner' })
			)
		).toMatchObject({
			actor: 'local-admin',
			action: 'user.create',
			subject: 'amina',
			detail: { after: { role: 'planner', cleared: false } }
		});
		expect(
			await onlyEntryOf(db, () =>
				updateAccount(db, admin, 'amina', { role: 'verifier', cleared: true })
			)
		).toMatchObject({
			action: 'user.update',
			detail: {
				before: { role: 'planner', cleared: false },
				after: { role: 'verifier', cleared: true }
			}
		});

		const login = await onlyEntryOf(db, () =>
			signIn(
				db,
				{ username: 'amina', password: PASSWORD, address: '10.1.1.1', userAgent: null },
				POLICY
			)
		);
		expect(login).toMatchObject({ actor: 'amina', action: 'session.login', subject: 'amina' });
		expect(
			await onlyEntryOf(db, () =>
				signIn(
					db,
					{ username: 'amina', password: 'wrong one', address: '10.1.1.1', userAgent: null },
					POLICY
				)
			)
		).toMatchObject({
			actor: 'anonymous',
			action: 'session.login.failed',
			subject: 'amina',
			detail: { reason: 'wrong password', address: '10.1.1.1' }
		});

		const amina = actorOf(findUser(db, 'amina')!);
		const second = await signIn(
			db,
			{ username: 'amina', password: PASSWORD, address: null, userAgent: null },
			POLICY
		);
		if (!second.ok) throw new Error(second.message);
		expect(
			await onlyEntryOf(db, () => revokeSession(db, amina, second.user.id, second.session.id))
		).toMatchObject({ actor: 'amina', action: 'session.revoke' });
		const third = await signIn(
			db,
			{ username: 'amina', password: PASSWORD, address: null, userAgent: null },
			POLICY
		);
		if (!third.ok) throw new Error(third.message);
		expect(
			await onlyEntryOf(db, () =>
				revokeSession(db, amina, third.user.id, third.session.id, 'session.logout')
			)
		).toMatchObject({ actor: 'amina', action: 'session.logout' });

		let tokenId = 0;
		const made = await onlyEntryOf(db, () => {
			const r = createToken(db, amina, 'amina', 'nightly', 'full');
			if (r.ok) tokenId = r.view.id;
		});
		expect(made).toMatchObject({ action: 'token.create', detail: { name: 'nightly' } });
		expect(JSON.stringify(made)).not.toMatch(/cpas_/);
		expect(await onlyEntryOf(db, () => revokeToken(db, amina, 'amina', tokenId))).toMatchObject({
			action: 'token.revoke',
			detail: { token: tokenId }
		});

		const changed = await onlyEntryOf(db, () =>
			changePassword(db, amina, PASSWORD, 'a new long pass phrase')
		);
		expect(changed).toMatchObject({ actor: 'amina', action: 'user.password.change' });
		expect(JSON.stringify(changed)).not.toContain('a new long pass phrase');
		expect(
			await onlyEntryOf(db, () => resetPassword(db, admin, 'amina', 'temporary phrase'))
		).toMatchObject({ actor: 'local-admin', action: 'user.password.reset', subject: 'amina' });
		expect(await onlyEntryOf(db, () => setDisabled(db, admin, 'amina', true))).toMatchObject({
			action: 'user.disable',
			detail: { before: { disabled: false }, after: { disabled: true } }
		});
		expect(await onlyEntryOf(db, () => setDisabled(db, admin, 'amina', false))).toMatchObject({
			action: 'user.enable'
		});
	});

	test('settings: the small-cell threshold and the status margin, before → after', async () => {
		const db = freshDb();
		expect(
			await onlyEntryOf(db, () => setSmallCellThreshold(db, LOCAL_ADMINISTRATOR, 10))
		).toMatchObject({ action: 'settings.change', detail: { after: 10 } });
		expect(
			await onlyEntryOf(db, () => setStatusMargin(db, LOCAL_ADMINISTRATOR, 0.1))
		).toMatchObject({ action: 'settings.change', subject: 'status_margin' });
	});

	test('verification: one entry per batch whose figures were marked', async () => {
		const db = freshDb();
		await importBasic(db);
		const ids = (
			db.$client
				.prepare("SELECT id FROM observations WHERE value_type = 'actual' LIMIT 2")
				.all() as { id: number }[]
		).map((r) => r.id);
		const entry = await onlyEntryOf(db, () =>
			setVerification(db, LOCAL_ADMINISTRATOR, ids, 'verified')
		);
		expect(entry).toMatchObject({ actor: 'local-admin', action: 'verification.change' });
	});
});

test('every kind of write the audit log knows is exercised by the audit tests', () => {
	const dir = import.meta.dirname;
	const sources = readdirSync(dir)
		.filter((f) => f.endsWith('.spec.ts'))
		.map((f) => readFileSync(join(dir, f), 'utf8'))
		.join('\n');
	const untested = AUDIT_ACTIONS.filter(
		(action) => !sources.includes(`'${action}'`) && !sources.includes(`"${action}"`)
	);
	expect(untested).toEqual([]);
});
