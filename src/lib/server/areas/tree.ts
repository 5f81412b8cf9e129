import { AreaTree, type AreaNode } from '../../domain/area-tree';
import type { Db } from '../db';
import { areaPopulations, areas } from '../db/schema';

/** The area tree with populations, as the domain rules need it. */
export function loadAreaTree(db: Db): AreaTree {
	const nodes = new Map<number, AreaNode>(
		db
			.select()
			.from(areas)
			.all()
			.map((a) => [
				a.id,
				{
					id: a.id,
					code: a.code,
					name: a.name,
					parentId: a.parentId,
					level: a.level,
					populations: []
				}
			])
	);
	for (const p of db.select().from(areaPopulations).all()) {
		nodes.get(p.areaId)?.populations.push({ year: p.year, population: p.population });
	}
	return new AreaTree(nodes.values());
}
