/**
 * Password hashing with argon2id (@node-rs/argon2: prebuilt binaries from the npm registry,
 * no compiler needed). The parameters are OWASP's minimum for argon2id (19 MiB, 2 passes),
 * which keeps a sign-in around a few tens of milliseconds on the mission's small servers.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = {
	// Algorithm.Argon2id: a const enum, which this build cannot import by name
	algorithm: 2,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1
} as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// a malformed stored hash is a refusal, never an error page
		return false;
	}
}

/**
 * Verifies against a throwaway hash so that a sign-in with an unknown user name takes as long
 * as one with a wrong password: timing must not tell which accounts exist.
 */
let decoy: Promise<string> | undefined;
export async function spendVerifyTime(password: string): Promise<void> {
	decoy ??= hashPassword('decoy password that matches nothing');
	await verifyPassword(await decoy, password);
}
