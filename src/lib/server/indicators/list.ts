import { asc, eq } from 'drizzle-orm';
import type { Category, Direction, Measure } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { loadFramework } from '../framework/tree';
import { authorize } from '../permissions';
import { findVisibleIndicator, visibleIndicators } from './visible';

/** An indicator as the API lists it (formats.md §4), plus what pages show beside it. */
export interface IndicatorSummary {
	code: string;
	title: string;
	category: Category;
	direction: Direction;
	measure: Measure;
	result_code: string;
	objective_code: string;
	unit: string | null;
	frequency: string | null;
	sensitivity: string;
}

export function listIndicators(db: Db, actor: Actor): IndicatorSummary[] {
	authorize(actor, 'read');
	const framework = loadFramework(db, actor);
	return visibleIndicators(
		actor,
		db
			.select()
			.from(indicators)
			.where(eq(indicators.retired, false))
			.orderBy(asc(indicators.code))
			.all()
	)
		.map((i) => ({
			code: i.code,
			title: i.title,
			category: i.category,
			direction: i.direction,
			measure: i.measure,
			result_code: framework.get(i.resultId)?.code ?? '',
			objective_code: framework.objectiveOf(i.resultId)?.code ?? '',
			unit: i.unit,
			frequency: i.frequency,
			sensitivity: i.sensitivity
		}))
		.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
}

/** One indicator with every stored column, or undefined. */
export function findIndicator(db: Db, actor: Actor, code: string) {
	authorize(actor, 'read');
	return findVisibleIndicator(db, actor, code);
}
