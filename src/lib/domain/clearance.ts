import type { Sensitivity } from './vocabulary';

/** Whoever reads: for indicators, only their clearance matters — and whether they are anyone. */
export interface Reader {
	cleared: boolean;
	/**
	 * The public view's anonymous reader (docs/security.md "The public view"): sees the
	 * indicators the mission marked `public` and nothing else, whatever else is set.
	 */
	publicOnly?: boolean;
}

/**
 * Whether a reader may know an indicator exists. Restricted indicators (sexual violence,
 * child protection: small numbers identify people in remote places) are for cleared readers
 * only; for anyone else they do not exist. Public and internal ones are for every reader.
 * Mission sites (server/maps/sites.ts) follow the same rule: a restricted site's location is
 * as sensitive as a restricted figure. The public view's reader sees public ones only.
 */
export function visibleTo(reader: Reader, sensitivity: Sensitivity): boolean {
	// checked first: a reader without an account is never cleared, not even by mistake
	if (reader.publicOnly) return sensitivity === 'public';
	return sensitivity !== 'restricted' || reader.cleared;
}
