/**
 * Who is acting. Every capability takes one, so that accounts, roles and clearance can be
 * checked in one place later without changing the capabilities' signatures.
 */
export type Role = 'admin' | 'planner' | 'verifier' | 'spu' | 'leadership' | 'viewer';

export interface Actor {
	username: string;
	role: Role;
	/** May see restricted indicators. */
	cleared: boolean;
}

/** Until accounts exist, the web app and the command line act as the local administrator. */
export const LOCAL_ADMINISTRATOR: Actor = Object.freeze({
	username: 'local-admin',
	role: 'admin',
	cleared: true
});
