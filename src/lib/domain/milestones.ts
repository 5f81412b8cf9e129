/**
 * The measure `milestone` (docs/formats.md "The measure `milestone`"): an indicator whose
 * figures are stages reached — a plan drafted → adopted → implemented — not numbers. The
 * indicator declares its ordered stages; a figure stores the 1-based position of the stage
 * reached. Pure: reading stages and stage cells, and how stages of several areas combine.
 */

/** Stages are declared `;`-separated, like dimensions. */
export const STAGE_SEPARATOR = ';';

/** A name compared ignoring case, accents and surrounding spaces: "Adopté" is "adopte". */
export function stageKey(name: string): string {
	return name.normalize('NFD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase('en');
}

/** The stages as stored (`;`-joined), or [] for an indicator that has none. */
export function splitStages(stored: string | null | undefined): string[] {
	if (stored == null || stored.trim() === '') return [];
	return stored.split(STAGE_SEPARATOR).map((s) => s.trim());
}

export type StagesProblem =
	| { kind: 'too_few' }
	| { kind: 'blank'; position: number }
	| { kind: 'repeated'; name: string }
	| { kind: 'count'; expected: number; found: number };

/**
 * Reads a `stages` cell: at least two names, none blank, distinct ignoring case and accents.
 * With `expected`, a `stages_fr` cell, which must name as many stages.
 */
export function parseStages(
	text: string,
	expected?: number
): { ok: true; stages: string[] } | { ok: false; problem: StagesProblem } {
	const stages = text.split(STAGE_SEPARATOR).map((s) => s.trim());
	if (expected !== undefined && stages.length !== expected) {
		return { ok: false, problem: { kind: 'count', expected, found: stages.length } };
	}
	if (expected === undefined && stages.length < 2)
		return { ok: false, problem: { kind: 'too_few' } };
	const blank = stages.findIndex((s) => s === '');
	if (blank >= 0) return { ok: false, problem: { kind: 'blank', position: blank + 1 } };
	const seen = new Set<string>();
	for (const name of stages) {
		const key = stageKey(name);
		if (seen.has(key)) return { ok: false, problem: { kind: 'repeated', name } };
		seen.add(key);
	}
	return { ok: true, stages };
}

/**
 * The position (1-based) of the stage a cell names: a stage's English or French name,
 * ignoring case and accents, or its position written as a whole number. Null when it names
 * none.
 */
export function stagePosition(
	cell: string,
	stages: readonly string[],
	stagesFr: readonly string[] = []
): number | null {
	const text = cell.trim();
	if (/^\d+$/.test(text)) {
		const n = Number(text);
		return n >= 1 && n <= stages.length ? n : null;
	}
	// "2.0" is the position 2 as a spreadsheet may write it
	if (/^\d+[.,]0+$/.test(text)) return stagePosition(text.replace(/[.,]0+$/, ''), stages, stagesFr);
	const key = stageKey(text);
	for (const names of [stages, stagesFr]) {
		const i = names.findIndex((s) => stageKey(s) === key);
		if (i >= 0) return i + 1;
	}
	return null;
}

/** Whether a stored value is a position of these stages (a whole number from 1 to their count). */
export function isStagePosition(value: number, stageCount: number): boolean {
	return Number.isInteger(value) && value >= 1 && value <= stageCount;
}

/**
 * How many reporting areas are at each stage: index 0 counts the areas at stage 1 exactly.
 * Arrays may differ in length (a stage no area reached needs no slot).
 */
export type StageCounts = readonly number[];

/** One area at one stage. */
export function oneAreaAt(position: number): StageCounts {
	const counts = new Array<number>(Math.max(0, Math.round(position))).fill(0);
	if (counts.length > 0) counts[counts.length - 1] = 1;
	return counts;
}

/** The areas of several parts together. */
export function addCounts(parts: readonly StageCounts[]): number[] {
	const length = Math.max(0, ...parts.map((p) => p.length));
	const sum = new Array<number>(length).fill(0);
	for (const p of parts) p.forEach((n, i) => (sum[i]! += n));
	return sum;
}

export function reportingAreas(counts: StageCounts): number {
	return counts.reduce((s, n) => s + n, 0);
}

/**
 * How many areas are at or beyond each of `stageCount` stages: [all reporting, at 2 or beyond,
 * …]. What a chart or a sentence says: "4 of 9 areas reporting have reached “adopted”".
 */
export function atOrBeyond(counts: StageCounts, stageCount: number): number[] {
	const out = new Array<number>(stageCount).fill(0);
	let running = 0;
	for (let i = Math.max(stageCount, counts.length) - 1; i >= 0; i--) {
		running += counts[i] ?? 0;
		if (i < stageCount) out[i] = running;
	}
	return out;
}

/**
 * The stage several areas stand at together: the lower median — the most advanced stage that
 * more than half of the reporting areas have reached. Areas at drafted, drafted, implemented,
 * implemented stand at drafted (2 of 4 is not more than half); add an adopted one and they
 * stand at adopted (3 of 5). Conservative on purpose: a mission has not "adopted" while half
 * its areas have not. Null when no area reports.
 */
export function combinedStage(counts: StageCounts): number | null {
	const n = reportingAreas(counts);
	if (n === 0) return null;
	let reached = 0;
	for (let i = counts.length - 1; i >= 0; i--) {
		reached += counts[i]!;
		if (reached * 2 > n) return i + 1;
	}
	return 1;
}

export interface StagePoint {
	period: string;
	end: string;
	actual: number | null;
	target: number | null;
}

export type MilestoneStatus = 'achieved' | 'on_track' | 'off_track' | 'no_target' | 'no_data';

/**
 * A milestone point's status and the target stage it was judged against (`due`):
 * - behind a target of its own period or an earlier one: off track once that target's period
 *   has ended (`today` is after its last day), on track before then;
 * - else, with a target of its own period (so met): achieved;
 * - else against the next target after it: achieved when the stage reached is at or beyond
 *   its stage; behind it, off track once its period has ended with no later figure by then
 *   (this stage stood at the target's date), else on track;
 * - no target after it: achieved when earlier targets were, no_target when there are none.
 */
export function judgeMilestone<P extends StagePoint>(
	points: readonly P[],
	index: number,
	today: string
): { status: MilestoneStatus; due: P | null } {
	const point = points[index]!;
	const targets = points.filter((p) => p.target !== null);
	if (point.actual === null) return { status: 'no_data', due: null };
	const reached = point.actual;
	const due = targets.filter((t) => t.end <= point.end);
	const highest = due.reduce<P | null>((h, t) => (h && h.target! >= t.target! ? h : t), null);
	if (highest && reached < highest.target!) {
		return { status: today > highest.end ? 'off_track' : 'on_track', due: highest };
	}
	// its own period's target met: achieved, whatever the next target asks later
	if (point.target !== null) return { status: 'achieved', due: point };
	const next = targets.find((t) => t.end > point.end);
	if (next) {
		if (reached >= next.target!) return { status: 'achieved', due: next };
		// the stage at the target's date is that of the last figure by then: a later figure
		// before it judges itself, so this point was on track; if none, this stage stood then
		const superseded = points.some(
			(q) => q.actual !== null && q.end > point.end && q.end <= next.end
		);
		const missed = !superseded && today > next.end;
		return { status: missed ? 'off_track' : 'on_track', due: next };
	}
	return highest ? { status: 'achieved', due: highest } : { status: 'no_target', due: null };
}
