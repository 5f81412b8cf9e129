import { m } from '../paraglide/messages.js';
import type { Actor, Role } from './actor';

/** What an actor may do. Every capability asks here, so routes, API and CLI share one rule. */
export type Action =
	| 'read'
	| 'import'
	| 'caveat'
	| 'framework'
	| 'report'
	| 'assess'
	| 'track'
	| 'close'
	| 'verify'
	| 'audit'
	| 'administer';

const ALLOWED: Record<Action, readonly Role[]> = {
	read: ['admin', 'planner', 'verifier', 'spu', 'leadership', 'viewer'],
	import: ['admin', 'planner'],
	caveat: ['admin', 'planner'],
	/** edit the results framework and its indicators: planners and the Strategic Planning Unit */
	framework: ['admin', 'planner', 'spu'],
	/** draft and issue RBB reports, create and issue assessment cycles: the SPU */
	report: ['admin', 'spu'],
	/** rate, write narratives and recommendations in a draft assessment cycle */
	assess: ['admin', 'spu', 'leadership'],
	/** record action points and their progress (docs/actions.md): planners and the SPU */
	track: ['admin', 'planner', 'spu'],
	/** mark an action point done or dropped: those who track it, and leadership, who decided it */
	close: ['admin', 'planner', 'spu', 'leadership'],
	/** read and export the audit log: who wrote what, when — administrators only */
	audit: ['admin'],
	/** mark figures verified or unverified: verifiers (and administrators) */
	verify: ['admin', 'verifier'],
	/** manage accounts, their roles, clearance, scope and tokens, and the product's settings */
	administer: ['admin']
};

/** Who may not do what, one sentence per action (in the reader's language). */
const NOT_ALLOWED: Record<Action, (inputs: { username: string; role: string }) => string> = {
	read: m.shell_not_allowed_read,
	import: m.shell_not_allowed_import,
	caveat: m.shell_not_allowed_caveat,
	framework: m.shell_not_allowed_framework,
	report: m.shell_not_allowed_report,
	assess: m.shell_not_allowed_assess,
	track: m.act_not_allowed_track,
	close: m.act_not_allowed_close,
	verify: m.shell_not_allowed_verify,
	audit: m.shell_not_allowed_audit,
	administer: m.shell_not_allowed_administer
};

export class NotAllowed extends Error {
	constructor(actor: Actor, action: Action) {
		super(NOT_ALLOWED[action]({ username: actor.username, role: actor.role }));
		this.name = 'NotAllowed';
	}
}

export function can(actor: Actor, action: Action): boolean {
	if (actor.nobody) return false;
	// the public view's reader reads, whatever a viewer may do besides
	if (actor.publicReader) return action === 'read';
	return ALLOWED[action].includes(actor.role);
}

export function authorize(actor: Actor, action: Action): void {
	if (!can(actor, action)) throw new NotAllowed(actor, action);
}
