import type { Sensitivity } from './vocabulary';

/** Whoever reads: for indicators, only their clearance matters. */
export interface Reader {
	cleared: boolean;
}

/**
 * Whether a reader may know an indicator exists. Restricted indicators (sexual violence,
 * child protection: small numbers identify people in remote places) are for cleared readers
 * only; for anyone else they do not exist. Public and internal ones are for every reader.
 * Mission sites (server/maps/sites.ts) follow the same rule: a restricted site's location is
 * as sensitive as a restricted figure.
 */
export function visibleTo(reader: Reader, sensitivity: Sensitivity): boolean {
	return sensitivity !== 'restricted' || reader.cleared;
}
