import type { Db } from '../db';

/** Dimension values as a stable JSON object: keys sorted, blanks left out; `{}` is a total. */
export function canonicalDimensions(dimensions: Readonly<Record<string, string>>): string {
	const sorted: Record<string, string> = {};
	for (const key of Object.keys(dimensions).sort()) sorted[key] = dimensions[key]!;
	return JSON.stringify(sorted);
}

/** Ids of dimension sets by canonical key, creating a set the first time it is used. */
export class DimensionSetIds {
	private readonly ids = new Map<string, number>();
	private readonly create;

	constructor(db: Db) {
		const rows = db.$client.prepare('SELECT id, key FROM dimension_sets').all() as {
			id: number;
			key: string;
		}[];
		for (const { id, key } of rows) this.ids.set(key, id);
		this.create = db.$client.prepare('INSERT INTO dimension_sets (key) VALUES (?)');
	}

	idOf(key: string): number {
		let id = this.ids.get(key);
		if (id === undefined) {
			id = Number(this.create.run(key).lastInsertRowid);
			this.ids.set(key, id);
		}
		return id;
	}
}

/** Every dimension set by id, as dimension → category (the table is small). */
export function loadDimensionSets(db: Db): Map<number, Record<string, string>> {
	const rows = db.$client.prepare('SELECT id, key FROM dimension_sets').all() as {
		id: number;
		key: string;
	}[];
	return new Map(rows.map((r) => [r.id, JSON.parse(r.key) as Record<string, string>]));
}
