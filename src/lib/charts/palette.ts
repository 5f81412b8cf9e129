/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Status is
 * never told by colour alone: each also has a symbol and a label. Chart.js draws on a canvas,
 * which cannot read CSS custom properties: these mirror the tokens of src/app.css.
 */
export const PALETTE = {
	actual: '#0072B2',
	target: '#E69F00',
	baseline: '#6b6b6b',
	achieved: '#009E73',
	onTrack: '#56B4E9',
	offTrack: '#D55E00',
	neutral: '#8a8a8a',
	/** a caveat's numbered mark: --alert-ink */
	caveat: '#9a3a00'
} as const;

/** Colours for several series of one chart (categories, years), in Okabe–Ito order. */
export const SERIES_COLOURS = [
	'#0072B2',
	'#E69F00',
	'#009E73',
	'#CC79A7',
	'#56B4E9',
	'#D55E00',
	'#000000',
	'#F0E442'
] as const;

/**
 * The choropleth's shades, lightest (best) to darkest (worst), for each number of classes:
 * ColorBrewer's sequential OrRd, whose lightness falls steadily, so the order reads with any
 * colour-vision deficiency and in greyscale print. Fewer classes take ColorBrewer's own
 * smaller schemes (further apart) rather than the first shades of the five.
 */
export const MAP_SHADES: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly string[]>> = {
	1: ['#fc8d59'],
	2: ['#fdcc8a', '#d7301f'],
	3: ['#fee8c8', '#fdbb84', '#e34a33'],
	4: ['#fef0d9', '#fdcc8a', '#fc8d59', '#d7301f'],
	5: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000']
};

/** The shade of a class `worse` steps from the best among `count` classes (domain/maps/classes.ts). */
export function mapShade(count: number, worse: number): string {
	const shades = MAP_SHADES[Math.min(Math.max(count, 1), 5) as 1 | 2 | 3 | 4 | 5];
	return shades[Math.min(Math.max(worse, 0), shades.length - 1)]!;
}

/** Areas without a figure: grey hatching on white, never a shade of the scale. */
export const MAP_NO_DATA = { background: '#ffffff', hatch: '#8a8a8a' } as const;

/** Area borders, and the mission's sites drawn over the shades (dark with a light ring). */
export const MAP_INK = {
	border: '#ffffff',
	outline: '#6b6b6b',
	site: '#1b1f24',
	siteRing: '#ffffff'
} as const;
