import { describe, expect, test } from 'vitest';
import { passwordProblem, splitList, usernameProblem } from '../../../src/lib/domain/accounts';
import { clearedByDefault, ROLES } from '../../../src/lib/domain/roles';

describe('account rules', () => {
	test('user names: lower case, digits, dot, dash, underscore; never a colon', () => {
		expect(usernameProblem('amina.diallo')).toBeNull();
		expect(usernameProblem('etl-bot_2')).toBeNull();
		for (const bad of ['', 'A', 'Amina', 'system:root', 'a b', '-x', 'x'.repeat(33)]) {
			expect(usernameProblem(bad), bad).not.toBeNull();
		}
	});

	test('passwords: at least 10 characters and not the user name', () => {
		expect(passwordProblem('short', 'amina')).toMatch(/at least 10/);
		expect(passwordProblem('amina.diallo', 'amina.diallo')).toMatch(/user name/);
		expect(passwordProblem('a long pass phrase', 'amina')).toBeNull();
		expect(passwordProblem('x'.repeat(257), 'amina')).toMatch(/at most/);
	});

	test('lists typed with ; or , lose blanks and repeats', () => {
		expect(splitList(' NK; SK,,NK ;')).toEqual(['NK', 'SK']);
		expect(splitList(null)).toEqual([]);
	});

	test('verifiers and administrators are cleared by default, nobody else', () => {
		expect(ROLES.filter(clearedByDefault)).toEqual(['admin', 'verifier']);
	});
});
