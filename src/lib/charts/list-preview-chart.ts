/**
 * The small chart of a list's preview (the /import page): per covered period, the figures the
 * list gives beside those stored now, so a planner sees at a glance what a drop would change.
 * Counts and numbers add up across areas and categories; percents and averages do not, so
 * their periods show the plain mean of the figures, and the chart says so.
 */
import type { ChartConfiguration } from 'chart.js';
import type { PreviewFigure } from '../domain/lists/preview';
import { formatValue } from '../format';
import { periodLabel } from '../format/period-text';
import { m } from '../paraglide/messages.js';
import { PALETTE } from './palette';
import type { Measure } from '../domain/vocabulary';

export interface ListPreviewSeries {
	labels: string[];
	/** per period: the list's figures, and the stored ones they replace (null: none) */
	fromList: (number | null)[];
	storedNow: (number | null)[];
	/** 'sum' for counts and numbers; 'mean' otherwise */
	combined: 'sum' | 'mean';
}

function combine(values: number[], how: 'sum' | 'mean'): number | null {
	if (values.length === 0) return null;
	const sum = values.reduce((a, b) => a + b, 0);
	return how === 'sum' ? sum : sum / values.length;
}

/** The preview's figures per period, in period order. */
export function listPreviewSeries(
	figures: readonly PreviewFigure[],
	measure: Measure
): ListPreviewSeries {
	const combined = measure === 'count' || measure === 'number' ? 'sum' : 'mean';
	const periods = new Map<string, { start: string; list: number[]; stored: number[] }>();
	for (const f of figures) {
		const p = periods.get(f.period) ?? { start: f.periodStart, list: [], stored: [] };
		if (f.new !== null) p.list.push(f.new);
		if (f.old !== null) p.stored.push(f.old);
		periods.set(f.period, p);
	}
	const ordered = [...periods.entries()].sort((a, b) => a[1].start.localeCompare(b[1].start));
	return {
		labels: ordered.map(([label]) => label),
		fromList: ordered.map(([, p]) => combine(p.list, combined)),
		storedNow: ordered.map(([, p]) => combine(p.stored, combined)),
		combined
	};
}

export function listPreviewChartConfig(
	series: ListPreviewSeries,
	measure: Measure,
	unit: string | null
): ChartConfiguration<'bar' | 'line'> {
	const mean = series.combined === 'mean';
	return {
		type: 'bar',
		data: {
			labels: series.labels.map(periodLabel),
			datasets: [
				{
					type: 'bar',
					label: mean ? m.dash_preview_from_list_mean() : m.dash_preview_from_list(),
					data: series.fromList,
					backgroundColor: PALETTE.actual,
					borderWidth: 0
				},
				{
					type: 'line',
					label: mean ? m.dash_preview_stored_now_mean() : m.dash_preview_stored_now(),
					data: series.storedNow,
					borderColor: PALETTE.target,
					backgroundColor: PALETTE.target,
					borderWidth: 2,
					pointRadius: 2,
					spanGaps: false
				}
			]
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			responsive: true,
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: { ticks: { maxRotation: 0, autoSkipPadding: 12 } },
				y: { beginAtZero: true, title: { display: Boolean(unit), text: unit ?? '' } }
			},
			plugins: {
				legend: { position: 'bottom', labels: { boxWidth: 12 } },
				tooltip: {
					callbacks: {
						label: (ctx) =>
							m.dash_chart_tooltip({
								series: ctx.dataset.label ?? '',
								value: formatValue(ctx.parsed.y, measure, unit)
							})
					}
				}
			}
		}
	};
}
