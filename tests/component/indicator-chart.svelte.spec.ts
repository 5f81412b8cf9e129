import { page } from 'vitest/browser';
import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { Chart } from '../../src/lib/charts/register';
import IndicatorChart from '../../src/lib/components/IndicatorChart.svelte';
import StatusBadge from '../../src/lib/components/StatusBadge.svelte';
import type { SeriesPoint } from '../../src/lib/domain/series';

const points: SeriesPoint[] = [
	{
		period: '2024-Q1',
		start: '2024-01-01',
		end: '2024-03-31',
		partial: false,
		actual: 12,
		target: 10,
		status: 'on_track'
	},
	{
		period: '2024-Q2',
		start: '2024-04-01',
		end: '2024-06-30',
		partial: false,
		actual: 8,
		target: 10,
		status: 'achieved'
	},
	{
		period: '2024-Q3',
		start: '2024-07-01',
		end: '2024-09-30',
		partial: true,
		actual: null,
		target: 9,
		status: 'no_data'
	}
];

describe('IndicatorChart', () => {
	test('draws actual, target and baseline with Chart.js and offers the numbers as a table', async () => {
		render(IndicatorChart, {
			title: 'Civilian casualties',
			measure: 'count',
			unit: null,
			points,
			baselineValue: 15
		});
		const canvas = document.querySelector('canvas')!;
		const chart = Chart.getChart(canvas)!;
		expect(chart.data.labels).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
		expect(chart.data.datasets.map((d) => d.label)).toEqual(['Actual', 'Target', 'Baseline']);
		expect(chart.data.datasets[0]!.data).toEqual([12, 8, null]);
		await page.getByText('Table of the numbers').click();
		await expect.element(page.getByRole('row', { name: /2024-Q3 \(partial\)/ })).toBeVisible();
		await expect.element(page.getByRole('cell', { name: 'On track' })).toBeVisible();
	});

	test('an average in days: one decimal and its unit, on the axis, in the tooltip and the table', async () => {
		const days = points.map((p, i) => ({ ...p, actual: p.actual === null ? null : 2.8 + i / 3 }));
		render(IndicatorChart, {
			title: 'Days to respond to an alert',
			measure: 'average',
			unit: 'days',
			points: days,
			baselineValue: null
		});
		const chart = Chart.getChart(document.querySelector('canvas')!)!;
		const y = chart.options.scales!.y as { title?: { display?: boolean; text?: string } };
		expect(y.title).toMatchObject({ display: true, text: 'days' });
		const label = chart.options.plugins!.tooltip!.callbacks!.label as (ctx: unknown) => string;
		expect(label({ dataset: { label: 'Actual' }, parsed: { y: 3.1333 } })).toBe('Actual: 3.1 days');
		await page.getByText('Table of the numbers').click();
		await expect.element(page.getByRole('cell', { name: '2.8 days' })).toBeVisible();
		await expect.element(page.getByRole('cell', { name: '3.1 days' })).toBeVisible();
	});

	test('says so when there is nothing to draw', async () => {
		render(IndicatorChart, {
			title: 'X',
			measure: 'percent',
			unit: null,
			points: [],
			baselineValue: null
		});
		await expect.element(page.getByText('No figures for this selection.')).toBeVisible();
	});
});

test('StatusBadge tells status by label and symbol, not colour alone', async () => {
	render(StatusBadge, { status: 'off_track' });
	await expect.element(page.getByText('Off track')).toBeVisible();
	await expect.element(page.getByText('▲')).toBeInTheDocument();
});
