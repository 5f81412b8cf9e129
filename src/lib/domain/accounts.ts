/**
 * What makes an account name, a password and a planner's assignments acceptable. Pure, so the
 * first-administrator page, the account pages and `cpas user add` refuse the same things with
 * the same words.
 */

/** Lower-case letters, digits, dot, dash and underscore: safe in URLs, logs and CSV. No colon,
 * which the command line's `system:NAME` actor uses, so the two can never be confused. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function usernameProblem(username: string): string | null {
	if (username === '') return 'Enter a user name.';
	if (!USERNAME.test(username)) {
		return `"${username}" is not a valid user name: use 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.`;
	}
	return null;
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Length is what makes a password strong; rules about symbols mostly make people write them
 * down. So: long enough, not absurdly long (hashing cost), and not the user name.
 */
export function passwordProblem(password: string, username: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) {
		return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
	}
	if (password.length > MAX_PASSWORD_LENGTH) {
		return `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`;
	}
	if (password.trim().toLowerCase() === username.toLowerCase()) {
		return 'The password must not be the user name.';
	}
	return null;
}

/** A `;`- or `,`-separated list as typed in a form or stored in a column; blanks dropped. */
export function splitList(text: string | null | undefined): string[] {
	if (!text) return [];
	return [
		...new Set(
			text
				.split(/[;,]/)
				.map((s) => s.trim())
				.filter((s) => s !== '')
		)
	];
}

export function joinList(items: readonly string[]): string {
	return items.join(';');
}
