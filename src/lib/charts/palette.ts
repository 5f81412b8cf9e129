/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Status is
 * never told by colour alone: each also has a symbol and a label.
 */
export const PALETTE = {
	actual: '#0072B2',
	target: '#E69F00',
	baseline: '#6b6b6b',
	achieved: '#009E73',
	onTrack: '#56B4E9',
	offTrack: '#D55E00',
	neutral: '#8a8a8a'
} as const;
