/**
 * The roles an account has, in the mission's words, and what each is for. Pure, so the
 * account pages, the permission rules and the command line describe them alike.
 */
import { m } from '../paraglide/messages.js';

export const ROLES = ['admin', 'planner', 'verifier', 'spu', 'leadership', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Each role's name and what it is for, in the reader's language: read at each use (getters),
 * so one object serves every request whatever its language. The codes above never change.
 */
export const ROLE_LABEL: Readonly<Record<Role, string>> = {
	get admin() {
		return m.shell_role_admin();
	},
	get planner() {
		return m.shell_role_planner();
	},
	get verifier() {
		return m.shell_role_verifier();
	},
	get spu() {
		return m.shell_role_spu();
	},
	get leadership() {
		return m.shell_role_leadership();
	},
	get viewer() {
		return m.shell_role_viewer();
	}
};

export const ROLE_PURPOSE: Readonly<Record<Role, string>> = {
	get admin() {
		return m.shell_role_purpose_admin();
	},
	get planner() {
		return m.shell_role_purpose_planner();
	},
	get verifier() {
		return m.shell_role_purpose_verifier();
	},
	get spu() {
		return m.shell_role_purpose_spu();
	},
	get leadership() {
		return m.shell_role_purpose_leadership();
	},
	get viewer() {
		return m.shell_role_purpose_viewer();
	}
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
