import { FIGURE_COLUMNS, type FigureColumn } from '../../../domain/columns';
import type { Period } from '../../../domain/period';
import type { ValueType } from '../../../domain/vocabulary';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db';
import type { FileReport } from '../report';
import { addError } from '../row-reader';

/** A validated figure with its codes resolved, ready to be written. */
export interface ObservationDraft {
	line: number;
	indicatorId: number;
	period: Period;
	areaId: number | null;
	dimensions: string;
	valueType: ValueType;
	/** Only the columns present in the file: absent ones keep their stored values. */
	present: Partial<Record<FigureColumn, string | number | null>>;
}

type StoredRow = Record<string, string | number | null> & {
	id: number;
	batch_id: number;
	source_line: number | null;
};

/**
 * Natural-key upsert, one figure at a time inside the import's transaction: new figures are
 * inserted, changed ones updated with their previous version kept in the history, identical
 * ones left alone (formats.md §1.5). A key already written by this same batch is a duplicate
 * within the file: identical rows count once, different ones are an error on both lines.
 */
export class FigureWriter {
	private readonly insertNew;
	private readonly find;
	private readonly remember;
	private readonly updates = new Map<string, Statement<unknown[]>>();
	private readonly reportedLines = new Set<number>();
	readonly indicatorsTouched = new Set<number>();

	constructor(
		private readonly db: Db,
		private readonly report: FileReport,
		private readonly batchId: number
	) {
		const client = db.$client;
		this.insertNew = client.prepare(
			`INSERT INTO observations (indicator_id, period, period_start, period_end, area_id, dimensions,
			 value_type, ${FIGURE_COLUMNS.join(', ')}, batch_id, source_line)
			 VALUES (${Array(9 + FIGURE_COLUMNS.length)
					.fill('?')
					.join(', ')})
			 ON CONFLICT DO NOTHING`
		);
		this.find = client.prepare(
			`SELECT * FROM observations WHERE indicator_id = ? AND area_key = ? AND dimensions = ?
			 AND value_type = ? AND period_start = ? AND period_end = ?`
		);
		this.remember = client.prepare(
			`INSERT INTO observation_history (observation_id, previous, previous_batch_id, replaced_by_batch_id)
			 VALUES (?, ?, ?, ?)`
		);
	}

	write(d: ObservationDraft): void {
		this.indicatorsTouched.add(d.indicatorId);
		const inserted = this.insertNew.run(
			d.indicatorId,
			d.period.label,
			d.period.start,
			d.period.end,
			d.areaId,
			d.dimensions,
			d.valueType,
			...FIGURE_COLUMNS.map((c) => d.present[c] ?? null),
			this.batchId,
			d.line
		);
		if (inserted.changes === 1) {
			this.report.inserted++;
			return;
		}
		const stored = this.find.get(
			d.indicatorId,
			d.areaId ?? 0,
			d.dimensions,
			d.valueType,
			d.period.start,
			d.period.end
		) as StoredRow;
		const columns = FIGURE_COLUMNS.filter((c) => d.present[c] !== undefined);
		const differing = columns.find((c) => (stored[c] ?? null) !== (d.present[c] ?? null));
		if (stored.batch_id === this.batchId) {
			if (differing) this.duplicate(d, stored, differing);
			return;
		}
		if (!differing) {
			this.report.unchanged++;
			return;
		}
		const { id, batch_id: previousBatch, ...previous } = stored;
		this.remember.run(id, JSON.stringify(previous), previousBatch, this.batchId);
		this.updateFor(columns).run(
			...columns.map((c) => d.present[c] ?? null),
			d.period.label,
			this.batchId,
			d.line,
			id
		);
		this.report.updated++;
	}

	/** Two lines of one file with the same key and different content: an error on each. */
	private duplicate(d: ObservationDraft, stored: StoredRow, column: FigureColumn): void {
		const earlier = stored.source_line ?? 0;
		const message = (other: number) =>
			`Line ${other} has the same indicator, period, area, dimensions and value type with different content; keep one of them.`;
		const show = (v: unknown) => (v === null || v === undefined ? '' : String(v));
		addError(this.report, {
			line: d.line,
			column,
			value: show(d.present[column]),
			message: message(earlier)
		});
		if (!this.reportedLines.has(earlier)) {
			this.reportedLines.add(earlier);
			addError(this.report, {
				line: earlier,
				column,
				value: show(stored[column]),
				message: message(d.line)
			});
		}
	}

	private updateFor(columns: FigureColumn[]) {
		const signature = columns.join(',');
		let stmt = this.updates.get(signature);
		if (!stmt) {
			const set = [...columns, 'period', 'batch_id', 'source_line'].map((c) => `${c} = ?`).join(', ');
			stmt = this.db.$client.prepare<unknown[]>(`UPDATE observations SET ${set} WHERE id = ?`);
			this.updates.set(signature, stmt);
		}
		return stmt;
	}
}
