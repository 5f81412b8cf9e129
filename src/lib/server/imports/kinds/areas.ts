import { m } from '../../../paraglide/messages.js';
import { eq } from 'drizzle-orm';
import { AREA_COLUMNS } from '../../../domain/columns';
import { areaPopulations, areas } from '../../db/schema';
import { areaProblem, writeLimits, type AssignedScope } from '../../../domain/planner-scope';
import { didYouMean } from '../../../domain/suggest';
import { RowReader, addError } from '../row-reader';
import {
	conflictingRows,
	requireColumns,
	same,
	warnUnknownColumns,
	type KindImport
} from './context';

interface AreaRow {
	line: number;
	code: string;
	name: string;
	parent: string | null | undefined;
	level: string | null | undefined;
	population: number | null | undefined;
	/** the population as written, for messages */
	populationText: string;
	year: number | null | undefined;
}

/** Imports the area tree with populations by year (formats.md §1.1). */
export function importAreas(ctx: KindImport): void {
	const { db, report } = ctx;
	if (!requireColumns(ctx, ['area_code', 'area_name'])) return;
	warnUnknownColumns(ctx, new Set<string>(AREA_COLUMNS));

	const rows: AreaRow[] = [];
	const reportedLines = new Set<number>();
	const seenRows = new Map<
		string,
		{ line: number; cells: string; population: number | null | undefined }
	>();
	for (const record of ctx.table.records) {
		report.rows++;
		const r = new RowReader(record, report, ctx.table);
		const code = r.required('area_code');
		const name = r.required('area_name');
		const population = r.number('population', { min: 0 });
		const year = r.number('population_year', { integer: true, min: 1000, max: 9999 });
		if (code && name) {
			const key = `${code}\u0000${year ?? ''}`;
			const cells = JSON.stringify(record.values);
			const earlier = seenRows.get(key);
			if (earlier && earlier.cells === cells) continue; // an identical duplicate counts once
			// Two populations for one area and year; other disagreements (name, parent, level)
			// are reported by the check of the area's description below.
			if (earlier && earlier.population !== population) {
				conflictingRows(
					report,
					reportedLines,
					year != null
						? m.impmsg_area_in_year({ code, year: String(year) })
						: m.impmsg_area_subject({ code }),
					{ line: r.line, column: 'population', value: r.text('population') ?? '' },
					{
						line: earlier.line,
						value: earlier.population == null ? '' : String(earlier.population)
					}
				);
				continue;
			}
			if (!earlier) seenRows.set(key, { line: r.line, cells, population });
			rows.push({
				line: r.line,
				code,
				name,
				parent: r.text('parent_area'),
				level: r.text('area_level'),
				population,
				populationText: r.text('population') ?? '',
				year
			});
		}
	}

	const stored = new Map(
		db
			.select()
			.from(areas)
			.all()
			.map((a) => [a.code, a])
	);
	const storedById = new Map([...stored.values()].map((a) => [a.id, a]));

	// One description per code: rows of one area must agree on name, parent and level.
	const firstRow = new Map<string, AreaRow>();
	for (const row of rows) {
		const first = firstRow.get(row.code);
		if (!first) {
			firstRow.set(row.code, row);
			continue;
		}
		for (const [column, key] of [
			['area_name', 'name'],
			['parent_area', 'parent'],
			['area_level', 'level']
		] as const) {
			if ((first[key] ?? null) !== (row[key] ?? null)) {
				addError(report, {
					line: row.line,
					column,
					value: row[key] ?? '',
					message: m.impmsg_area_two_values({
						code: row.code,
						column,
						first: first[key] ?? '',
						line: String(first.line),
						here: row[key] ?? ''
					})
				});
			}
		}
	}

	// The parent of each area after this file is applied: the file's, else the stored one.
	const parentOf = new Map<string, string | null>();
	for (const a of stored.values()) {
		parentOf.set(a.code, a.parentId ? (storedById.get(a.parentId)?.code ?? null) : null);
	}
	for (const row of firstRow.values()) {
		if (row.parent !== undefined) parentOf.set(row.code, row.parent);
	}
	for (const row of firstRow.values()) {
		if (!row.parent) continue;
		if (!parentOf.has(row.parent)) {
			addError(report, {
				line: row.line,
				column: 'parent_area',
				value: row.parent,
				message: m.impmsg_unknown_parent_area({
					code: row.parent,
					hint: didYouMean(row.parent, parentOf.keys())
				})
			});
			continue;
		}
		// Walking up from the row must end at the mission, not come back to where it started.
		const seen = new Set([row.code]);
		let up: string | null | undefined = row.parent;
		while (up) {
			if (seen.has(up)) {
				addError(report, {
					line: row.line,
					column: 'parent_area',
					value: row.parent,
					message: m.impmsg_area_cycle({ code: row.code, path: `${[...seen].join(' → ')} → ${up}` })
				});
				break;
			}
			seen.add(up);
			up = parentOf.get(up);
		}
	}
	const limits = writeLimits(ctx.actor);
	if (limits && limits.areas.length > 0 && report.errors.length === 0) {
		refuseOutsideScope(ctx, limits, rows, firstRow, stored, parentOf);
	}
	if (report.errors.length > 0) return;

	writeAreas(ctx, rows, firstRow, stored);
}

type StoredArea = typeof areas.$inferSelect;

/**
 * A planner limited to areas edits only their subtrees: a row that would add or change an
 * area or a population is refused unless the area lies within their areas as stored, and,
 * when it gets a parent (a new area, or a move), the parent lies within them as the file
 * leaves the tree — so an area can neither be taken from another subtree nor moved out of
 * theirs, and an assigned area itself is not moved. Rows that change nothing are fine.
 */
function refuseOutsideScope(
	ctx: KindImport,
	limits: AssignedScope,
	rows: AreaRow[],
	firstRow: Map<string, AreaRow>,
	stored: Map<string, StoredArea>,
	parentOf: Map<string, string | null>
): void {
	const { db, report } = ctx;
	const codeOf = new Map([...stored.values()].map((a) => [a.id, a.code]));
	const storedParent = (code: string) => {
		const area = stored.get(code);
		if (!area) return undefined;
		return area.parentId === null ? null : (codeOf.get(area.parentId) ?? null);
	};
	const populations = new Map(
		db
			.select()
			.from(areaPopulations)
			.all()
			.map((p) => [`${p.areaId}:${p.year ?? ''}`, p.population])
	);
	const refused = new Set<string>();
	const refuse = (row: AreaRow, column: string, value: string, message: string) => {
		refused.add(row.code);
		addError(report, { line: row.line, column, value, message });
	};
	for (const row of firstRow.values()) {
		const before = stored.get(row.code);
		const moves = row.parent !== undefined && (row.parent ?? null) !== storedParent(row.code);
		const renames =
			before !== undefined &&
			(!same(before.name, row.name) || (row.level !== undefined && !same(before.level, row.level)));
		if (before && !moves && !renames) continue;
		const was = before && areaProblem(limits, row.code, storedParent);
		if (was) {
			refuse(row, 'area_code', row.code, was);
			continue;
		}
		if (!before || moves) {
			const parent = parentOf.get(row.code) ?? null;
			const where = areaProblem(limits, parent, (c) => parentOf.get(c));
			if (where) refuse(row, 'parent_area', parent ?? '', where);
		}
	}
	// a population of an area the file does not otherwise change
	for (const row of rows) {
		if (refused.has(row.code) || row.population == null) continue;
		const area = stored.get(row.code);
		if (!area || populations.get(`${area.id}:${row.year ?? ''}`) === row.population) continue;
		const was = areaProblem(limits, row.code, storedParent);
		if (was) refuse(row, 'population', row.populationText, was);
	}
}

function writeAreas(
	ctx: KindImport,
	rows: AreaRow[],
	firstRow: Map<string, AreaRow>,
	stored: Map<string, typeof areas.$inferSelect>
): void {
	const { db, report, batchId } = ctx;
	const idOf = new Map([...stored.values()].map((a) => [a.code, a.id]));
	const created = new Set<string>();
	const changed = new Set<string>();

	// First every area exists, then parents point at ids: a child may come before its parent.
	for (const row of firstRow.values()) {
		const before = stored.get(row.code);
		if (!before) {
			const inserted = db
				.insert(areas)
				.values({ code: row.code, name: row.name, level: row.level ?? null, batchId })
				.returning({ id: areas.id })
				.get();
			idOf.set(row.code, inserted.id);
			created.add(row.code);
		}
	}
	for (const row of firstRow.values()) {
		const before = stored.get(row.code);
		const parentId =
			row.parent === undefined
				? (before?.parentId ?? null)
				: row.parent
					? idOf.get(row.parent)!
					: null;
		const level = row.level === undefined ? (before?.level ?? null) : row.level;
		if (
			before &&
			same(before.name, row.name) &&
			same(before.parentId, parentId) &&
			same(before.level, level)
		) {
			continue;
		}
		if (before) changed.add(row.code);
		db.update(areas)
			.set({ name: row.name, parentId, level, batchId })
			.where(eq(areas.id, idOf.get(row.code)!))
			.run();
	}

	const populationKey = (areaId: number, year: number | null) => `${areaId}:${year ?? ''}`;
	const storedPopulation = new Map(
		db
			.select()
			.from(areaPopulations)
			.all()
			.map((p) => [populationKey(p.areaId, p.year), { id: p.id, population: p.population }])
	);
	for (const row of rows) {
		const areaId = idOf.get(row.code)!;
		const first = firstRow.get(row.code) === row;
		let outcome: 'inserted' | 'updated' | 'unchanged' =
			first && created.has(row.code)
				? 'inserted'
				: first && changed.has(row.code)
					? 'updated'
					: 'unchanged';
		if (row.population != null) {
			const key = populationKey(areaId, row.year ?? null);
			const before = storedPopulation.get(key);
			if (!before) {
				const { id } = db
					.insert(areaPopulations)
					.values({ areaId, year: row.year ?? null, population: row.population, batchId })
					.returning({ id: areaPopulations.id })
					.get();
				storedPopulation.set(key, { id, population: row.population });
				if (outcome === 'unchanged') outcome = 'inserted';
			} else if (before.population !== row.population) {
				db.update(areaPopulations)
					.set({ population: row.population, batchId })
					.where(eq(areaPopulations.id, before.id))
					.run();
				before.population = row.population;
				if (outcome === 'unchanged') outcome = 'updated';
			}
		}
		report[outcome]++;
	}
}
