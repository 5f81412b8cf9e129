/**
 * What a planner's scope can be made of, for the account forms: the components the framework
 * and its indicators name, and the area tree. Offered as choices so an administrator picks
 * rather than types, and a misspelt component cannot silently leave a planner unable to write.
 */
import { eq } from 'drizzle-orm';
import { componentsOf } from '../../domain/planner-scope';
import type { Actor } from '../actor';
import { listAreas, type AreaOption } from '../areas/list';
import type { Db } from '../db';
import { indicators, results } from '../db/schema';
import { authorize } from '../permissions';

export interface ScopeChoices {
	/** sorted, each once whatever its capitals (scope matching ignores case) */
	components: string[];
	/** in tree order, with their depth */
	areas: AreaOption[];
}

export function scopeChoices(db: Db, actor: Actor): ScopeChoices {
	authorize(actor, 'administer');
	const cells = [
		...db
			.select({ c: indicators.component })
			.from(indicators)
			.where(eq(indicators.retired, false))
			.all(),
		...db.select({ c: results.components }).from(results).where(eq(results.retired, false)).all()
	];
	const byKey = new Map<string, string>();
	for (const { c } of cells) {
		for (const name of componentsOf(c)) {
			const key = name.toLowerCase();
			if (!byKey.has(key)) byKey.set(key, name);
		}
	}
	return {
		components: [...byKey.values()].sort((a, b) => a.localeCompare(b)),
		areas: listAreas(db, actor)
	};
}
