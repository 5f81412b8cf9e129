/**
 * The measure `milestone` (docs/formats.md "The measure `milestone`"): stages declared in order,
 * figures giving the position of the stage reached; over time an area stands at its latest
 * figure's stage, across areas the point counts the areas at or beyond each stage and stands
 * at the lower median; the status compares with the target stage due.
 */
import { describe, expect, test } from 'vitest';
import { AreaTree } from '$lib/domain/area-tree';
import { parsePeriod, type Granularity } from '$lib/domain/period';
import { combineAreas, combineOverTime, figureAmount } from '$lib/domain/measures';
import {
	addCounts,
	atOrBeyond,
	combinedStage,
	judgeMilestone,
	oneAreaAt,
	parseStages,
	stageKey,
	stagePosition
} from '$lib/domain/milestones';
import { computeSeries, type Figure, type SeriesIndicator } from '$lib/domain/series';
import { statusReason } from '$lib/domain/status-explanation';
import { defaultAggregation } from '$lib/domain/vocabulary';

const STAGES = ['drafted', 'adopted', 'implemented'];
const STAGES_FR = ['rédigé', 'adopté', 'mis en œuvre'];

describe('reading stages', () => {
	test('the names in order, trimmed', () => {
		expect(parseStages(' drafted ; adopted;implemented ')).toEqual({ ok: true, stages: STAGES });
	});

	test('at least two stages', () => {
		expect(parseStages('met')).toEqual({ ok: false, problem: { kind: 'too_few' } });
	});

	test('none blank, naming its position', () => {
		expect(parseStages('drafted;;implemented')).toEqual({
			ok: false,
			problem: { kind: 'blank', position: 2 }
		});
		expect(parseStages('drafted;adopted;')).toEqual({
			ok: false,
			problem: { kind: 'blank', position: 3 }
		});
	});

	test('distinct ignoring case and accents', () => {
		expect(parseStages('Adopté;adopte')).toEqual({
			ok: false,
			problem: { kind: 'repeated', name: 'adopte' }
		});
		expect(parseStages('adopted;ADOPTED')).toMatchObject({ ok: false });
	});

	test('French names: as many as the stages', () => {
		expect(parseStages('rédigé;adopté', 3)).toEqual({
			ok: false,
			problem: { kind: 'count', expected: 3, found: 2 }
		});
		expect(parseStages(STAGES_FR.join(';'), 3)).toEqual({ ok: true, stages: STAGES_FR });
	});

	test('a stage is named ignoring case and accents, in English or French, or by its position', () => {
		expect(stageKey(' Mis en Œuvre ')).toBe(stageKey('mis en œuvre'));
		expect(stagePosition('Adopted', STAGES, STAGES_FR)).toBe(2);
		expect(stagePosition('ADOPTE', STAGES, STAGES_FR)).toBe(2);
		expect(stagePosition('mis en oeuvre', STAGES, STAGES_FR)).toBeNull(); // œ is a letter, not an accent
		expect(stagePosition('mis en œuvre', STAGES, STAGES_FR)).toBe(3);
		expect(stagePosition('3', STAGES)).toBe(3);
		expect(stagePosition('2.0', STAGES)).toBe(2);
		expect(stagePosition('0', STAGES)).toBeNull();
		expect(stagePosition('4', STAGES)).toBeNull();
		expect(stagePosition('1.5', STAGES)).toBeNull();
		expect(stagePosition('approved', STAGES, STAGES_FR)).toBeNull();
	});

	test('no default aggregation: a milestone takes the latest stage', () => {
		expect(defaultAggregation('milestone')).toBeNull();
	});
});

describe('combining stages', () => {
	test('one figure is one area at its stage', () => {
		const amount = figureAmount(
			'milestone',
			{ value: 2, numerator: null, denominator: null, sampleSize: null },
			null
		);
		expect(amount).toEqual({ value: 2, pair: null, stages: [0, 1] });
	});

	test('over time an area stands at its latest figure’s stage, whatever the aggregation — even when it went back', () => {
		const at = (value: number, start: string, end: string) => ({
			amount: { value, pair: null, stages: oneAreaAt(value) },
			start,
			end
		});
		// adopted in January, back to drafted in March (the plan was withdrawn), written out of order
		const items = [
			at(1, '2024-03-01', '2024-03-31'),
			at(2, '2024-01-01', '2024-01-31'),
			at(3, '2024-02-01', '2024-02-29')
		];
		expect(combineOverTime('milestone', null, items)).toEqual({
			value: 1,
			pair: null,
			stages: [1]
		});
		expect(combineOverTime('milestone', 'max', items)?.value).toBe(1);
	});

	test('across areas the counts add; the point stands at the lower median', () => {
		const areas = [1, 1, 3, 3].map((s) => ({ value: s, pair: null, stages: oneAreaAt(s) }));
		const combined = combineAreas('milestone', areas)!;
		expect(combined.stages).toEqual([2, 0, 2]);
		// 2 of 4 at implemented is not more than half: the areas stand at drafted
		expect(combined.value).toBe(1);
		const five = combineAreas('milestone', [
			...areas,
			{ value: 2, pair: null, stages: oneAreaAt(2) }
		])!;
		// 3 of 5 have adopted or more
		expect(five.value).toBe(2);
	});

	test('the lower median: ties go to the less advanced stage', () => {
		expect(combinedStage([1, 0, 1])).toBe(1);
		expect(combinedStage([0, 1, 1])).toBe(2);
		expect(combinedStage([0, 0, 3])).toBe(3);
		expect(combinedStage([0, 1])).toBe(2);
		expect(combinedStage([])).toBeNull();
		expect(combinedStage([0, 0])).toBeNull();
	});

	test('at or beyond each stage, for every declared stage', () => {
		expect(atOrBeyond([2, 0, 2], 3)).toEqual([4, 2, 2]);
		expect(atOrBeyond([1], 3)).toEqual([1, 0, 0]);
		expect(addCounts([[1], [0, 0, 1], [0, 1]])).toEqual([1, 1, 1]);
	});
});

/**
 * mission
 * ├── N (1)
 * │   ├── N1 (11)
 * │   └── N2 (12)
 * └── S (2)
 */
const N = 1;
const N1 = 11;
const N2 = 12;
const S = 2;
const tree = new AreaTree([
	{ id: N, code: 'N', name: 'N', parentId: null, populations: [] },
	{ id: N1, code: 'N1', name: 'N1', parentId: N, populations: [] },
	{ id: N2, code: 'N2', name: 'N2', parentId: N, populations: [] },
	{ id: S, code: 'S', name: 'S', parentId: null, populations: [] }
]);

function fig(period: string, value: number, f: Partial<Figure> = {}): Figure {
	const parsed = parsePeriod(period);
	if (!parsed.ok) throw new Error(parsed.message);
	return {
		areaId: null,
		start: parsed.period.start,
		end: parsed.period.end,
		dimensions: {},
		valueType: 'actual',
		verification: null,
		value,
		numerator: null,
		denominator: null,
		sampleSize: null,
		...f
	};
}

const plan: SeriesIndicator = {
	code: 'M1',
	measure: 'milestone',
	direction: 'increase',
	aggregation: null,
	dimensions: [],
	stages: STAGES
};

function series(
	figures: Figure[],
	by: Granularity,
	areaId: number | null = null,
	today = '2030-01-01'
) {
	return computeSeries(plan, figures, tree, { areaId, by, margin: 0.15, today });
}

describe('series of a milestone (§1.5 steps 1–5)', () => {
	test('the mission counts the reporting areas at or beyond each stage; areas without a figure are left out', () => {
		const figures = [
			fig('2024-Q1', 2, { areaId: N1 }),
			fig('2024-Q1', 3, { areaId: N2 }),
			fig('2024-Q1', 1, { areaId: S })
		];
		const [point] = series(figures, 'quarter');
		expect(point).toMatchObject({ actual: 2, stages: [3, 2, 1] });
		// N alone: N1 adopted, N2 implemented → 2 of 2 adopted, stands at adopted
		expect(series(figures, 'quarter', N)[0]).toMatchObject({ actual: 2, stages: [2, 2, 1] });
		const withoutN2 = series(figures.slice(0, 1).concat(figures[2]!), 'quarter')[0];
		// N1 adopted, S drafted: 1 of 2 is not more than half → drafted
		expect(withoutN2).toMatchObject({ actual: 1, stages: [2, 1, 0] });
	});

	test('an area’s own figure counts once and its children are not used', () => {
		const figures = [
			fig('2024-Q1', 3, { areaId: N }),
			fig('2024-Q1', 1, { areaId: N1 }),
			fig('2024-Q1', 1, { areaId: N2 }),
			fig('2024-Q1', 3, { areaId: S })
		];
		expect(series(figures, 'quarter')[0]).toMatchObject({ actual: 3, stages: [2, 2, 2] });
	});

	test('an area that went back stands at its latest stage, and the mission with it', () => {
		const figures = [
			fig('2024-01', 3, { areaId: N1 }),
			fig('2024-03', 2, { areaId: N1 }),
			fig('2024-02', 3, { areaId: S })
		];
		const byMonth = series(figures, 'month');
		expect(byMonth.map((p) => p.actual)).toEqual([3, 3, 2]);
		// the quarter: N1 at adopted (March), S implemented → 1 of 2 at implemented: adopted
		expect(series(figures, 'quarter')[0]).toMatchObject({ actual: 2, stages: [2, 2, 1] });
	});

	test('nested periods: a figure inside a longer figure’s period gives way to it', () => {
		const figures = [fig('2024-Q1', 1, { areaId: N1 }), fig('2024-03', 3, { areaId: N1 })];
		expect(series(figures, 'quarter')[0]).toMatchObject({ actual: 1, stages: [1, 0, 0] });
		// by month the quarter is too long: March alone
		expect(series(figures, 'month').at(-1)).toMatchObject({ actual: 3 });
	});

	test('targets are stages too and combine like actuals', () => {
		const figures = [
			fig('2024-Q4', 2, { areaId: N1, valueType: 'target' }),
			fig('2024-Q4', 2, { areaId: S, valueType: 'target' }),
			fig('2024-Q4', 3, { areaId: N1 }),
			fig('2024-Q4', 2, { areaId: S })
		];
		expect(series(figures, 'quarter')[0]).toMatchObject({
			actual: 2,
			target: 2,
			status: 'achieved'
		});
	});
});

describe('status of a milestone', () => {
	const figures = [
		fig('2024-Q1', 1),
		fig('2024-Q3', 2),
		fig('2024-Q4', 3, { valueType: 'target' }),
		fig('2025-Q1', 3)
	];

	test('behind the stage due next: on track before its period ends, off track after', () => {
		const before = series(figures.slice(0, 3), 'quarter', null, '2024-11-15');
		expect(before.map((p) => p.status)).toEqual(['on_track', 'no_data', 'on_track', 'no_data']);
		expect(before[2]!.due).toEqual({ period: '2024-Q4', target: 3 });
		// Q1 was followed by Q3's figure before the target's date: Q3 stood then, and is behind
		const after = series(figures.slice(0, 3), 'quarter', null, '2025-01-01');
		expect(after.map((p) => p.status)).toEqual(['on_track', 'no_data', 'off_track', 'no_data']);
	});

	test('at or beyond the target stage: achieved, also after the target’s period', () => {
		const points = series(figures, 'quarter', null, '2025-06-01');
		expect(points.at(-1)).toMatchObject({
			period: '2025-Q1',
			actual: 3,
			status: 'achieved',
			due: { period: '2024-Q4', target: 3 }
		});
	});

	test('a target missed stays missed: behind an earlier target stage, off track whatever comes next', () => {
		const points = series(
			[
				fig('2024-Q2', 2, { valueType: 'target' }),
				fig('2025-Q4', 3, { valueType: 'target' }),
				fig('2025-Q1', 1)
			],
			'quarter',
			null,
			'2025-03-01'
		);
		expect(points.find((p) => p.period === '2025-Q1')).toMatchObject({
			status: 'off_track',
			due: { period: '2024-Q2', target: 2 }
		});
	});

	test('a target of the point’s own period not yet ended: on track', () => {
		const points = series(
			[fig('2025-Q1', 2, { valueType: 'target' }), fig('2025-Q1', 1)],
			'quarter',
			null,
			'2025-02-15'
		);
		expect(points[0]).toMatchObject({ status: 'on_track', due: { period: '2025-Q1' } });
	});

	test('no target anywhere: no_target', () => {
		expect(series([fig('2024-Q1', 2)], 'quarter')[0]!.status).toBe('no_target');
	});

	test('the rule on points', () => {
		const p = (period: string, end: string, actual: number | null, target: number | null) => ({
			period,
			end,
			actual,
			target
		});
		const points = [
			p('Q1', '2024-03-31', 1, null),
			p('Q2', '2024-06-30', 2, 2),
			p('Q3', '2024-09-30', 1, null),
			p('Q4', '2024-12-31', null, 3)
		];
		const today = '2024-10-15';
		// Q2's figure came before Q2's target: Q1 is judged on track, Q2 by itself
		expect(judgeMilestone(points, 0, today)).toEqual({ status: 'on_track', due: points[1] });
		expect(judgeMilestone([points[0]!, points[1]!], 0, today)).toEqual({
			status: 'on_track',
			due: points[1]
		});
		const unreported = [points[0]!, { ...points[1]!, actual: null }];
		expect(judgeMilestone(unreported, 0, today)).toEqual({
			status: 'off_track',
			due: unreported[1]
		});
		// its own target met: achieved, though implemented is due next
		expect(judgeMilestone(points, 1, today)).toEqual({ status: 'achieved', due: points[1] });
		// went back below the Q2 target, which has passed
		expect(judgeMilestone(points, 2, today)).toEqual({ status: 'off_track', due: points[1] });
		expect(judgeMilestone(points, 3, today)).toEqual({ status: 'no_data', due: null });
		expect(judgeMilestone([p('Q1', '2024-03-31', 3, null), points[1]!], 0, today)).toEqual({
			status: 'achieved',
			due: points[1]
		});
		expect(judgeMilestone([p('Q1', '2024-03-31', 1, null)], 0, today)).toEqual({
			status: 'no_target',
			due: null
		});
	});

	test('the explanation names the stages', () => {
		const points = series(figures.slice(0, 3), 'quarter', null, '2025-01-01');
		expect(
			statusReason({
				point: points[2]!,
				direction: 'increase',
				measure: 'milestone',
				by: 'quarter',
				margin: 0.15,
				stages: STAGES
			})
		).toEqual({
			kind: 'milestone',
			period: '2024-Q3',
			reached: 'adopted',
			target: { stage: 'implemented', period: '2024-Q4' },
			status: 'off_track'
		});
	});
});
