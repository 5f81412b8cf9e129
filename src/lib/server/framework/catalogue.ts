/**
 * The standard DPO POC indicators (`dpo-poc-indicators.csv`, a copy of the shared list with its
 * wording as printed), and which of them the mission has adopted.
 */
import Papa from 'papaparse';
import {
	EXPECTED_ACCOMPLISHMENTS,
	filterCatalogue,
	type CatalogueEntry,
	type CatalogueFilter,
	type ExpectedAccomplishment
} from '../../domain/dpo-catalogue';
import { CATEGORIES, TIERS, type Category, type Tier } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { visibleIndicators } from '../indicators/visible';
import { authorize } from '../permissions';
import source from './dpo-poc-indicators.csv?raw';

interface Row {
	code: string;
	expected_accomplishment: string;
	tier: string;
	category: string;
	indicator: string;
	data_source: string;
	components: string;
	disaggregation_and_comments: string;
}

function entryOf(row: Row): CatalogueEntry {
	const categories = row.category.split('/').map((c) => c.trim().toLowerCase());
	// the list is ours, checked in; a wrong word in it is a bug to find at once, not data to skip
	if (!categories.every((c) => (CATEGORIES as readonly string[]).includes(c))) {
		throw new Error(`DPO indicator ${row.code}: unknown category "${row.category}"`);
	}
	if (
		!(TIERS as readonly string[]).includes(row.tier) ||
		!(row.expected_accomplishment in EXPECTED_ACCOMPLISHMENTS)
	) {
		throw new Error(`DPO indicator ${row.code}: bad tier or expected accomplishment`);
	}
	return {
		code: row.code,
		expectedAccomplishment: row.expected_accomplishment as ExpectedAccomplishment,
		tier: row.tier as Tier,
		categories: categories as Category[],
		title: row.indicator,
		dataSource: row.data_source,
		components: row.components
			.split(';')
			.map((c) => c.trim())
			.filter(Boolean),
		comments: row.disaggregation_and_comments
	};
}

let entries: CatalogueEntry[] | undefined;

/** The 52 standard indicators, in the guidance's order. */
export function dpoCatalogue(): readonly CatalogueEntry[] {
	entries ??= Papa.parse<Row>(source, { header: true, skipEmptyLines: true }).data.map(entryOf);
	return entries;
}

export function findCatalogueEntry(code: string): CatalogueEntry | undefined {
	return dpoCatalogue().find((e) => e.code === code);
}

/** A catalogue entry with the mission's indicators adopted from it. */
export interface CatalogueItem extends CatalogueEntry {
	adoptedAs: { code: string; retired: boolean }[];
}

/**
 * The catalogue filtered, each entry with the indicators adopted from it: those that keep its
 * code as their `dpo_code`, or — as missions often do, and the demo mission does — as their own
 * code.
 */
export function browseCatalogue(db: Db, actor: Actor, filter: CatalogueFilter): CatalogueItem[] {
	authorize(actor, 'read');
	const mission = visibleIndicators(
		actor,
		db
			.select({
				code: indicators.code,
				dpoCode: indicators.dpoCode,
				retired: indicators.retired,
				sensitivity: indicators.sensitivity
			})
			.from(indicators)
			.all()
	);
	return filterCatalogue(dpoCatalogue(), filter).map((entry) => ({
		...entry,
		adoptedAs: mission
			.filter((i) => i.dpoCode === entry.code || (i.dpoCode === null && i.code === entry.code))
			.map((i) => ({ code: i.code, retired: i.retired }))
	}));
}
