/**
 * The shell's rules and words in French: account rules, sign-in waits, role names, refusals,
 * the audit log's filter problems and its actions in words. English stays as before.
 */
import { describe, expect, test } from 'vitest';
import { auditActionText } from '../../../src/lib/components/audit/audit-words';
import { passwordProblem, usernameProblem } from '../../../src/lib/domain/accounts';
import { AUDIT_ACTIONS, actionPrefixes, parseAuditFilter } from '../../../src/lib/domain/audit';
import { waitText } from '../../../src/lib/domain/login-delay';
import { ROLE_LABEL, ROLE_PURPOSE, ROLES } from '../../../src/lib/domain/roles';
import type { Actor } from '../../../src/lib/server/actor';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { NotAllowed } from '../../../src/lib/server/permissions';

const fr = <T>(work: () => T): T => inLocale('fr', work);
/** French typography: a no-break space inside « » and before : ; ! ? */
const nb = (text: string) => text.replace(/« /g, '«\u00a0').replace(/ ([»:;!?])/g, '\u00a0$1');

describe('account rules', () => {
	test('say what is wrong in French, with French typography', () => {
		expect(fr(() => passwordProblem('short', 'amina'))).toBe(
			'Le mot de passe doit compter au moins 10 caractères.'
		);
		expect(fr(() => passwordProblem('amina.diallo', 'amina.diallo'))).toBe(
			'Le mot de passe ne doit pas être le nom d’utilisateur.'
		);
		expect(fr(() => usernameProblem('Bad Name'))).toContain(
			nb('« Bad Name » n’est pas un nom d’utilisateur valide : ')
		);
	});

	test('and in English as before', () => {
		expect(passwordProblem('short', 'amina')).toBe(
			'The password must have at least 10 characters.'
		);
		expect(usernameProblem('')).toBe('Enter a user name.');
	});
});

test('a sign-in wait, in French with its plural', () => {
	expect(fr(() => waitText(1000))).toBe('1 seconde');
	expect(fr(() => waitText(1500))).toBe('2 secondes');
	expect(fr(() => waitText(61_000))).toBe('2 minutes');
	expect(waitText(1000)).toBe('1 second');
});

test('roles keep their codes and are named in the reader’s language', () => {
	expect(fr(() => ROLES.map((r) => ROLE_LABEL[r]))).toEqual([
		'Administrateur',
		'Planificateur',
		'Vérificateur',
		'Unité de planification stratégique',
		'Direction',
		'Lecteur'
	]);
	expect(ROLE_LABEL.planner).toBe('Planner');
	expect(fr(() => ROLE_PURPOSE.viewer)).toBe('lit les indicateurs publics et internes');
});

test('a capability’s refusal says what the role may not do, in French', () => {
	const actor: Actor = { username: 'pat', role: 'viewer', cleared: false };
	const refusal = fr(() => new NotAllowed(actor, 'administer'));
	expect(refusal.message).toBe(
		'pat (viewer) n’a pas le droit de gérer les comptes et les paramètres.'
	);
	expect(new NotAllowed(actor, 'import').message).toBe('pat (viewer) may not import.');
});

describe('audit log', () => {
	test('a filter it cannot read is said in French', () => {
		const { problems } = fr(() =>
			parseAuditFilter(new URLSearchParams({ from: '2026-13-01', to: '2026-01-01' }))
		);
		expect(problems).toEqual([
			nb('« 2026-13-01 » n’est pas une date ; écrivez-la sous la forme AAAA-MM-JJ.')
		]);
		const backwards = fr(() =>
			parseAuditFilter(new URLSearchParams({ from: '2026-02-01', to: '2026-01-01' }))
		);
		expect(backwards.problems).toEqual([
			'La période se termine (2026-01-01) avant de commencer (2026-02-01).'
		]);
	});

	test('every recorded action has words in both languages; families have none', () => {
		for (const action of AUDIT_ACTIONS) {
			const en = auditActionText(action);
			const french = fr(() => auditActionText(action));
			expect(en, action).toBeTruthy();
			expect(french, action).toBeTruthy();
			expect(french, action).not.toBe(en);
		}
		expect(fr(() => auditActionText('user.password.reset'))).toBe('Mot de passe réinitialisé');
		expect(auditActionText('session.login.failed')).toBe('Failed to sign in');
		const families = actionPrefixes().filter(
			(p) => !(AUDIT_ACTIONS as readonly string[]).includes(p)
		);
		for (const family of families) expect(auditActionText(family), family).toBeNull();
	});
});
