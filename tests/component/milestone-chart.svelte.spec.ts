/**
 * A milestone's step chart in the browser (docs/formats.md "The measure `milestone`"): Chart.js
 * draws steps on an axis named by the stages; the summary and the table say the stages and
 * the areas that reached them in words, with the English stage names marked on a French page.
 */
import { page } from 'vitest/browser';
import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { Chart } from '../../src/lib/charts/register';
import IndicatorChart from '../../src/lib/components/IndicatorChart.svelte';
import LatestStatus from '../../src/lib/components/LatestStatus.svelte';
import type { SeriesPoint } from '../../src/lib/domain/series';

const STAGES = ['drafted', 'adopted', 'implemented'];

const points: SeriesPoint[] = [
	{
		period: '2024-Q1',
		start: '2024-01-01',
		end: '2024-03-31',
		partial: false,
		actual: 1,
		target: null,
		status: 'on_track',
		stages: [3, 0, 0],
		due: { period: '2024-Q3', target: 2 }
	},
	{
		period: '2024-Q2',
		start: '2024-04-01',
		end: '2024-06-30',
		partial: false,
		actual: null,
		target: null,
		status: 'no_data'
	},
	{
		period: '2024-Q3',
		start: '2024-07-01',
		end: '2024-09-30',
		partial: false,
		actual: 2,
		target: 2,
		status: 'achieved',
		stages: [9, 4, 1],
		due: { period: '2024-Q3', target: 2 }
	}
];

describe('a milestone’s step chart', () => {
	test('steps on an axis of stage names; the table says stages and areas in words', async () => {
		render(IndicatorChart, {
			title: 'Stage of the local protection plan',
			measure: 'milestone',
			unit: null,
			points,
			baselineValue: null,
			stages: STAGES
		});
		const chart = Chart.getChart(document.querySelector('canvas')!)!;
		expect(chart.data.datasets[0]).toMatchObject({ stepped: 'before', data: [1, null, 2] });
		const y = chart.scales.y!;
		expect(y.ticks.map((t) => t.label)).toEqual(STAGES);
		await expect
			.element(page.getByText(/Step chart of Stage of the local protection plan/))
			.toBeInTheDocument();
		await expect
			.element(page.getByText(/in 2024-Q3, “adopted”|in Q3 2024, “adopted”/))
			.toBeInTheDocument();
		await page.getByText('Table of the numbers').click();
		await expect.element(page.getByRole('columnheader', { name: 'Stage reached' })).toBeVisible();
		const q3 = page.getByRole('row', { name: /Q3/ });
		await expect.element(q3).toHaveTextContent(/adopted/);
		await expect.element(q3).toHaveTextContent('4 of 9 areas reporting have reached “adopted”');
		await expect
			.element(page.getByRole('row', { name: /Q1/ }))
			.toHaveTextContent('3 of 3 areas reporting have reached “drafted”');
	});

	test('English stage names read on a French page carry lang="en"', async () => {
		render(IndicatorChart, {
			title: 'Plan',
			measure: 'milestone',
			unit: null,
			points,
			baselineValue: null,
			stages: STAGES,
			stagesLang: 'en'
		});
		const marked = [...document.querySelectorAll('td [lang="en"]')].map((e) => e.textContent);
		expect(marked).toContain('adopted');
		expect(marked).toContain('drafted');
	});

	test('the status line names the stages', async () => {
		render(LatestStatus, {
			latest: points[2]!,
			measure: 'milestone',
			unit: null,
			direction: 'increase',
			by: 'quarter',
			stages: STAGES
		});
		await expect.element(page.getByText(/“adopted” reached in/)).toBeInTheDocument();
	});
});
