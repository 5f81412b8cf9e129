import type { ChartConfiguration } from 'chart.js';
import type { SeasonalChart } from '../domain/seasons';
import type { Measure } from '../domain/vocabulary';
import { formatValue } from '../format';
import { m } from '../paraglide/messages.js';
import { SERIES_COLOURS } from './palette';

function colour(i: number): string {
	return SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

const BASE_OPTIONS = {
	animation: false as const,
	maintainAspectRatio: false,
	responsive: true,
	interaction: { mode: 'index' as const, intersect: false }
};

/**
 * One series per category of a dimension: stacked bars for counts, whose categories add up to
 * the whole; lines for percentages, rates, averages and numbers, which do not add.
 */
export function breakdownChartConfig(input: {
	labels: string[];
	categories: { category: string; values: (number | null)[] }[];
	measure: Measure;
	unit: string | null;
}): ChartConfiguration<'bar' | 'line'> {
	const stacked = input.measure === 'count';
	return {
		type: stacked ? 'bar' : 'line',
		data: {
			labels: input.labels,
			datasets: input.categories.map((c, i) => ({
				label: c.category,
				data: c.values,
				backgroundColor: colour(i),
				borderColor: colour(i),
				borderWidth: stacked ? 0 : 2,
				pointRadius: stacked ? 0 : 2
			}))
		},
		options: {
			...BASE_OPTIONS,
			scales: {
				x: { stacked, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
				y: {
					stacked,
					beginAtZero: true,
					title: { display: Boolean(input.unit), text: input.unit ?? '' }
				}
			},
			plugins: {
				legend: { position: 'bottom', labels: { boxWidth: 12 } },
				tooltip: {
					callbacks: {
						label: (ctx) =>
							m.dash_chart_tooltip({
								series: ctx.dataset.label ?? '',
								value: formatValue(ctx.parsed.y, input.measure, input.unit)
							})
					}
				}
			}
		}
	};
}

/** Years laid over one season axis; the latest year drawn strongest. */
export function seasonalChartConfig(
	seasonal: SeasonalChart,
	measure: Measure,
	unit: string | null
): ChartConfiguration<'line'> {
	const last = seasonal.years.length - 1;
	return {
		type: 'line',
		data: {
			labels: seasonal.labels,
			datasets: seasonal.years.map((y, i) => ({
				label: y.label,
				data: y.values,
				borderColor: colour(last - i),
				backgroundColor: colour(last - i),
				borderWidth: i === last ? 3 : 1.5,
				pointRadius: i === last ? 3 : 1,
				spanGaps: false
			}))
		},
		options: {
			...BASE_OPTIONS,
			scales: { y: { beginAtZero: true, title: { display: Boolean(unit), text: unit ?? '' } } },
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
