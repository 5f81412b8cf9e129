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
