/**
 * A milestone's value anywhere is its stage's name (docs/formats.md "The measure `milestone`"):
 * the one formatter, the step chart's axis and tooltip, the stage names in the reader's
 * language, and the sentence that counts the areas at a stage, in both languages.
 */
import { describe, expect, test } from 'vitest';
import { seriesChartConfig } from '../../../src/lib/charts/series-chart';
import { localizedIndicator, localizedStages } from '../../../src/lib/domain/localized-text';
import { formatValue, MEASURE_LABEL, stageName } from '../../../src/lib/format';
import { explainStatus } from '../../../src/lib/format/status-text';
import { m } from '../../../src/lib/paraglide/messages.js';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';

const STAGES = ['drafted', 'adopted', 'implemented'];
const fr = <T>(work: () => T) => inLocale('fr', work);

describe('formatting a milestone value', () => {
	test('the position is the stage’s name', () => {
		expect(formatValue(2, 'milestone', null, STAGES)).toBe('adopted');
		expect(formatValue(null, 'milestone', null, STAGES)).toBe('—');
		expect(stageName(3, STAGES)).toBe('implemented');
	});

	test('without the names, or beyond them, the position shows as a number: nothing hidden', () => {
		expect(formatValue(2, 'milestone')).toBe('2');
		expect(stageName(4, STAGES)).toBe('4');
		expect(stageName(1.5, STAGES)).toBe('1.5');
	});

	test('the measure’s name in both languages', () => {
		expect(MEASURE_LABEL.milestone).toBe('milestone (stages reached)');
		expect(fr(() => MEASURE_LABEL.milestone)).toBe('jalon (étapes atteintes)');
	});
});

describe('stage names in the reader’s language', () => {
	test('French names where given; English marked lang="en" where not', () => {
		const fr = 'rédigé;adopté;mis en œuvre';
		expect(localizedStages(STAGES.join(';'), fr, 'fr')).toEqual({
			names: ['rédigé', 'adopté', 'mis en œuvre']
		});
		expect(localizedStages(STAGES.join(';'), null, 'fr')).toEqual({ names: STAGES, lang: 'en' });
		expect(localizedStages(STAGES.join(';'), fr, 'en')).toEqual({ names: STAGES });
		expect(localizedStages(null, null, 'fr')).toBeNull();
	});

	test('a localized indicator carries its stage names', () => {
		const indicator = { title: 'Plan', stages: 'not met;met', stagesFr: null };
		expect(localizedIndicator(indicator, 'en').stageNames).toEqual(['not met', 'met']);
		expect(localizedIndicator(indicator, 'fr')).toMatchObject({
			stageNames: ['not met', 'met'],
			stagesLang: 'en'
		});
		expect(localizedIndicator({ title: 'Count' }, 'fr').stageNames).toBeUndefined();
	});
});

describe('the areas at a stage, in words', () => {
	test('English: by the areas reporting', () => {
		expect(m.ms_areas_reached({ reached: 4, total: 9, stage: 'adopted' })).toBe(
			'4 of 9 areas reporting have reached “adopted”'
		);
		expect(m.ms_areas_reached({ reached: 1, total: 1, stage: 'met' })).toBe(
			'1 of 1 area reporting has reached “met”'
		);
	});

	test('French: by the areas that reached it', () => {
		expect(fr(() => m.ms_areas_reached({ reached: 4, total: 9, stage: 'adopté' }))).toBe(
			'4 zones sur 9 qui rendent compte ont atteint « adopté »'
		);
		expect(fr(() => m.ms_areas_reached({ reached: 1, total: 9, stage: 'adopté' }))).toBe(
			'1 zone sur 9 qui rendent compte a atteint « adopté »'
		);
	});
});

describe('the step chart', () => {
	const points = [
		{
			period: '2024-Q1',
			start: '2024-01-01',
			end: '2024-03-31',
			partial: false,
			actual: 1,
			target: null,
			status: 'on_track' as const
		},
		{
			period: '2024-Q2',
			start: '2024-04-01',
			end: '2024-06-30',
			partial: false,
			actual: 3,
			target: 2,
			status: 'achieved' as const
		}
	];
	const config = seriesChartConfig({
		title: 'Plan',
		measure: 'milestone',
		unit: null,
		points,
		baselineValue: null,
		stages: STAGES
	});

	test('actuals are steps; the y axis runs over the stages, named', () => {
		expect(config.data.datasets[0]).toMatchObject({ stepped: 'before', data: [1, 3] });
		const y = config.options!.scales!.y as {
			min: number;
			max: number;
			ticks: { stepSize: number; callback: (v: number) => string };
			title: { text: string };
		};
		expect([y.min, y.max, y.ticks.stepSize]).toEqual([1, 3, 1]);
		expect([1, 2, 3].map((v) => y.ticks.callback(v))).toEqual(STAGES);
		expect(y.title.text).toBe('Stage reached');
	});

	test('the status explained with stage names', () => {
		const text = explainStatus({
			point: { ...points[0]!, status: 'off_track', due: { period: '2024-Q2', target: 2 } },
			direction: 'increase',
			measure: 'milestone',
			by: 'quarter',
			margin: 0.15,
			stages: STAGES
		});
		expect(text).toContain('“drafted”');
		expect(text).toContain('“adopted”');
		expect(text).toMatch(/^Still at/);
	});
});
