/**
 * Sign-in, accounts, tokens and settings answer in the reader's language: the same
 * capabilities, run inside a French request.
 */
import { beforeEach, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { chooseLanguage } from '../../../src/lib/server/auth/language';
import { createAccount, findUser, setDisabled } from '../../../src/lib/server/auth/accounts';
import { signIn } from '../../../src/lib/server/auth/sign-in';
import { createToken } from '../../../src/lib/server/auth/tokens';
import type { Db } from '../../../src/lib/server/db';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { saveSettings } from '../../../src/lib/server/settings/save';
import { freshDb } from '../../helpers/db';

const POLICY = { idleMs: 60_000, absoluteMs: 600_000 };
const PASSWORD = 'a long pass phrase';

let db: Db;
beforeEach(async () => {
	db = freshDb();
	const made = await createAccount(db, LOCAL_ADMINISTRATOR, {
		username: 'amina',
		password: PASSWORD,
		role: 'leadership'
	});
	if (!made.ok) throw new Error('setup');
});

const attempt = (password: string) => ({
	username: 'amina',
	password,
	address: '10.0.0.9',
	userAgent: 'test'
});

test('a wrong password and a disabled account are refused in French', async () => {
	const wrong = await inLocale('fr', () => signIn(db, attempt('not the password'), POLICY));
	expect(wrong).toMatchObject({
		ok: false,
		message: 'Le nom d’utilisateur ou le mot de passe est incorrect.'
	});
	setDisabled(db, LOCAL_ADMINISTRATOR, 'amina', true);
	const disabled = await inLocale('fr', () => signIn(db, attempt(PASSWORD), POLICY));
	expect(disabled).toMatchObject({
		ok: false,
		message: 'Ce compte est désactivé. Adressez-vous à un administrateur.'
	});
});

test('too many failures: the wait is said in French', async () => {
	const now = Date.now();
	for (let n = 0; n < 3; n++) await signIn(db, attempt('nope nope nope'), POLICY, now);
	const refused = await inLocale('fr', () => signIn(db, attempt(PASSWORD), POLICY, now));
	expect(refused).toMatchObject({
		ok: false,
		status: 429,
		message: 'Trop de tentatives de connexion échouées. Réessayez dans 1 seconde.'
	});
});

test('account and token refusals in French, in English outside a French request', async () => {
	const again = await inLocale('fr', () =>
		createAccount(db, LOCAL_ADMINISTRATOR, { username: 'amina', password: PASSWORD, role: 'spu' })
	);
	expect(again).toEqual({
		ok: false,
		errors: { username: 'Un compte «\u00a0amina\u00a0» existe déjà.' }
	});
	const unnamed = inLocale('fr', () => createToken(db, LOCAL_ADMINISTRATOR, 'amina', ' ', 'full'));
	expect(unnamed).toMatchObject({
		ok: false,
		errors: { name: 'Nommez le jeton\u00a0: quel script l’utilise\u00a0?' }
	});
	expect(createToken(db, LOCAL_ADMINISTRATOR, 'amina', ' ', 'full')).toMatchObject({
		errors: { name: 'Name the token: what script uses it?' }
	});
});

test('the settings form answers in French', () => {
	const refused = inLocale('fr', () =>
		saveSettings(db, LOCAL_ADMINISTRATOR, { small_cell_threshold: 'zero', status_margin: '15' })
	);
	expect(refused).toEqual({
		ok: false,
		errors: {
			small_cell_threshold:
				'Saisissez un nombre entier de personnes, 1 ou plus, et non «\u00a0zero\u00a0».'
		}
	});
	const saved = inLocale('fr', () =>
		saveSettings(db, LOCAL_ADMINISTRATOR, { small_cell_threshold: '3', status_margin: '15' })
	);
	expect(saved).toMatchObject({
		ok: true,
		done: 'Enregistré\u00a0: seuil des petits effectifs 5 → 3.'
	});
});

test('an account keeps its language, or none (the browser’s)', () => {
	chooseLanguage(db, 'amina', 'fr');
	expect(findUser(db, 'amina')?.locale).toBe('fr');
	chooseLanguage(db, 'amina', null);
	expect(findUser(db, 'amina')?.locale).toBeNull();
});
