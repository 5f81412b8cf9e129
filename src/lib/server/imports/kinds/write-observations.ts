import { m } from '../../../paraglide/messages.js';
import type { Statement } from 'better-sqlite3';
import type { FigureColumn } from '../../../domain/columns';
import type { Period } from '../../../domain/period';
import { changedVerifiedWarning, verificationProblem } from '../../../domain/verification';
import type { ValueType } from '../../../domain/vocabulary';
import type { Db } from '../../db';
import { MAX_REPORTED_CHANGES, type FileReport } from '../report';
import { addError } from '../row-reader';

export type FigureValue = string | number | null;

/** A reason the acting user may not write a figure, on one cell of its line. */
export interface CellProblem {
	column: string;
	value: string;
	message: string;
}

/** A validated figure with its codes resolved, ready to be written. */
export interface ObservationDraft {
	line: number;
	indicatorId: number;
	period: Period;
	areaId: number | null;
	/** the id of the figure's dimension values (see DimensionSetIds) */
	dimensionSetId: number;
	valueType: ValueType;
	/** The values of the writer's columns, in their order. */
	values: FigureValue[];
	/** The header of the cell the value came from, when it is not the column's (a wide file's period). */
	cellColumn?: string;
	/** The values of the writer's `kept` columns, in their order (written, never compared). */
	kept?: FigureValue[];
	/**
	 * Why the acting user may not write this figure (outside a planner's scope): refused when
	 * the line would insert or change it, fine when it leaves it as stored.
	 */
	refusals?: readonly CellProblem[] | undefined;
}

const NOTHING: FigureValue[] = [];

type StoredRow = Record<string, FigureValue> & {
	id: number;
	batch_id: number;
	source_line: number | null;
};

/**
 * Natural-key upsert, one figure at a time inside the import's transaction: new figures are
 * inserted, changed ones updated with their previous version kept in the history, identical
 * ones left alone (formats.md §1.5). A key already written by this same batch is a duplicate
 * within the file: identical rows count once, different ones are an error on both lines.
 *
 * `columns` are the figure columns the file has: the others keep their stored values, so they
 * are neither written nor compared. They are the same for every row of a file, which lets the
 * statements be prepared once.
 */
export class FigureWriter {
	private readonly insert: Statement<unknown[]>;
	private readonly update: Statement<unknown[]>;
	private readonly find;
	private readonly remember;
	private readonly recordSet;
	/** indicator id → the dimension sets already recorded for it (see indicator_dimension_sets) */
	private readonly setsRecorded = new Map<number, Set<number>>();
	private readonly reportedLines = new Set<number>();
	/**
	 * Figures this file found unchanged, by row id, with the line that did: such a row keeps its
	 * old batch, so this is how a later line with the same key is known to be a duplicate.
	 */
	private readonly unchangedLines = new Map<number, number>();
	readonly indicatorsTouched = new Set<number>();
	/** Indicators this file inserted or changed figures of: their data is now this fresh. */
	readonly indicatorsWritten = new Set<number>();
	/** where the file's verification cell is among the columns, -1 when it has none */
	private readonly verificationAt: number;
	/** verified figures a non-verifier's file changed without a verification column */
	private changedVerified = { count: 0, firstLine: 0 };
	/** the line last refused, and what was said about it */
	private refusedLine = 0;
	private readonly refusedOnLine = new Set<string>();

	/**
	 * `mayVerify`: whether the importing user may mark figures verified (see
	 * domain/verification.ts); a file of someone who may not is refused on each line that would
	 * write a figure as verified.
	 */
	constructor(
		db: Db,
		private readonly report: FileReport,
		private readonly batchId: number,
		private readonly columns: readonly FigureColumn[],
		private readonly mayVerify = true,
		/**
		 * Columns written with a figure but not compared (a list figure's provenance, `list_rows`):
		 * a figure whose compared columns are unchanged keeps its stored ones.
		 */
		private readonly kept: readonly string[] = []
	) {
		this.verificationAt = columns.indexOf('verification');
		const client = db.$client;
		const names = [
			'indicator_id',
			'period',
			'period_start',
			'period_end',
			'area_id',
			'dimension_set_id',
			'value_type',
			...columns,
			...kept,
			'batch_id',
			'source_line'
		];
		this.insert = client.prepare<unknown[]>(
			`INSERT INTO observations (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
			 ON CONFLICT DO NOTHING`
		);
		const set = [...columns, ...kept, 'period', 'batch_id', 'source_line'].map((c) => `${c} = ?`);
		this.update = client.prepare<unknown[]>(
			`UPDATE observations SET ${set.join(', ')} WHERE id = ?`
		);
		this.find = client.prepare(
			`SELECT * FROM observations WHERE indicator_id = ? AND period_start = ? AND period_end = ?
			 AND area_key = ? AND dimension_set_id = ? AND value_type = ?`
		);
		this.remember = client.prepare(
			`INSERT INTO observation_history (observation_id, previous, previous_batch_id, replaced_by_batch_id)
			 VALUES (?, ?, ?, ?)`
		);
		this.recordSet = client.prepare(
			'INSERT OR IGNORE INTO indicator_dimension_sets (indicator_id, dimension_set_id) VALUES (?, ?)'
		);
	}

	write(d: ObservationDraft): void {
		this.indicatorsTouched.add(d.indicatorId);
		const dimensionSet = d.dimensionSetId;
		// A figure the user may not write is looked up first, never inserted on the off chance:
		// the line is refused only if it would change something.
		const guarded =
			d.refusals !== undefined ||
			(!this.mayVerify && this.verificationAt >= 0 && d.values[this.verificationAt] === 'verified');
		if (!guarded) {
			const inserted = this.insert.run(
				d.indicatorId,
				d.period.label,
				d.period.start,
				d.period.end,
				d.areaId,
				dimensionSet,
				d.valueType,
				...d.values,
				...this.keptOf(d),
				this.batchId,
				d.line
			);
			if (inserted.changes === 1) {
				this.report.inserted++;
				this.indicatorsWritten.add(d.indicatorId);
				return;
			}
		}
		const stored = this.find.get(
			d.indicatorId,
			d.period.start,
			d.period.end,
			d.areaId ?? 0,
			dimensionSet,
			d.valueType
		) as StoredRow | undefined;
		if (!stored) {
			// only a guarded figure is looked up before it exists: a new figure it may not write
			this.refuse(d);
			return;
		}
		const differing = this.columns.findIndex((c, i) => (stored[c] ?? null) !== d.values[i]);
		const earlierLine =
			stored.batch_id === this.batchId ? stored.source_line : this.unchangedLines.get(stored.id);
		if (earlierLine !== undefined && earlierLine !== null) {
			// the same key on an earlier line of this file: identical counts once, different is an error
			if (differing >= 0) this.duplicate(d, stored, differing, earlierLine);
			return;
		}
		if (differing < 0) {
			this.unchangedLines.set(stored.id, d.line);
			this.report.unchanged++;
			return;
		}
		if (guarded) {
			this.refuse(d);
			return;
		}
		if (!this.mayVerify && this.verificationAt < 0 && stored.verification === 'verified') {
			if (this.changedVerified.count++ === 0) this.changedVerified.firstLine = d.line;
		}
		this.noteChanges(d, stored);
		const { id, batch_id: previousBatch, ...previous } = stored;
		this.remember.run(id, JSON.stringify(previous), previousBatch, this.batchId);
		this.update.run(...d.values, ...this.keptOf(d), d.period.label, this.batchId, d.line, id);
		this.report.updated++;
		this.indicatorsWritten.add(d.indicatorId);
	}

	private keptOf(d: ObservationDraft): FigureValue[] {
		return this.kept.length === 0 ? NOTHING : (d.kept ?? this.kept.map(() => null));
	}

	/** What the user may not write of this figure, were it to be inserted or changed. */
	private problemsOf(d: ObservationDraft): CellProblem[] {
		const problems = [...(d.refusals ?? [])];
		const written = this.verificationAt < 0 ? undefined : d.values[this.verificationAt];
		const verification = verificationProblem(
			this.mayVerify,
			written === 'verified' ? 'verified' : null,
			true
		);
		if (verification)
			problems.push({ column: 'verification', value: 'verified', message: verification });
		return problems;
	}

	/** A line that would write a figure the user may not write: an error on each cell at fault. */
	private refuse(d: ObservationDraft): void {
		// the figures of one wide line share its indicator and area: say each problem once
		if (d.line !== this.refusedLine) this.refusedOnLine.clear();
		this.refusedLine = d.line;
		for (const p of this.problemsOf(d)) {
			const said = `${p.column}\u0000${p.message}`;
			if (this.refusedOnLine.has(said)) continue;
			this.refusedOnLine.add(said);
			addError(this.report, { line: d.line, ...p });
		}
	}

	/** The file's warnings once every line is written. */
	finish(): void {
		const { count, firstLine } = this.changedVerified;
		if (count === 0) return;
		this.report.warnings.push({
			line: firstLine,
			column: 'verification',
			value: 'verified',
			message: changedVerifiedWarning(count, firstLine)
		});
	}

	/**
	 * Notes that the indicator's figures use a dimension set (indicator_dimension_sets). Called
	 * once per distinct key of a file, before its figures are written: a set noted for a figure
	 * that then turns out unchanged was already noted, and a refused file is rolled back.
	 */
	recordDimensionSet(indicatorId: number, dimensionSetId: number): void {
		let sets = this.setsRecorded.get(indicatorId);
		if (!sets) this.setsRecorded.set(indicatorId, (sets = new Set()));
		if (sets.has(dimensionSetId)) return;
		sets.add(dimensionSetId);
		this.recordSet.run(indicatorId, dimensionSetId);
	}

	/** What an update changes, old → new, for the preview (the first few hundred suffice). */
	private noteChanges(d: ObservationDraft, stored: StoredRow): void {
		const changes = (this.report.changes ??= []);
		this.columns.forEach((column, i) => {
			const old = stored[column] ?? null;
			if (old === d.values[i] || changes.length >= MAX_REPORTED_CHANGES) return;
			changes.push({ line: d.line, period: d.period.label, column, old, new: d.values[i]! });
		});
	}

	/** Two lines of one file with the same key and different content: an error on each. */
	private duplicate(d: ObservationDraft, stored: StoredRow, index: number, earlier: number): void {
		const column = d.cellColumn ?? this.columns[index]!;
		const message = (other: number) => m.impmsg_figure_duplicate_line({ line: String(other) });
		const show = (v: unknown) => (v === null || v === undefined ? '' : String(v));
		addError(this.report, {
			line: d.line,
			column,
			value: show(d.values[index]),
			message: message(earlier)
		});
		if (!this.reportedLines.has(earlier)) {
			this.reportedLines.add(earlier);
			addError(this.report, {
				line: earlier,
				column,
				value: show(stored[this.columns[index]!]),
				message: message(d.line)
			});
		}
	}
}
