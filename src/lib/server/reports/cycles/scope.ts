/**
 * What a cycle covers: the framework in force. It rates the objectives and outcomes, and
 * freezes the series of every indicator that is not retired, of a node that is not retired.
 */
import { inArray } from 'drizzle-orm';
import { RATED_LEVELS } from '../../../domain/assessment-cycles';
import type { ResultNode } from '../../../domain/framework-tree';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { indicators } from '../../db/schema';
import { loadFramework } from '../../framework/tree';
import { visibleIndicators } from '../../indicators/visible';

/** The objectives and outcomes in force, in reading order (each objective, then its outcomes). */
export function nodesToRate(db: Db, actor: Actor): ResultNode[] {
	return loadFramework(db, actor)
		.withoutRetired()
		.outline()
		.map(({ node }) => node)
		.filter((n) => RATED_LEVELS.includes(n.level));
}

/** Codes of the indicators in force that the actor may see, in code order. */
export function indicatorsInScope(db: Db, actor: Actor): string[] {
	const inForce = loadFramework(db, actor)
		.withoutRetired()
		.outline()
		.map(({ node }) => node.id);
	if (inForce.length === 0) return [];
	return visibleIndicators(
		actor,
		db
			.select({
				code: indicators.code,
				retired: indicators.retired,
				sensitivity: indicators.sensitivity
			})
			.from(indicators)
			.where(inArray(indicators.resultId, inForce))
			.all()
	)
		.filter((i) => !i.retired)
		.map((i) => i.code)
		.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}
