import { frozenSeriesQuery } from '../../../domain/assessment-cycles';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { freezeSeries } from '../frozen-series';
import type { CycleRow } from './find';
import { indicatorsInScope } from './scope';

/**
 * Freezes every series in the cycle's scope, replacing what it froze before, by the series
 * capability's rules (the figures the API gives for the same query). Returns how many.
 */
export function freezeCycle(db: Db, actor: Actor, cycle: CycleRow): number {
	return freezeSeries(
		db,
		actor,
		{ kind: 'cycle', id: cycle.id },
		indicatorsInScope(db, actor),
		frozenSeriesQuery(cycle)
	);
}
