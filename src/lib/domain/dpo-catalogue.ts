/**
 * The 52 standard DPO POC indicators as a catalogue a mission adopts from: what an entry is,
 * how the catalogue is filtered, and what an entry's wording suggests for a new indicator.
 */
import type { Category, Direction, Measure, Tier } from './vocabulary';

export const EXPECTED_ACCOMPLISHMENTS = {
	A: 'Capability and intent of potential perpetrators to commit physical violence are reduced',
	B: 'Capacity of the host State to protect civilians is strengthened',
	C: 'Community level capacities to prevent and mitigate physical violence are enhanced'
} as const;
export type ExpectedAccomplishment = keyof typeof EXPECTED_ACCOMPLISHMENTS;

/** The same, in a few words, for lists. */
export const EXPECTED_ACCOMPLISHMENT_SHORT: Record<ExpectedAccomplishment, string> = {
	A: "perpetrators' capability and intent reduced",
	B: 'host-State capacity strengthened',
	C: 'community capacity enhanced'
};

export interface CatalogueEntry {
	/** as printed in the guidance, e.g. `1.2.3` */
	code: string;
	expectedAccomplishment: ExpectedAccomplishment;
	tier: Tier;
	/** one category, or two for an entry printed as "Capacity/Perception" */
	categories: Category[];
	/** the standard wording, placeholders such as `[counties]` included */
	title: string;
	dataSource: string;
	components: string[];
	comments: string;
}

export interface CatalogueFilter {
	accomplishment?: string;
	tier?: string;
	category?: string;
	/** free text: every word must appear in the code, wording, source, components or comments */
	q?: string;
}

export function filterCatalogue(
	entries: readonly CatalogueEntry[],
	filter: CatalogueFilter
): CatalogueEntry[] {
	const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	return entries.filter((e) => {
		if (filter.accomplishment && e.expectedAccomplishment !== filter.accomplishment) return false;
		if (filter.tier && e.tier !== filter.tier) return false;
		if (filter.category && !e.categories.includes(filter.category as Category)) return false;
		if (words.length === 0) return true;
		const text = [e.code, e.title, e.dataSource, e.components.join(' '), e.comments]
			.join(' ')
			.toLowerCase();
		return words.every((w) => text.includes(w));
	});
}

/** The good direction, read from the standard wording "Increase in…" / "Decrease in…". */
export function directionOfWording(title: string): Direction | null {
	if (/^increase\b/i.test(title)) return 'increase';
	if (/^decrease\b/i.test(title)) return 'decrease';
	return null;
}

/**
 * The measure the wording suggests: a percentage when it speaks of a proportion or percentage
 * alone (a share of respondents stays a share even when the wording adds "per 100,000"), an
 * average when it speaks of the average of something (the average time to respond to alerts:
 * a mean over alerts), a rate when it says "per 100,000", else a count. Only a first choice for
 * the planner: "number and proportion of [counties]" may be tracked either way.
 */
export function suggestedMeasure(title: string): Measure {
	if (/^(increase|decrease) in the (proportion|percentage)\b/i.test(title)) return 'percent';
	if (/^(increase|decrease) in the (average|mean)\b/i.test(title)) return 'average';
	if (/per 100[,.\s]?000/i.test(title)) return 'per_100k';
	return 'count';
}
