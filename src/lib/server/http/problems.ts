/**
 * The HTTP status of each problem a capability can answer with, for the API, the pages and
 * their form actions alike: one table, so a refusal reads the same status wherever it is asked.
 * Capabilities name the problem in their own words; only this module knows about HTTP.
 */
import { error, json } from '@sveltejs/kit';

export const PROBLEM_STATUS = {
	bad_request: 400,
	not_found: 404,
	// the request is understood, but the stored state stands in the way
	conflict: 409,
	already_undone: 409,
	confirmation_required: 409,
	not_undoable: 422,
	// a planner's scope does not cover everything asked: understood, not allowed
	outside_scope: 403,
	busy: 503
} as const satisfies Record<string, number>;

export type Problem = keyof typeof PROBLEM_STATUS;

/** What a capability answers when it refuses: the problem and a message for people. */
export interface Refused<P extends Problem = Problem> {
	problem: P;
	message: string;
}

/** A refusal as a JSON error response (the API and the CSV downloads). */
export function jsonProblem(r: Refused): Response {
	return json({ error: r.message }, { status: PROBLEM_STATUS[r.problem] });
}

/** A refusal as an error page (the pages and the file downloads of a page). */
export function pageProblem(r: Refused): never {
	error(PROBLEM_STATUS[r.problem], r.message);
}
