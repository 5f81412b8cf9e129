/**
 * What makes an account name, a password and a planner's assignments acceptable. Pure, so the
 * first-administrator page, the account pages and `cpas user add` refuse the same things with
 * the same words (in the reader's language).
 */
import { m } from '../paraglide/messages.js';

/** Lower-case letters, digits, dot, dash and underscore: safe in URLs, logs and CSV. No colon,
 * which the command line's `system:NAME` actor uses, so the two can never be confused. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function usernameProblem(username: string): string | null {
	if (username === '') return m.shell_username_blank();
	if (!USERNAME.test(username)) {
		return m.shell_username_invalid({ username });
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
		return m.shell_password_too_short({ min: MIN_PASSWORD_LENGTH });
	}
	if (password.length > MAX_PASSWORD_LENGTH) {
		return m.shell_password_too_long({ max: MAX_PASSWORD_LENGTH });
	}
	if (password.trim().toLowerCase() === username.toLowerCase()) {
		return m.shell_password_is_username();
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
