/**
 * The roles an account has, in the mission's words, and what each is for. Pure, so the
 * account pages, the permission rules and the command line describe them alike.
 */
export const ROLES = ['admin', 'planner', 'verifier', 'spu', 'leadership', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
	admin: 'Administrator',
	planner: 'Planner',
	verifier: 'Verifier',
	spu: 'Strategic Planning Unit',
	leadership: 'Leadership',
	viewer: 'Viewer'
};

export const ROLE_PURPOSE: Record<Role, string> = {
	admin: 'accounts, settings and everything else',
	planner: 'imports, undo, caveats and framework edits, within assigned components and areas',
	verifier: 'marks figures verified; cleared for restricted indicators',
	spu: 'results framework, RBB reports and assessment cycles',
	leadership: 'reads everything they are cleared for; rates and comments in assessments',
	viewer: 'reads public and internal indicators'
};

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

/**
 * Whether a new account of this role is cleared for restricted indicators unless the
 * administrator says otherwise: verifiers handle such figures by trade, and an administrator
 * can grant themselves anything anyway.
 */
export function clearedByDefault(role: Role): boolean {
	return role === 'verifier' || role === 'admin';
}
