/**
 * The demo accounts' published password (README, "Demo accounts"): one rule for the server that
 * creates the accounts and for the tests, benchmarks and screenshots that sign in with them.
 * Pure, with no imports, so those scripts can load it without the server's modules.
 */
export function demoPassword(username: string): string {
	return `${username}-demo-2026`;
}
