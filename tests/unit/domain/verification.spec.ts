import { describe, expect, test } from 'vitest';
import {
	ONLY_VERIFIERS,
	changedVerifiedWarning,
	verificationProblem
} from '$lib/domain/verification';

describe('verificationProblem', () => {
	test('a non-verifier may not write a new or changed figure as verified', () => {
		expect(verificationProblem(false, 'verified', true)).toBe(ONLY_VERIFIERS);
	});

	test('an unchanged verified line (an export imported back) is fine', () => {
		expect(verificationProblem(false, 'verified', false)).toBeNull();
	});

	test('blank, unverified or an absent column claim nothing and are fine', () => {
		for (const written of ['unverified', null, undefined] as const)
			expect(verificationProblem(false, written, true)).toBeNull();
	});

	test('a verifier may', () => {
		expect(verificationProblem(true, 'verified', true)).toBeNull();
	});
});

test('the warning counts the figures and names the first line', () => {
	expect(changedVerifiedWarning(1, 3)).toBe(
		'1 figure marked verified changed (the first on line 3) and is still marked verified: ask a verifier to review it, or import it with verification "unverified".'
	);
	expect(changedVerifiedWarning(2, 7)).toContain(
		'2 figures marked verified changed (the first on line 7) and are still'
	);
});
