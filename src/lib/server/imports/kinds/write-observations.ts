import { FIGURE_COLUMNS, type FigureColumn } from '../../../domain/columns';
import type { Period } from '../../../domain/period';
import type { ValueType } from '../../../domain/vocabulary';
import type { Db } from '../../db';
import type { KindImport } from './context';
import type { StoredPeriod } from './overlaps';

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

type StoredRow = Record<string, string | number | null> & { id: number; batch_id: number };

/** The periods already stored for a draft's indicator, area, dimensions and type. */
export function storedPeriodsLookup(db: Db): (d: ObservationDraft) => StoredPeriod[] {
	const stmt = db.$client.prepare(
		`SELECT period, period_start AS start, period_end AS end FROM observations
		 WHERE indicator_id = ? AND area_key = ? AND dimensions = ? AND value_type = ?`
	);
	return (d) => stmt.all(d.indicatorId, d.areaId ?? 0, d.dimensions, d.valueType) as StoredPeriod[];
}

/**
 * Natural-key upsert: new figures are inserted, changed ones updated with their previous
 * version kept in the history, identical ones left alone (formats.md §1.5).
 */
export function writeObservations(ctx: KindImport, drafts: ObservationDraft[]): void {
	const { report, batchId } = ctx;
	const client = ctx.db.$client;
	const find = client.prepare(
		`SELECT * FROM observations WHERE indicator_id = ? AND period_start = ? AND period_end = ?
		 AND area_key = ? AND dimensions = ? AND value_type = ?`
	);
	const insert = client.prepare(
		`INSERT INTO observations (indicator_id, period, period_start, period_end, area_id, dimensions,
		 value_type, ${FIGURE_COLUMNS.join(', ')}, batch_id, source_line)
		 VALUES (${Array(9 + FIGURE_COLUMNS.length)
				.fill('?')
				.join(', ')})`
	);
	const remember = client.prepare(
		`INSERT INTO observation_history (observation_id, previous, previous_batch_id, replaced_by_batch_id)
		 VALUES (?, ?, ?, ?)`
	);
	const updates = new Map<string, ReturnType<typeof client.prepare<unknown[]>>>();
	const updateFor = (columns: FigureColumn[]) => {
		const signature = columns.join(',');
		let stmt = updates.get(signature);
		if (!stmt) {
			const set = [...columns, 'period', 'batch_id', 'source_line']
				.map((c) => `${c} = ?`)
				.join(', ');
			stmt = client.prepare<unknown[]>(`UPDATE observations SET ${set} WHERE id = ?`);
			updates.set(signature, stmt);
		}
		return stmt;
	};

	for (const d of drafts) {
		const stored = find.get(
			d.indicatorId,
			d.period.start,
			d.period.end,
			d.areaId ?? 0,
			d.dimensions,
			d.valueType
		) as StoredRow | undefined;
		if (!stored) {
			insert.run(
				d.indicatorId,
				d.period.label,
				d.period.start,
				d.period.end,
				d.areaId,
				d.dimensions,
				d.valueType,
				...FIGURE_COLUMNS.map((c) => d.present[c] ?? null),
				batchId,
				d.line
			);
			report.inserted++;
			continue;
		}
		const columns = FIGURE_COLUMNS.filter((c) => d.present[c] !== undefined);
		if (columns.every((c) => (stored[c] ?? null) === (d.present[c] ?? null))) {
			report.unchanged++;
			continue;
		}
		const { id, batch_id: previousBatch, ...previous } = stored;
		remember.run(id, JSON.stringify(previous), previousBatch, batchId);
		updateFor(columns).run(
			...columns.map((c) => d.present[c] ?? null),
			d.period.label,
			batchId,
			d.line,
			id
		);
		report.updated++;
	}
}
