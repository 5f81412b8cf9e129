import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { createDb } from '../../../src/lib/server/db';
import { auditLog } from '../../../src/lib/server/db/schema';
import { cpas, cpasWithInput } from '../../helpers/cli';

const POLICY = { idleMs: 60_000, absoluteMs: 600_000 };
let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cpas-cli-accounts-'));
	process.env.DATABASE_PATH = join(dir, 'cpas.sqlite');
});
afterEach(() => {
	delete process.env.DATABASE_PATH;
	rmSync(dir, { recursive: true, force: true });
});

function withDb<T>(f: (db: ReturnType<typeof createDb>) => T): T {
	const db = createDb(process.env.DATABASE_PATH);
	try {
		return f(db);
	} finally {
		db.$client.close();
	}
}

describe('cpas user and cpas token', () => {
	test('an account made from the command line; its token works until revoked', async () => {
		const add = await cpasWithInput(
			'a long pass phrase\n',
			'user',
			'add',
			'etl-bot',
			'--role',
			'planner',
			'--password-stdin'
		);
		expect(add).toMatchObject({ code: 0 });
		expect(add.stdout).toMatch(/"etl-bot" created: planner\./);

		const list = await cpas('user', 'list', '--json');
		expect(JSON.parse(list.stdout)).toMatchObject([
			{ username: 'etl-bot', role: 'planner', cleared: false, disabled: false }
		]);

		const made = await cpas('token', 'create', 'etl-bot', '--name', 'nightly');
		expect(made.code).toBe(0);
		const token = made.stdout.trim();
		expect(token).toMatch(/^cpas_\S+$/);
		expect(made.stderr).toMatch(/shown only now/);
		const who = () =>
			withDb((db) =>
				authenticate(db, { authorization: `Bearer ${token}`, sessionToken: undefined }, POLICY)
			);
		expect(who()).toMatchObject({ kind: 'account', actor: { username: 'etl-bot' } });

		expect((await cpas('token', 'revoke', 'etl-bot', '1')).code).toBe(0);
		expect(who().kind).toBe('bad-token');
	});

	test('the audit log names the operating-system user as the actor', async () => {
		await cpasWithInput(
			'a long pass phrase',
			'user',
			'add',
			'amina',
			'--role',
			'viewer',
			'--password-stdin'
		);
		await cpas('user', 'disable', 'amina');
		const entries = withDb((db) => db.select().from(auditLog).all());
		expect(entries.map((e) => e.action)).toEqual(['user.create', 'user.disable']);
		for (const e of entries) expect(e.actor).toMatch(/^system:.+/);
	});

	test('verifiers are cleared by default; --not-cleared and --cleared decide otherwise', async () => {
		const add = (name: string, role: string, ...flags: string[]) =>
			cpasWithInput(
				'a long pass phrase',
				'user',
				'add',
				name,
				'--role',
				role,
				...flags,
				'--password-stdin'
			);
		await add('vera', 'verifier');
		await add('victor', 'verifier', '--not-cleared');
		await add('lea', 'leadership', '--cleared');
		await add('vic', 'viewer');
		const list = JSON.parse((await cpas('user', 'list', '--json')).stdout) as {
			username: string;
			cleared: boolean;
		}[];
		expect(Object.fromEntries(list.map((a) => [a.username, a.cleared]))).toEqual({
			lea: true,
			vera: true,
			vic: false,
			victor: false
		});
	});

	test('bad input is refused with a message and writes nothing', async () => {
		const short = await cpasWithInput(
			'short',
			'user',
			'add',
			'amina',
			'--role',
			'viewer',
			'--password-stdin'
		);
		expect(short.code).toBe(1);
		expect(short.stderr).toMatch(/at least 10 characters/);
		const role = await cpasWithInput(
			'a long pass phrase',
			'user',
			'add',
			'amina',
			'--role',
			'chief',
			'--password-stdin'
		);
		expect(role.code).toBe(2);
		expect(role.stderr).toMatch(/"chief" is not a role/);
		const noStdin = await cpas('user', 'add', 'amina', '--role', 'viewer');
		expect(noStdin.code).toBe(2);
		expect(noStdin.stderr).toMatch(/--password-stdin/);
		const area = await cpasWithInput(
			'a long pass phrase',
			'user',
			'add',
			'amina',
			'--role',
			'planner',
			'--areas',
			'ZZ',
			'--password-stdin'
		);
		expect(area.code).toBe(1);
		expect(area.stderr).toMatch(/No area has the code "ZZ"/);
		expect((await cpas('token', 'create', 'ghost')).code).toBe(1);
		expect(JSON.parse((await cpas('user', 'list', '--json')).stdout)).toEqual([]);
	});
});
