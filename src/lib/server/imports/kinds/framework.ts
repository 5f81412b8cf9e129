import { m } from '../../../paraglide/messages.js';
import { eq } from 'drizzle-orm';
import { FRAMEWORK_COLUMNS, FRAMEWORK_FRENCH_COLUMNS } from '../../../domain/columns';
import { results } from '../../db/schema';
import { componentProblem, writeLimits, type AssignedScope } from '../../../domain/planner-scope';
import { didYouMean } from '../../../domain/suggest';
import { PARENT_LEVEL, RESULT_LEVELS, TIERS, type ResultLevel } from '../../../domain/vocabulary';
import { RowReader, addError } from '../row-reader';
import {
	conflictingRows,
	requireColumns,
	same,
	unchangedBy,
	warnUnknownColumns,
	type KindImport
} from './context';

/** Optional columns: absent keeps the stored value, blank clears it. */
const OPTIONAL = {
	driver_of_change: 'driverOfChange',
	critical_condition: 'criticalCondition',
	component: 'components',
	tier: 'tier',
	description: 'description',
	// French texts, the project's extension (docs/formats.md "Beyond the contract")
	result_title_fr: 'titleFr',
	driver_of_change_fr: 'driverOfChangeFr',
	critical_condition_fr: 'criticalConditionFr',
	description_fr: 'descriptionFr'
} as const;

interface ResultRow {
	line: number;
	code: string;
	level: ResultLevel;
	title: string;
	parent: string | null;
	optional: Partial<Pick<typeof results.$inferInsert, (typeof OPTIONAL)[keyof typeof OPTIONAL]>>;
}

/** Imports results framework nodes (formats.md §1.2). */
export function importFramework(ctx: KindImport): void {
	const { db, report, batchId } = ctx;
	if (!requireColumns(ctx, ['result_code', 'result_level', 'result_title'])) return;
	warnUnknownColumns(ctx, new Set<string>([...FRAMEWORK_COLUMNS, ...FRAMEWORK_FRENCH_COLUMNS]));

	const rows = new Map<string, ResultRow>();
	const cellsOf = new Map<string, string>();
	const reportedLines = new Set<number>();
	for (const record of ctx.table.records) {
		report.rows++;
		const r = new RowReader(record, report, ctx.table);
		const code = r.required('result_code');
		const level = r.oneOf('result_level', RESULT_LEVELS);
		if (r.text('result_level') === null)
			r.error('result_level', '', m.impmsg_cell_required({ column: 'result_level' }));
		const title = r.required('result_title');
		const parent = r.text('parent_result') ?? null;
		const optional: ResultRow['optional'] = {};
		for (const [column, field] of Object.entries(OPTIONAL)) {
			const value = column === 'tier' ? r.oneOf('tier', TIERS) : r.text(column);
			if (value !== undefined) Object.assign(optional, { [field]: value });
		}
		if (!code || !level || !title) continue;
		const earlier = rows.get(code);
		if (earlier) {
			if (cellsOf.get(code) !== JSON.stringify(record.values)) {
				conflictingRows(
					report,
					reportedLines,
					m.impmsg_result_subject({ code }),
					{ line: r.line, column: 'result_code', value: code },
					{ line: earlier.line, value: code }
				);
			}
			continue;
		}
		if (level === 'objective' && parent) {
			r.error('parent_result', parent, m.impmsg_result_objective_parent({ code }));
			continue;
		}
		if (level !== 'objective' && !parent) {
			r.error('parent_result', '', m.impmsg_result_parent_required({ level }));
			continue;
		}
		rows.set(code, { line: r.line, code, level, title, parent, optional });
		cellsOf.set(code, JSON.stringify(record.values));
	}

	const stored = new Map(
		db
			.select()
			.from(results)
			.all()
			.map((n) => [n.code, n])
	);
	const levelOf = new Map<string, ResultLevel>([...stored.values()].map((n) => [n.code, n.level]));
	for (const row of rows.values()) levelOf.set(row.code, row.level);

	for (const row of rows.values()) {
		if (!row.parent) continue;
		const parentLevel = levelOf.get(row.parent);
		const expected = PARENT_LEVEL[row.level];
		if (!parentLevel) {
			addError(report, {
				line: row.line,
				column: 'parent_result',
				value: row.parent,
				message: m.impmsg_result_unknown_parent({
					code: row.parent,
					hint: didYouMean(row.parent, levelOf.keys())
				})
			});
		} else if (parentLevel !== expected) {
			addError(report, {
				line: row.line,
				column: 'parent_result',
				value: row.parent,
				message: m.impmsg_result_parent_level({
					level: row.level,
					expected: expected ?? '',
					parent: row.parent,
					parentLevel
				})
			});
		}
	}

	// A node whose level changes must still fit the stored children the file leaves in place.
	const storedById = new Map([...stored.values()].map((n) => [n.id, n]));
	for (const child of stored.values()) {
		if (rows.has(child.code) || child.parentId === null) continue;
		const parent = storedById.get(child.parentId);
		const changed = parent && rows.get(parent.code);
		if (changed && changed.level !== PARENT_LEVEL[child.level]) {
			addError(report, {
				line: changed.line,
				column: 'result_level',
				value: changed.level,
				message: m.impmsg_result_child_level({
					code: changed.code,
					childLevel: child.level,
					child: child.code,
					expected: PARENT_LEVEL[child.level] ?? ''
				})
			});
		}
	}
	const limits = writeLimits(ctx.actor);
	if (limits) refuseOutsideScope(ctx, limits, rows, stored);
	if (report.errors.length > 0) return;

	// Parents before children, so each parent id exists when its child is written.
	const order = [...rows.values()].sort(
		(a, b) => RESULT_LEVELS.indexOf(a.level) - RESULT_LEVELS.indexOf(b.level)
	);
	const idOf = new Map([...stored.values()].map((n) => [n.code, n.id]));
	for (const row of order) {
		const before = stored.get(row.code);
		const parentId = row.parent ? idOf.get(row.parent)! : null;
		const next = { level: row.level, title: row.title, parentId, ...row.optional };
		if (!before) {
			const { id } = db
				.insert(results)
				.values({ code: row.code, ...next, batchId })
				.returning({ id: results.id })
				.get();
			idOf.set(row.code, id);
			report.inserted++;
		} else if (unchangedBy(before, next)) {
			report.unchanged++;
		} else {
			db.update(results)
				.set({ ...next, batchId })
				.where(eq(results.id, before.id))
				.run();
			report.updated++;
		}
	}
}

type StoredResult = typeof results.$inferSelect;

/**
 * A planner limited to components writes only nodes of theirs: a row that would create or
 * change a node is refused when the node, as the file leaves it, names none of their
 * components, or when the node as stored does (taking over another component's node by
 * renaming its component is not theirs to do). Rows that change nothing are fine, so the
 * planner can import back an export of the whole framework with their rows edited.
 */
function refuseOutsideScope(
	ctx: KindImport,
	limits: AssignedScope,
	rows: Map<string, ResultRow>,
	stored: Map<string, StoredResult>
): void {
	const codeOf = new Map([...stored.values()].map((n) => [n.id, n.code]));
	for (const row of rows.values()) {
		const before = stored.get(row.code);
		if (before && !changes(before, row, codeOf)) continue;
		const was = before && componentProblem(limits, before.components, row.code);
		if (was) {
			addError(ctx.report, {
				line: row.line,
				column: 'result_code',
				value: row.code,
				message: was
			});
			continue;
		}
		const components =
			row.optional.components !== undefined ? row.optional.components : before?.components;
		const will = componentProblem(limits, components, row.code);
		if (will) {
			addError(ctx.report, {
				line: row.line,
				column: 'component',
				value: components ?? '',
				message: will
			});
		}
	}
}

/** Whether a row would change its stored node: the same comparison the write makes. */
function changes(before: StoredResult, row: ResultRow, codeOf: Map<number, string>): boolean {
	const parent = before.parentId === null ? null : (codeOf.get(before.parentId) ?? null);
	if (before.level !== row.level || before.title !== row.title || parent !== row.parent)
		return true;
	return Object.entries(row.optional).some(([k, v]) => !same(before[k as keyof StoredResult], v));
}
