/**
 * A milestone indicator's stages in the indicators file (docs/formats.md "The measure
 * `milestone`"): the `stages` and `stages_fr` cells, the direction a milestone must have, and
 * a stage written where a number would be (its baseline).
 */
import { m } from '../../../paraglide/messages.js';
import {
	STAGE_SEPARATOR,
	parseStages,
	splitStages,
	stagePosition,
	type StagesProblem
} from '../../../domain/milestones';
import { MEASURE_LABEL } from '../../../format';
import type { Direction, Measure } from '../../../domain/vocabulary';
import type { Db } from '../../db';
import type { indicators } from '../../db/schema';
import type { RowReader } from '../row-reader';

/** What is stored of an indicator's stages, and the furthest stage its figures give. */
export interface StoredStages {
	stages: string[];
	stagesFr: string[];
	highest: () => number | null;
}

export function storedStages(db: Db, indicator: typeof indicators.$inferSelect): StoredStages {
	return {
		stages: splitStages(indicator.stages),
		stagesFr: splitStages(indicator.stagesFr),
		highest: () =>
			(
				db.$client
					.prepare('SELECT max(value) AS highest FROM observations WHERE indicator_id = ?')
					.get(indicator.id) as { highest: number | null }
			).highest
	};
}

export interface ReadStages {
	/** What to store: `;`-joined names, null to clear, undefined to keep. */
	stages: string | null | undefined;
	stagesFr: string | null | undefined;
	/** Reads a cell naming a stage of these (or its position); null when blank. */
	baseline(column: string): number | null | undefined;
}

export function problemText(problem: StagesProblem): string {
	switch (problem.kind) {
		case 'too_few':
			return m.ms_stages_too_few();
		case 'blank':
			return m.ms_stages_blank({ position: String(problem.position) });
		case 'repeated':
			return m.ms_stages_repeated({ name: problem.name });
		case 'count':
			return m.ms_stages_fr_count({
				found: String(problem.found),
				expected: String(problem.expected)
			});
	}
}

/** The stages as an error message lists them: “drafted”, “adopted”, “implemented”. */
export function stageList(stages: readonly string[]): string {
	return stages.map((s) => `“${s}”`).join(', ');
}

/**
 * Reads the stage columns of one indicator line. A milestone needs at least two stages (kept
 * from what is stored when the column is absent) and the direction `increase`; any other
 * measure has none (cleared, so a measure changed away from milestone leaves no stages behind).
 * Null when the line's measure is unknown.
 */
export function readStages(
	r: RowReader,
	line: {
		code: string;
		measure: Measure | null | undefined;
		direction: Direction | null | undefined;
		stored: StoredStages | undefined;
	}
): ReadStages | null {
	const { code, measure, direction, stored } = line;
	const cell = r.text('stages');
	const cellFr = r.text('stages_fr');
	if (!measure) return null;
	if (measure !== 'milestone') {
		for (const [column, value] of [
			['stages', cell],
			['stages_fr', cellFr]
		] as const) {
			if (value) {
				r.error(column, value, m.ms_stages_not_milestone({ measure: MEASURE_LABEL[measure] }));
			}
		}
		return { stages: null, stagesFr: null, baseline: () => undefined };
	}
	if (direction === 'decrease') r.error('direction', 'decrease', m.ms_direction_decrease());

	let stages: string[] | null = null;
	if (cell === undefined && stored && stored.stages.length > 0) stages = stored.stages;
	else if (cell == null) r.error('stages', '', m.ms_stages_required());
	else {
		const parsed = parseStages(cell);
		if (parsed.ok) stages = parsed.stages;
		else r.error('stages', cell, problemText(parsed.problem));
	}

	let stagesFr: string[] | null | undefined;
	if (cellFr === undefined) stagesFr = undefined;
	else if (cellFr === null) stagesFr = null;
	else if (stages) {
		const parsed = parseStages(cellFr, stages.length);
		if (parsed.ok) stagesFr = parsed.stages;
		else r.error('stages_fr', cellFr, problemText(parsed.problem));
	}
	if (stages && stagesFr === undefined && stored && stored.stagesFr.length > 0) {
		// the French names kept must still match the stages given
		if (stored.stagesFr.length !== stages.length) {
			r.error(
				'stages',
				cell ?? '',
				problemText({ kind: 'count', expected: stages.length, found: stored.stagesFr.length })
			);
		}
	}
	if (stages && stored) {
		const highest = stored.highest();
		if (highest !== null && highest > stages.length) {
			r.error(
				'stages',
				cell ?? '',
				m.ms_stages_fewer_than_figures({ code, position: String(highest) })
			);
		}
	}
	const names = stages;
	return {
		stages: cell === undefined ? undefined : (names?.join(STAGE_SEPARATOR) ?? null),
		stagesFr: stagesFr === undefined ? undefined : (stagesFr?.join(STAGE_SEPARATOR) ?? null),
		baseline(column) {
			const value = r.text(column);
			if (value == null) return value;
			// without stages (already refused) there is nothing to name
			if (!names) return null;
			const position = stagePosition(value, names, stagesFr ?? stored?.stagesFr ?? []);
			if (position === null) {
				r.error(
					column,
					value,
					m.ms_value_not_stage({
						value,
						code,
						stages: stageList(names),
						count: String(names.length)
					})
				);
			}
			return position;
		}
	};
}
