import type { Chart, Plugin } from 'chart.js';
import { PALETTE } from './palette';

/** A caveat as a chart needs it: its number in the list below the chart and its period. */
export interface CaveatMark {
	n: number;
	start: string;
	end: string;
}

/** The run of points (by index) a caveat covers, with the caveat's number. */
export interface CaveatRange {
	n: number;
	from: number;
	to: number;
}

/**
 * The points each caveat touches: every point whose period overlaps the caveat's. A caveat
 * outside the charted periods draws nothing.
 */
export function caveatRanges(
	points: readonly { start: string; end: string }[],
	caveats: readonly CaveatMark[]
): CaveatRange[] {
	const ranges: CaveatRange[] = [];
	for (const c of caveats) {
		let from = -1;
		let to = -1;
		points.forEach((p, i) => {
			if (p.start <= c.end && p.end >= c.start) {
				if (from < 0) from = i;
				to = i;
			}
		});
		if (from >= 0) ranges.push({ n: c.n, from, to });
	}
	return ranges;
}

declare module 'chart.js' {
	// an augmentation must repeat Chart.js's type parameter, used or not
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	interface PluginOptionsByType<TType> {
		caveats?: { ranges: CaveatRange[] };
		intervals?: { bars: IntervalBar[] };
	}
}

const SHADE = 'rgba(213, 94, 0, 0.10)';
const MARK = PALETTE.caveat;

/** Shades the periods a caveat covers and numbers them, behind the lines. */
export const caveatPlugin: Plugin = {
	id: 'caveats',
	beforeDatasetsDraw(chart: Chart, _args, options: { ranges?: CaveatRange[] }) {
		const ranges = options?.ranges ?? [];
		const x = chart.scales.x;
		const area = chart.chartArea;
		if (!x || ranges.length === 0) return;
		const step =
			chart.data.labels && chart.data.labels.length > 1
				? x.getPixelForValue(1) - x.getPixelForValue(0)
				: area.width;
		const { ctx } = chart;
		ctx.save();
		ranges.forEach((r, i) => {
			const left = Math.max(area.left, x.getPixelForValue(r.from) - step / 2);
			const right = Math.min(area.right, x.getPixelForValue(r.to) + step / 2);
			ctx.fillStyle = SHADE;
			ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
			ctx.strokeStyle = MARK;
			ctx.setLineDash([3, 3]);
			ctx.strokeRect(left, area.top, right - left, area.bottom - area.top);
			// numbers stagger down a little so overlapping caveats stay readable
			const label = String(r.n);
			ctx.setLineDash([]);
			ctx.font = 'bold 11px system-ui, sans-serif';
			const y = area.top + 2 + (i % 3) * 14;
			const w = ctx.measureText(label).width + 8;
			ctx.fillStyle = MARK;
			ctx.fillRect(left + 2, y, w, 13);
			ctx.fillStyle = '#fff';
			ctx.fillText(label, left + 6, y + 10);
		});
		ctx.restore();
	}
};

/** A 95 % interval to draw at one point of a chart. */
export interface IntervalBar {
	index: number;
	low: number;
	high: number;
}

/** Draws each point's interval as a whisker with caps: survey figures are estimates. */
export const intervalPlugin: Plugin = {
	id: 'intervals',
	afterDatasetsDraw(chart: Chart, _args, options: { bars?: IntervalBar[] }) {
		const bars = options?.bars ?? [];
		const { x, y } = chart.scales;
		if (!x || !y || bars.length === 0) return;
		const { ctx } = chart;
		ctx.save();
		ctx.strokeStyle = '#0072B2';
		ctx.lineWidth = 1.25;
		for (const bar of bars) {
			const px = x.getPixelForValue(bar.index);
			const top = y.getPixelForValue(bar.high);
			const bottom = y.getPixelForValue(bar.low);
			ctx.beginPath();
			ctx.moveTo(px, top);
			ctx.lineTo(px, bottom);
			ctx.moveTo(px - 4, top);
			ctx.lineTo(px + 4, top);
			ctx.moveTo(px - 4, bottom);
			ctx.lineTo(px + 4, bottom);
			ctx.stroke();
		}
		ctx.restore();
	}
};
