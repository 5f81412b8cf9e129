import type { ChartConfiguration } from 'chart.js';
import type { SeriesPoint } from '../domain/series';
import type { Measure } from '../domain/vocabulary';
import { formatValue, stageName } from '../format';
import { periodLabel } from '../format/period-text';
import { m } from '../paraglide/messages.js';
import { caveatRanges, type CaveatMark } from './caveats';
import { PALETTE } from './palette';

export interface SeriesChartInput {
	title: string;
	measure: Measure;
	unit: string | null;
	points: readonly SeriesPoint[];
	baselineValue: number | null;
	/** caveats drawn as shaded, numbered periods */
	caveats?: readonly CaveatMark[];
	/** survey intervals, by point (percentages) */
	intervals?: readonly ({ low: number; high: number } | null)[];
	/** A milestone's stage names in the reader's language: the y axis is labelled with them. */
	stages?: readonly string[];
}

/**
 * The Chart.js configuration of an indicator's series: actuals as a line, targets as steps,
 * the baseline as a flat dashed line. Pure, so it is unit-tested without a browser.
 */
export function seriesChartConfig(input: SeriesChartInput): ChartConfiguration<'line'> {
	const labels = input.points.map((p) => periodLabel(p.period));
	const milestone = input.measure === 'milestone';
	const format = (value: number | null) =>
		formatValue(value, input.measure, input.unit, input.stages);
	const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
		{
			label: m.dash_chart_actual(),
			data: input.points.map((p) => p.actual),
			borderColor: PALETTE.actual,
			backgroundColor: PALETTE.actual,
			borderWidth: 2,
			pointRadius: input.points.length > 30 ? 0 : 2,
			// a stage holds until the next one is reported: steps, across periods without a figure
			// ('before': Chart.js draws the level first, then rises at the next point)
			...(milestone ? { stepped: 'before' as const, spanGaps: true } : { spanGaps: false }),
			tension: 0
		}
	];
	if (input.points.some((p) => p.target !== null)) {
		datasets.push({
			label: m.dash_chart_target(),
			data: input.points.map((p) => p.target),
			borderColor: PALETTE.target,
			backgroundColor: PALETTE.target,
			borderDash: [6, 4],
			borderWidth: 2,
			// a milestone's target is often one stage at one date: a mark, or nothing would show
			pointRadius: milestone ? 4 : 0,
			pointStyle: milestone ? 'rectRot' : undefined,
			stepped: 'middle',
			spanGaps: true
		});
	}
	if (input.baselineValue !== null) {
		datasets.push({
			label: m.dash_chart_baseline(),
			data: input.points.map(() => input.baselineValue),
			borderColor: PALETTE.baseline,
			backgroundColor: PALETTE.baseline,
			borderDash: [2, 3],
			borderWidth: 1,
			pointRadius: 0
		});
	}
	return {
		type: 'line',
		data: { labels, datasets },
		options: {
			animation: false,
			maintainAspectRatio: false,
			responsive: true,
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: { ticks: { maxRotation: 0, autoSkipPadding: 12 } },
				y: milestone
					? stageAxis(input.stages ?? [])
					: {
							beginAtZero: true,
							...(input.measure === 'percent' ? { suggestedMax: 100 } : {}),
							title: { display: Boolean(input.unit), text: input.unit ?? '' }
						}
			},
			plugins: {
				caveats: { ranges: caveatRanges(input.points, input.caveats ?? []) },
				intervals: {
					bars: (input.intervals ?? []).flatMap((iv, index) =>
						iv && input.points[index]?.actual !== null
							? [{ index, low: iv.low, high: iv.high }]
							: []
					)
				},
				legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 2 } },
				tooltip: {
					callbacks: {
						label: (ctx) =>
							m.dash_chart_tooltip({
								series: ctx.dataset.label ?? '',
								value: format(ctx.parsed.y)
							})
					}
				}
			}
		}
	};
}

/** A milestone's y axis: one tick per stage, named, from the first stage to the last. */
function stageAxis(stages: readonly string[]) {
	return {
		min: 1,
		max: Math.max(2, stages.length),
		ticks: {
			stepSize: 1,
			callback: (value: number | string) => stageName(Number(value), stages)
		},
		title: { display: true, text: m.ms_axis_stage() }
	};
}
