import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { loadAreaTree } from './tree';

/** An area as the areas page lists it, in tree order, with its populations by year. */
export interface AreaRow {
	code: string;
	name: string;
	level: string | null;
	parent: string | null;
	depth: number;
	/** population by year; the key `''` is the population for any year without its own */
	populations: Record<string, number>;
	/** for an area with no population of its own: the sum of its areas' for each year listed */
	sums: Record<string, number>;
}

export interface AreaOverview {
	areas: AreaRow[];
	/** every year some area has a population for, ascending, then `''` when any has one without a year */
	years: string[];
}

/** The area tree, parents before their children, with every population the mission has. */
export function loadAreaOverview(db: Db, actor: Actor): AreaOverview {
	authorize(actor, 'read');
	const tree = loadAreaTree(db);
	const areas: AreaRow[] = [];
	const years = new Set<number>();
	let undated = false;
	const walk = (parentId: number | null, parent: string | null, depth: number) => {
		for (const a of tree.childrenOf(parentId)) {
			const populations: Record<string, number> = {};
			for (const p of a.populations) {
				populations[p.year === null ? '' : String(p.year)] = p.population;
				if (p.year === null) undated = true;
				else years.add(p.year);
			}
			areas.push({
				code: a.code,
				name: a.name,
				level: a.level ?? null,
				parent,
				depth,
				populations,
				sums: {}
			});
			walk(a.id, a.code, depth + 1);
		}
	};
	walk(null, null, 0);
	const listed = [...years].sort((a, b) => a - b);
	// what rates use for an area without its own population (formats.md §1.5), shown beside
	for (const row of areas) {
		if (Object.keys(row.populations).length > 0) continue;
		const id = tree.byCodeOf(row.code)!.id;
		for (const year of listed) {
			const sum = tree.populationOf(id, year);
			if (sum !== null) row.sums[String(year)] = sum;
		}
	}
	return { areas, years: [...listed.map(String), ...(undated ? [''] : [])] };
}
