import { asc, eq } from 'drizzle-orm';
import type { Category, Direction, Measure } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { localizedTitle, type FallbackLang } from '../../domain/localized-text';
import type { Locale } from '../../i18n/locales';
import { loadFramework } from '../framework/tree';
import { currentLocale } from '../i18n/request-locale';
import { authorize } from '../permissions';
import { findVisibleIndicator, visibleIndicators } from './visible';

/** An indicator as the API lists it (formats.md §4), plus what pages show beside it. */
export interface IndicatorSummary {
	code: string;
	/** in `locale` where given (domain/localized-text.ts) */
	title: string;
	/** 'en' when the title is English read by a reader of another language */
	titleLang?: FallbackLang;
	category: Category;
	direction: Direction;
	measure: Measure;
	result_code: string;
	objective_code: string;
	unit: string | null;
	frequency: string | null;
	sensitivity: string;
}

/**
 * The indicators in force, titled in `locale` (the request's language by default; the API asks
 * for the stored English titles, which are what files and the contract speak).
 */
export function listIndicators(
	db: Db,
	actor: Actor,
	locale: Locale = currentLocale()
): IndicatorSummary[] {
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
			...localizedTitle(i.title, i.titleFr, locale),
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
