/**
 * What a cycle capability answers: done, or refused with its problems by form field (`form`
 * for those of no one field), so a page shows each beside its field and the API can list them.
 */
export type Refusal = {
	ok: false;
	/** not_found: no such cycle or recommendation; read_only: the cycle is issued */
	problem: 'invalid' | 'not_found' | 'read_only';
	errors: Record<string, string>;
};

export type CycleOutcome<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refusal(problem: Refusal['problem'], errors: Record<string, string>): Refusal {
	return { ok: false, problem, errors };
}
