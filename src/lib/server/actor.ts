import { userInfo } from 'node:os';
import type { Role } from '../domain/roles';

export type { Role } from '../domain/roles';

/*
 * Who is acting. Every capability takes one and asks permissions.ts what it may do, so the
 * web app (a signed-in account or an API token) and the command line share the same checks.
 */

/**
 * What a planner may write: indicators and framework nodes of these components, figures of
 * these areas and their subtrees. An empty list does not limit: a planner without
 * assignments works on the whole mission.
 */
export interface PlannerScope {
	components: readonly string[];
	/** area codes; each takes its whole subtree */
	areas: readonly string[];
}

export const WHOLE_MISSION: PlannerScope = Object.freeze({ components: [], areas: [] });

export interface Actor {
	username: string;
	role: Role;
	/** May see restricted indicators (and ask for their raw, unsuppressed figures). */
	cleared: boolean;
	/** Limits a planner's writes; absent or empty: the whole mission. Ignored for other roles. */
	scope?: PlannerScope;
	/** Nobody signed in (the sign-in page): may do nothing, whatever its role says. */
	nobody?: true;
	/**
	 * The public view's anonymous reader (PUBLIC_READER): may read, nothing else, and only
	 * what is meant for anyone. Set together with `publicOnly`, which domain/clearance.ts reads.
	 */
	publicReader?: true;
	/** Sees `public` indicators and sites only (domain/clearance.ts). */
	publicOnly?: true;
}

/** Who acts before signing in. permissions.ts refuses it everything. */
export const NOBODY: Actor = Object.freeze({
	username: 'anonymous',
	role: 'viewer',
	cleared: false,
	nobody: true
});

/**
 * Who reads the public view: anyone without an account while an administrator has opened it
 * (settings/public-view.ts). A viewer, never cleared, seeing public indicators only, with no
 * names of the mission's staff (server/public-view/redact.ts).
 */
export const PUBLIC_READER: Actor = Object.freeze({
	username: 'public',
	role: 'viewer',
	cleared: false,
	publicReader: true,
	publicOnly: true
});

/** Acts with every right: the demo loader and tests. */
export const LOCAL_ADMINISTRATOR: Actor = Object.freeze({
	username: 'local-admin',
	role: 'admin',
	cleared: true
});

/**
 * The command line runs with local administrator rights (whoever has the database file has the
 * data) and records the operating-system user as the actor, as `system:NAME`: account names
 * cannot contain a colon, so the audit log never confuses the two.
 */
export function systemActor(): Actor {
	let name = 'unknown';
	try {
		name = userInfo().username || name;
	} catch {
		// no passwd entry (some containers): the actor is still marked as the system
	}
	return Object.freeze({ username: `system:${name}`, role: 'admin', cleared: true });
}
