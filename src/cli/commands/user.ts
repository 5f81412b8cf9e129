import { m } from '../../lib/paraglide/messages.js';
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../../lib/domain/roles';
import type { Actor } from '../../lib/server/actor';
import {
	createAccount,
	listAccounts,
	resetPassword,
	setDisabled,
	type AccountResult
} from '../../lib/server/auth/accounts';
import type { Db } from '../../lib/server/db';
import { UsageError, type ExitCode, type Output } from '../usage';

/**
 * `cpas user add|list|disable|enable|reset-password`: accounts from the command line, for
 * first installs and scripts. Passwords come on standard input only (`--password-stdin`),
 * never as an argument, which other users of the machine could read in the process list.
 */
export async function userCommand(
	db: Db,
	actor: Actor,
	args: string[],
	io: Output
): Promise<ExitCode> {
	const [sub, ...rest] = args;
	switch (sub) {
		case 'add':
			return add(db, actor, rest, io);
		case 'list':
			return list(db, actor, rest, io);
		case 'disable':
		case 'enable':
			return disable(db, actor, rest, io, sub === 'disable');
		case 'reset-password':
			return reset(db, actor, rest, io);
		default:
			throw new UsageError(
				sub ? m.impmsg_cli_user_unknown({ command: sub }) : m.impmsg_cli_user_needs_command()
			);
	}
}

async function passwordFromStdin(io: Output, asked: boolean | undefined): Promise<string> {
	if (!asked) throw new UsageError(m.impmsg_cli_password_stdin());
	if (!io.readInput) throw new UsageError(m.impmsg_cli_no_stdin());
	const text = await io.readInput();
	// the first line is the password; its line break is not part of it
	return text.split(/\r?\n/)[0] ?? '';
}

function reportResult(result: AccountResult, io: Output, done: string): ExitCode {
	if (result.ok) {
		io.out(done);
		return 0;
	}
	for (const [field, message] of Object.entries(result.errors)) {
		io.err(field === 'form' ? message : `${field}: ${message}`);
	}
	return 1;
}

async function add(db: Db, actor: Actor, args: string[], io: Output): Promise<ExitCode> {
	const { values, positionals } = parseArgs({
		args,
		options: {
			role: { type: 'string' },
			cleared: { type: 'boolean' },
			'not-cleared': { type: 'boolean' },
			name: { type: 'string' },
			components: { type: 'string' },
			areas: { type: 'string' },
			'password-stdin': { type: 'boolean' }
		},
		allowPositionals: true,
		strict: true
	});
	if (positionals.length !== 1) throw new UsageError(m.impmsg_cli_user_add_one());
	if (!values.role) throw new UsageError(m.impmsg_cli_user_add_role({ roles: ROLES.join(', ') }));
	if (!isRole(values.role)) {
		throw new UsageError(
			m.impmsg_cli_user_not_role({ role: values.role, roles: ROLES.join(', ') })
		);
	}
	if (values.cleared && values['not-cleared']) {
		throw new UsageError(m.impmsg_cli_user_cleared_both());
	}
	const password = await passwordFromStdin(io, values['password-stdin']);
	const username = positionals[0]!;
	const result = await createAccount(db, actor, {
		username,
		password,
		role: values.role,
		cleared: values.cleared ? true : values['not-cleared'] ? false : undefined,
		displayName: values.name ?? null,
		scope: { components: values.components ?? '', areas: values.areas ?? '' }
	});
	return reportResult(
		result,
		io,
		result.ok
			? (result.account.cleared ? m.impmsg_cli_user_created_cleared : m.impmsg_cli_user_created)({
					username,
					role: result.account.role
				})
			: ''
	);
}

function list(db: Db, actor: Actor, args: string[], io: Output): ExitCode {
	const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
	const accounts = listAccounts(db, actor);
	if (values.json) {
		io.out(JSON.stringify(accounts));
		return 0;
	}
	if (accounts.length === 0) {
		io.out(m.impmsg_cli_user_none());
		return 0;
	}
	for (const a of accounts) {
		const flags = [
			a.cleared ? 'cleared' : null,
			a.disabled ? 'disabled' : null,
			a.demo ? 'demo' : null,
			a.mustChangePassword ? 'must change password' : null,
			a.scope.components.length ? `components: ${a.scope.components.join('; ')}` : null,
			a.scope.areas.length ? `areas: ${a.scope.areas.join('; ')}` : null
		].filter(Boolean);
		io.out(`${a.username}\t${a.role}${flags.length ? `\t${flags.join(', ')}` : ''}`);
	}
	return 0;
}

function disable(db: Db, actor: Actor, args: string[], io: Output, disabled: boolean): ExitCode {
	const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
	if (positionals.length !== 1) {
		throw new UsageError(
			m.impmsg_cli_user_one_username({ command: disabled ? 'disable' : 'enable' })
		);
	}
	const username = positionals[0]!;
	const result = setDisabled(db, actor, username, disabled);
	return reportResult(
		result,
		io,
		disabled ? m.impmsg_cli_user_disabled({ username }) : m.impmsg_cli_user_enabled({ username })
	);
}

async function reset(db: Db, actor: Actor, args: string[], io: Output): Promise<ExitCode> {
	const { values, positionals } = parseArgs({
		args,
		options: { 'password-stdin': { type: 'boolean' } },
		allowPositionals: true,
		strict: true
	});
	if (positionals.length !== 1)
		throw new UsageError(m.impmsg_cli_user_one_username({ command: 'reset-password' }));
	const password = await passwordFromStdin(io, values['password-stdin']);
	const username = positionals[0]!;
	return reportResult(
		await resetPassword(db, actor, username, password),
		io,
		m.impmsg_cli_user_password_reset({ username })
	);
}
