/**
 * What the map's legend, titles and table say, shared by the map on the page and its SVG
 * export, so the picture and the page never disagree.
 */
import { mapShade } from '$lib/charts/palette';
import type { MapClass } from '$lib/domain/maps/classes';
import type { Measure, SiteType } from '$lib/domain/vocabulary';
import { formatValue, MEASURE_LABEL } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';

export interface LegendClass {
	colour: string;
	label: string;
}

/** The classes in ascending order of value, each with its shade and its range. */
export function legendClasses(
	classes: readonly MapClass[],
	measure: Measure,
	unit: string | null
): LegendClass[] {
	return classes.map((c) => ({
		colour: mapShade(classes.length, c.worse),
		label:
			c.low === c.high
				? formatValue(c.low, measure, unit)
				: m.map_legend_range({
						low: formatValue(c.low, measure, unit),
						high: formatValue(c.high, measure, unit)
					})
	}));
}

/** The legend's heading: what the figures are (a count is called a count) and which end is worse. */
export function legendHeading(measure: Measure, unit: string | null): string {
	const label = MEASURE_LABEL[measure];
	// the measure's label is a word made for the middle of a sentence; here it heads the legend
	const word = label.charAt(0).toLocaleUpperCase() + label.slice(1);
	return m.map_legend_values({ measure: unit ? `${word} (${unit})` : word });
}

/** An area's accessible name: its name and figure, or that it has none. */
export function areaLabel(
	name: string,
	value: number | null,
	measure: Measure,
	unit: string | null
): string {
	return value === null
		? m.map_area_no_data({ name })
		: m.map_area_value({ name, value: formatValue(value, measure, unit) });
}

/**
 * Each site type's mark, centred on the site: a shape as well as a name, so the types are
 * told apart without colour.
 */
export const SITE_SYMBOL: Readonly<Record<SiteType, string>> = {
	base: 'M-6,-6h12v12h-12z',
	temporary_base: 'M0,-8L7.5,5.5H-7.5Z',
	police_post: 'M-6.5,0a6.5,6.5 0 1,0 13,0a6.5,6.5 0 1,0 -13,0Z',
	other: 'M0,-8L8,0L0,8L-8,0Z'
};
