import type { Cookies } from '@sveltejs/kit';
import { describe, expect, test } from 'vitest';
import { safeNext } from '../../../src/lib/server/http/gate';
import { setSessionCookie } from '../../../src/lib/server/http/session-cookie';

function recordingCookies() {
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) =>
			set.push({ name, value, options })
	} as unknown as Cookies;
	return { cookies, set };
}

describe('the session cookie', () => {
	test('httpOnly, SameSite=Lax, whole site, ending with the session', () => {
		const { cookies, set } = recordingCookies();
		setSessionCookie(cookies, new URL('http://localhost:3000/login'), 'tok', 1_000_000);
		expect(set).toEqual([
			{
				name: 'cpas_session',
				value: 'tok',
				options: {
					path: '/',
					httpOnly: true,
					sameSite: 'lax',
					secure: false,
					expires: new Date(1_000_000)
				}
			}
		]);
	});

	test('Secure when the app is reached over HTTPS (ORIGIN=https://… behind a proxy)', () => {
		const { cookies, set } = recordingCookies();
		setSessionCookie(cookies, new URL('https://dashboard.mission.example/login'), 'tok', 1);
		expect(set[0]!.options.secure).toBe(true);
	});
});

describe('where signing in sends the user back to', () => {
	test('a path of this site', () => {
		expect(safeNext('/indicators/1.2.1?area=NK')).toBe('/indicators/1.2.1?area=NK');
	});

	test('never another site, however it is written', () => {
		for (const next of [
			'https://evil.example/',
			'//evil.example/x',
			'/\\evil.example',
			'evil',
			'',
			null
		]) {
			expect(safeNext(next), String(next)).toBe('/');
		}
	});
});
