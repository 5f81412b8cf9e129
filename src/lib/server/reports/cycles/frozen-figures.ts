/**
 * A cycle's frozen figures, per objective: what the cycle shows for ever, each series beside
 * the same series computed from today's data, and where they differ.
 */
import { cycleFigures } from '../../../domain/assessment-cycles';
import type { SeriesPoint } from '../../../domain/series';
import type { PointDifference } from '../../../domain/series-diff';
import type { Direction, Measure } from '../../../domain/vocabulary';
import type { Actor } from '../../actor';
import type { Db } from '../../db';
import { indicators } from '../../db/schema';
import { localizedStages, localizedTitle, type FallbackLang } from '../../../domain/localized-text';
import { loadReaderFramework } from '../../framework/tree';
import { currentLocale } from '../../i18n/request-locale';
import { frozenSeriesOf } from '../frozen-series';
import type { CycleRow } from './find';

export interface FrozenIndicator {
	code: string;
	/** in the reader's language where given (domain/localized-text.ts) */
	title: string;
	titleLang?: FallbackLang;
	measure: Measure;
	direction: Direction;
	unit: string | null;
	/** A milestone's stage names in the reader's language: its figures name the stages. */
	stageNames?: string[];
	/** the granularity it was frozen at */
	by: string;
	points: SeriesPoint[];
	/** its latest point in the cycle, and the same season a year before */
	latest: SeriesPoint | null;
	yearBefore: SeriesPoint | null;
	/** where today's data differ from the frozen figures */
	differences: PointDifference[];
	/** the indicator can no longer be computed today (e.g. its area was removed) */
	currentMissing: boolean;
}

export interface FrozenObjective {
	code: string;
	title: string;
	titleLang?: FallbackLang;
	indicators: FrozenIndicator[];
}

export interface FrozenFigures {
	frozenAt: string | null;
	objectives: FrozenObjective[];
	/** how many indicators' current data differ from the frozen figures */
	differing: number;
}

export function frozenFigures(db: Db, actor: Actor, cycle: CycleRow): FrozenFigures {
	const locale = currentLocale();
	const framework = loadReaderFramework(db, actor, locale);
	const about = new Map(
		db
			.select()
			.from(indicators)
			.all()
			.map((i) => [i.code, i])
	);
	const byObjective = new Map<number, FrozenIndicator[]>();
	let frozenAt: string | null = null;
	let differing = 0;
	for (const s of frozenSeriesOf(db, actor, { kind: 'cycle', id: cycle.id })) {
		const indicator = about.get(s.indicator);
		const objective = indicator && framework.objectiveOf(indicator.resultId);
		if (!indicator || !objective) continue;
		frozenAt ??= s.frozenAt;
		if (s.differences.length > 0 || !s.current) differing++;
		const list = byObjective.get(objective.id) ?? [];
		const stages = localizedStages(indicator.stages, indicator.stagesFr, locale);
		list.push({
			code: s.indicator,
			...localizedTitle(indicator.title, indicator.titleFr, locale),
			measure: indicator.measure,
			direction: indicator.direction,
			unit: indicator.unit,
			...(stages ? { stageNames: stages.names } : {}),
			by: s.frozen.by,
			points: s.frozen.points,
			...cycleFigures(s.frozen.points, cycle),
			differences: s.differences,
			currentMissing: s.current === null
		});
		byObjective.set(objective.id, list);
	}
	const objectives = framework
		.objectives()
		.filter((o) => byObjective.has(o.id))
		.map((o) => ({
			code: o.code,
			title: o.title,
			...(o.titleLang ? { titleLang: o.titleLang } : {}),
			indicators: byObjective
				.get(o.id)!
				.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }))
		}));
	return { frozenAt, objectives, differing };
}
