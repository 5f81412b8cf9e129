/**
 * The dashboard's components in French: the page's `<html lang>` says the language (as the
 * server sets it), and every word a reader or a screen reader meets follows it.
 */
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-svelte';
import '../../src/hooks.client';
import { Chart } from '../../src/lib/charts/register';
import IndicatorChart from '../../src/lib/components/IndicatorChart.svelte';
import LatestStatus from '../../src/lib/components/LatestStatus.svelte';
import StatusBadge from '../../src/lib/components/StatusBadge.svelte';
import SuppressedValue from '../../src/lib/components/SuppressedValue.svelte';
import type { SeriesPoint } from '../../src/lib/domain/series';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

const points: SeriesPoint[] = [
	{
		period: '2024-Q1',
		start: '2024-01-01',
		end: '2024-03-31',
		partial: false,
		actual: 1234.5,
		target: 1000,
		status: 'achieved'
	},
	{
		period: '2024-Q2',
		start: '2024-04-01',
		end: '2024-06-30',
		partial: true,
		actual: 12.5,
		target: 10,
		status: 'off_track'
	}
];

beforeEach(() => {
	document.documentElement.lang = 'fr';
});
afterEach(() => {
	document.documentElement.lang = 'en';
});

describe('in French', () => {
	test('the chart: axis labels, legend, tooltip, its table and its text alternative', async () => {
		render(IndicatorChart, {
			title: 'Victimes civiles',
			measure: 'number',
			unit: 'jours',
			points,
			baselineValue: 900,
			intervals: [{ low: 10.25, high: 14.75, sampleSize: 1200 }, null]
		});
		const chart = Chart.getChart(document.querySelector('canvas')!)!;
		expect(chart.data.labels).toEqual(['T1 2024', 'T2 2024']);
		expect(chart.data.datasets.map((d) => d.label)).toEqual([
			'Réel',
			'Cible',
			'Valeur de référence'
		]);
		const label = chart.options.plugins!.tooltip!.callbacks!.label as (ctx: unknown) => string;
		expect(label({ dataset: { label: 'Réel' }, parsed: { y: 1234.5 } })).toBe(
			`Réel${NBSP}: 1${NNBSP}234,5 jours`
		);
		await expect
			.element(page.getByText(/^Graphique de Victimes civiles\u00a0: 2 périodes avec des données/))
			.toBeInTheDocument();
		await page.getByText('Tableau des chiffres').click();
		await expect.element(page.getByRole('columnheader', { name: 'Période' })).toBeVisible();
		await expect.element(page.getByRole('columnheader', { name: 'Réel' })).toBeVisible();
		await expect
			.element(page.getByRole('columnheader', { name: `Intervalle à 95${NNBSP}%` }))
			.toBeVisible();
		await expect.element(page.getByRole('rowheader', { name: 'T2 2024 (partiel)' })).toBeVisible();
		await expect.element(page.getByRole('cell', { name: 'Hors trajectoire' })).toBeVisible();
		await expect.element(page.getByRole('cell', { name: `1${NNBSP}234,5 jours` })).toBeVisible();
		await expect.element(page.getByRole('cell', { name: `10,3 – 14,8${NNBSP}%` })).toBeVisible();
		await expect.element(page.getByRole('cell', { name: `1${NNBSP}200` })).toBeVisible();
	});

	test('the latest status and why', async () => {
		render(LatestStatus, {
			latest: points[1]!,
			measure: 'percent',
			unit: null,
			direction: 'increase',
			by: 'quarter',
			margin: 0.15
		});
		await expect.element(page.getByText('Hors trajectoire')).toBeVisible();
		await expect
			.element(page.getByText(`12,5${NNBSP}% en T2 2024${NBSP}; cible 10${NNBSP}%`))
			.toBeVisible();
		await expect
			.element(
				page.getByText(
					`2,5 points de pourcentage au-dessus de la cible du trimestre pour l’instant${NBSP}; plus haut est mieux`
				)
			)
			.toBeVisible();
	});

	test('a status badge and a hidden small cell', async () => {
		render(StatusBadge, { status: 'no_target' });
		await expect.element(page.getByText('Sans cible')).toBeVisible();
		render(SuppressedValue, { why: 'small', threshold: 5 });
		await expect.element(page.getByText(`<${NBSP}5`)).toBeVisible();
		await expect
			.element(page.getByText('moins de 5, masqué pour protéger les identités'))
			.toBeInTheDocument();
	});

	test('says so when there is nothing to draw', async () => {
		render(IndicatorChart, {
			title: 'X',
			measure: 'percent',
			unit: null,
			points: [],
			baselineValue: null
		});
		await expect.element(page.getByText('Aucune valeur pour cette sélection.')).toBeVisible();
	});
});
