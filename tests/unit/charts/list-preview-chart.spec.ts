import { describe, expect, test } from 'vitest';
import { listPreviewChartConfig, listPreviewSeries } from '$lib/charts/list-preview-chart';
import type { PreviewFigure } from '$lib/domain/lists/preview';

const figure = (
	period: string,
	area: string,
	old: number | null,
	now: number | null
): PreviewFigure => ({
	period,
	periodStart: `${period}-01`,
	area,
	dimensions: {},
	status: old === null ? 'new' : now === null ? 'removed' : old === now ? 'unchanged' : 'changed',
	old,
	new: now,
	rows: now ?? 0
});

describe('the list preview chart', () => {
	test('adds counts up per period, in period order, the stored ones beside', () => {
		const series = listPreviewSeries(
			[
				figure('2024-02', 'N', 1, 3),
				figure('2024-01', 'N', null, 2),
				figure('2024-01', 'S', 4, 0),
				figure('2024-02', 'S', 5, null)
			],
			'count'
		);
		expect(series).toEqual({
			labels: ['2024-01', '2024-02'],
			fromList: [2, 3],
			storedNow: [4, 6],
			combined: 'sum'
		});
	});

	test('shows the mean of percents, and no stored value where none was', () => {
		const series = listPreviewSeries(
			[figure('2024-H1', 'N', null, 40), figure('2024-H1', 'S', null, 60)],
			'percent'
		);
		expect(series.fromList).toEqual([50]);
		expect(series.storedNow).toEqual([null]);
		const config = listPreviewChartConfig(series, 'percent', '%');
		expect(config.data.datasets.map((d) => d.label)).toEqual([
			'From this list (mean of the figures)',
			'Stored now (mean of the figures)'
		]);
		expect(config.options?.animation).toBe(false);
	});
});
