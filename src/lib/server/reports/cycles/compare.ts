/** A cycle beside the one before it (the rules are in domain/cycle-comparison.ts). */
import { previousCycle } from '../../../domain/assessment-cycles';
import {
	ratingChanges,
	snapshotComparison,
	type RatingChange,
	type SnapshotComparison
} from '../../../domain/cycle-comparison';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { assessmentCycles } from '../../db/schema';
import { frozenSeriesOf } from '../frozen-series';
import type { CycleRow } from './find';
import { cycleRatings } from './ratings';

export interface CycleComparison {
	previous: { code: string; status: 'draft' | 'issued' };
	ratings: (RatingChange & { title: string })[];
	figures: SnapshotComparison;
}

function frozenPoints(db: Db, actor: Actor, cycle: CycleRow) {
	return frozenSeriesOf(db, actor, { kind: 'cycle', id: cycle.id }).map((s) => ({
		indicator: s.indicator,
		points: s.frozen.points
	}));
}

/** Null when no cycle ends before this one starts. */
export function compareWithPrevious(db: Db, actor: Actor, cycle: CycleRow): CycleComparison | null {
	const previous = previousCycle(cycle, db.select().from(assessmentCycles).all());
	if (!previous) return null;
	const before = cycleRatings(db, actor, previous);
	const now = cycleRatings(db, actor, cycle);
	const titles = new Map([...before, ...now].map((r) => [r.code, r.title]));
	const pick = (list: typeof now) => list.map((r) => ({ result: r.code, rating: r.rating }));
	return {
		previous: { code: previous.code, status: previous.status },
		ratings: ratingChanges(pick(before), pick(now)).map((c) => ({
			...c,
			title: titles.get(c.result) ?? ''
		})),
		figures: snapshotComparison(frozenPoints(db, actor, previous), frozenPoints(db, actor, cycle))
	};
}
