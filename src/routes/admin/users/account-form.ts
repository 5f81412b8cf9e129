/**
 * The account forms' fields as sent, shared by the create and edit actions. Shapes only: what
 * is acceptable is decided by the accounts capability.
 */
import { splitList } from '$lib/domain/accounts';

export function accountFormFields(form: FormData) {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const list = (name: string) =>
		form.getAll(name).flatMap((v) => (typeof v === 'string' ? splitList(v) : []));
	const role = text('role');
	return {
		text,
		role,
		cleared: form.get('cleared') === 'on',
		// a scope limits planners only: another role keeps none, so none lingers unseen and
		// reapplies should the account become a planner again later
		scope:
			role === 'planner'
				? { components: list('components'), areas: list('areas') }
				: { components: [], areas: [] }
	};
}
