/**
 * Imports action points (docs/formats.md "Action points"): a meeting's decisions, one per row,
 * checked by the rule the /actions form uses (action-points/resolve.ts) and written by the same
 * code. A row with a `reference` (AP-0012) that exists replaces that action point; a new
 * reference is kept; a row without one is new — unless an action point of the same origin,
 * origin reference and decision exists, so that importing the same minutes twice, or an
 * export again, never duplicates.
 */
import { ACTION_COLUMNS, type ActionColumn } from '../../../domain/columns';
import { referenceNumber } from '../../../domain/action-points';
import { m } from '../../../paraglide/messages.js';
import { actionPoints } from '../../db/schema';
import {
	codeList,
	resolveActionPoint,
	type ActionPointInput,
	type ResolvedActionPoint
} from '../../action-points/resolve';
import { insertActionPoint, replaceActionPoint } from '../../action-points/store';
import { RowReader } from '../row-reader';
import { conflictingRows, requireColumns, warnUnknownColumns, type KindImport } from './context';

/** The file's column of each field the rule checks, to put each problem on its cell. */
const COLUMN_OF: Record<keyof ActionPointInput, ActionColumn> = {
	origin: 'origin',
	cycle: 'cycle',
	originReference: 'origin_reference',
	decision: 'decision',
	owner: 'owner',
	area: 'area_code',
	deadline: 'deadline',
	status: 'status',
	dropReason: 'drop_reason',
	results: 'result_codes',
	indicators: 'indicator_codes'
};

interface ActionRow {
	line: number;
	reference: string | null;
	point: ResolvedActionPoint;
}

type StoredPoint = typeof actionPoints.$inferSelect;

export function importActions(ctx: KindImport): void {
	const { report, db, actor } = ctx;
	if (!requireColumns(ctx, ['origin', 'decision', 'owner', 'deadline'])) return;
	warnUnknownColumns(ctx, new Set<string>(ACTION_COLUMNS));

	const rows: ActionRow[] = [];
	const seen = new Map<string, { line: number; cells: string }>();
	const reportedLines = new Set<number>();
	for (const record of ctx.table.records) {
		report.rows++;
		const r = new RowReader(record, report, ctx.table);
		const cell = (column: ActionColumn) => r.text(column) ?? '';
		const reference = r.text('reference') ?? null;
		if (reference !== null && referenceNumber(reference) === null) {
			r.error('reference', reference, m.act_bad_reference({ reference }));
		}
		const input: ActionPointInput = {
			origin: cell('origin'),
			cycle: cell('cycle'),
			originReference: cell('origin_reference'),
			decision: cell('decision'),
			owner: cell('owner'),
			area: cell('area_code'),
			deadline: cell('deadline'),
			status: cell('status'),
			dropReason: cell('drop_reason'),
			results: codeList(cell('result_codes')),
			indicators: codeList(cell('indicator_codes'))
		};
		const resolved = resolveActionPoint(db, actor, input);
		if (!resolved.ok) {
			for (const [field, message] of Object.entries(resolved.errors)) {
				const column = COLUMN_OF[field as keyof ActionPointInput] ?? null;
				r.error(column, column ? cell(column) : null, message);
			}
			continue;
		}
		if (report.errors.some((e) => e.line === r.line)) continue;
		const key = reference ?? keyOf(resolved.point);
		const cells = JSON.stringify(record.values);
		const earlier = seen.get(key);
		if (earlier) {
			// an identical duplicate counts once; two versions of one action point are a conflict
			if (earlier.cells !== cells) {
				conflictingRows(
					report,
					reportedLines,
					m.act_subject({ reference: reference ?? input.decision.slice(0, 60) }),
					{
						line: r.line,
						column: reference ? 'reference' : 'decision',
						value: reference ?? input.decision
					},
					{ line: earlier.line, value: reference ?? input.decision }
				);
			}
			continue;
		}
		seen.set(key, { line: r.line, cells });
		rows.push({ line: r.line, reference, point: resolved.point });
	}
	if (report.errors.length > 0) return;

	const stored = db.select().from(actionPoints).all();
	const byReference = new Map(stored.map((p) => [p.reference, p]));
	const byKey = new Map(stored.map((p) => [keyOf(p), p]));
	// rows naming their reference first: a new one is kept, so numbering the others after it
	// cannot take it
	const ordered = [...rows.filter((r) => r.reference), ...rows.filter((r) => !r.reference)];
	for (const row of ordered) {
		const existing: StoredPoint | undefined = row.reference
			? byReference.get(row.reference)
			: byKey.get(keyOf(row.point));
		if (!existing) {
			insertActionPoint(db, actor, row.point, row.reference, { batch: ctx.batchId });
			report.inserted++;
		} else if (replaceActionPoint(db, actor, existing, row.point, { batch: ctx.batchId })) {
			report.updated++;
		} else {
			report.unchanged++;
		}
	}
}

/** What makes a row without a reference the same decision as one recorded. */
function keyOf(p: { origin: string; originReference: string | null; decision: string }): string {
	return JSON.stringify([p.origin, p.originReference ?? '', p.decision]);
}
