/**
 * What the account pages' form actions answer, one shape for all of them, so a page with
 * several forms can tell which one answered and show its errors or its result beside it.
 */
export interface AccountFormAnswer {
	/** the action that answered: `password`, `createToken`, `update`… */
	form: string;
	/** what to correct, by field name; `form` for what belongs to no field */
	errors?: Record<string, string>;
	/** the text fields as sent, to show them again after a refusal */
	values?: Record<string, string>;
	/** what was done, in words, announced as a status */
	done?: string;
	/** a new API token: its secret travels in this one answer and is never shown again */
	token?: { name: string; secret: string };
}

/** The problems of one form of the page, or undefined when another form answered. */
export function errorsOf(
	answer: AccountFormAnswer | null | undefined,
	form: string
): Record<string, string> | undefined {
	return answer?.form === form ? answer.errors : undefined;
}

/** What one form of the page did, or undefined. */
export function doneOf(answer: AccountFormAnswer | null | undefined, form: string) {
	return answer?.form === form ? answer.done : undefined;
}
