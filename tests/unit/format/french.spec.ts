/**
 * The dashboard's words in French, and the same calls still in English: labels, period labels,
 * status sentences, numbers (Intl's narrow no-break space U+202F) and dates.
 */
import { describe, expect, test } from 'vitest';
import type { SeriesPoint } from '../../../src/lib/domain/series';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import {
	CATEGORY_LABEL,
	formatValue,
	GRANULARITY_LABEL,
	MEASURE_LABEL,
	RESULT_LEVEL_LABEL,
	STATUS_LABEL
} from '../../../src/lib/format';
import { describeChange } from '../../../src/lib/format/change';
import { breakdownText, sizeText } from '../../../src/lib/format/figure-text';
import { periodLabel, seasonLabel } from '../../../src/lib/format/period-text';
import { suppressedExplanation, suppressedText } from '../../../src/lib/format/small-cells-text';
import { explainStatus } from '../../../src/lib/format/status-text';
import { dateText, dateTimeText } from '../../../src/lib/format/time';
import { resolveQuery } from '../../../src/lib/server/series/load-series';
import type { AreaTree } from '../../../src/lib/domain/area-tree';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const fr = <T>(work: () => T) => inLocale('fr', work);
const en = <T>(work: () => T) => inLocale('en', work);

describe('labels of the contract’s codes', () => {
	test('statuses read in the glossary’s words, and still in English for English readers', () => {
		expect(fr(() => Object.values(STATUS_LABEL))).toEqual([
			'Atteint',
			'En bonne voie',
			'Hors trajectoire',
			'Sans cible',
			'Pas de données'
		]);
		expect(en(() => Object.values(STATUS_LABEL))).toEqual([
			'Achieved',
			'On track',
			'Off track',
			'No target',
			'No data'
		]);
	});

	test('categories, levels, granularities and measures', () => {
		expect(fr(() => CATEGORY_LABEL.capacity)).toBe('Capacité');
		expect(fr(() => RESULT_LEVEL_LABEL.outcome)).toBe('Effet');
		expect(fr(() => RESULT_LEVEL_LABEL.output)).toBe('Produit');
		expect(fr(() => GRANULARITY_LABEL.quarter)).toBe('Trimestre');
		expect(fr(() => MEASURE_LABEL.per_100k)).toBe(`pour 100${NNBSP}000`);
		expect(en(() => MEASURE_LABEL.per_100k)).toBe('per 100k');
	});

	test('a label is read when shown, so two readers at once each get their own', async () => {
		const [a, b] = await Promise.all([
			fr(async () => {
				await new Promise((r) => setTimeout(r, 5));
				return STATUS_LABEL.on_track;
			}),
			en(async () => STATUS_LABEL.on_track)
		]);
		expect([a, b]).toEqual(['En bonne voie', 'On track']);
	});
});

describe('numbers', () => {
	test('French groups thousands with U+202F and writes a comma; % after a narrow space', () => {
		expect(fr(() => formatValue(1234.5, 'number'))).toBe(`1${NNBSP}234,5`);
		expect(fr(() => formatValue(12.5, 'percent'))).toBe(`12,5${NNBSP}%`);
		expect(fr(() => formatValue(3.25, 'per_100k'))).toBe(`3,25 pour 100${NNBSP}000`);
		expect(fr(() => formatValue(1204, 'count', 'incidents'))).toBe(`1${NNBSP}204 incidents`);
	});

	test('English as before', () => {
		expect(en(() => formatValue(1234.5, 'number'))).toBe('1,234.5');
		expect(en(() => formatValue(12.5, 'percent'))).toBe('12.5 %');
		expect(en(() => formatValue(3.25, 'per_100k'))).toBe('3.25 per 100,000');
	});

	test('sizes and breakdowns', () => {
		expect(fr(() => sizeText(14_540))).toBe('14,2 Ko');
		expect(en(() => sizeText(14_540))).toBe('14.2 KB');
		expect(fr(() => breakdownText({}))).toBe('total');
	});
});

describe('periods and dates', () => {
	test('French period labels; the codes themselves in English', () => {
		const codes = ['2026-Q3', '2026-H1', '2026-03', '2026', 'FY2024/25'];
		expect(fr(() => codes.map((c) => periodLabel(c)))).toEqual([
			'T3 2026',
			'S1 2026',
			'mars 2026',
			'2026',
			'exercice 2024/25'
		]);
		expect(en(() => codes.map((c) => periodLabel(c)))).toEqual(codes);
	});

	test('days and ranges of days in words in French; anything unreadable as written', () => {
		expect(fr(() => periodLabel('2026-12-06'))).toBe('6 déc. 2026');
		expect(fr(() => periodLabel('2025-07-01/2025-08-15'))).toBe('du 1 juil. 2025 au 15 août 2025');
		expect(en(() => periodLabel('2025-07-01/2025-08-15'))).toBe('2025-07-01/2025-08-15');
		expect(fr(() => periodLabel('not a period'))).toBe('not a period');
	});

	test('the same-season axis', () => {
		expect(fr(() => ['Jan', 'Mar', 'Q2'].map(seasonLabel))).toEqual(['janv.', 'mars', 'T2']);
		expect(en(() => ['Jan', 'Mar', 'Q2'].map(seasonLabel))).toEqual(['Jan', 'Mar', 'Q2']);
	});

	test('dates through Intl in each language', () => {
		expect(fr(() => dateText('2026-12-06T09:26:00Z'))).toBe('6 déc. 2026');
		expect(en(() => dateText('2026-12-06'))).toBe('6 Dec 2026');
		expect(fr(() => dateTimeText('2026-12-06T09:26:31.000Z'))).toBe('6 déc. 2026 09:26 UTC');
	});
});

const point = (over: Partial<SeriesPoint>): SeriesPoint => ({
	period: '2024-Q3',
	start: '2024-07-01',
	end: '2024-09-30',
	partial: false,
	actual: 56,
	target: 50,
	status: 'off_track',
	...over
});
const explain = (over: Partial<SeriesPoint>, direction: 'increase' | 'decrease' = 'decrease') =>
	explainStatus({
		point: point(over),
		direction,
		measure: 'count',
		unit: null,
		by: 'quarter',
		margin: 0.15
	});

describe('status in words', () => {
	test('French sentences with French typography', () => {
		expect(fr(() => explain({}))).toBe(
			`12${NNBSP}% au-dessus de la cible du trimestre${NBSP}; plus bas est mieux`
		);
		expect(fr(() => explain({ actual: 45, status: 'on_track' }))).toBe(
			`10${NNBSP}% en dessous de la cible du trimestre (dans la marge de 15${NNBSP}%)${NBSP}; plus bas est mieux`
		);
		expect(fr(() => explain({ actual: 50, partial: true }, 'increase'))).toBe(
			`Exactement sur la cible du trimestre pour l’instant${NBSP}; plus haut est mieux`
		);
		expect(fr(() => explain({ actual: 50.001, target: 50 }))).toBe(
			`Moins de 1${NNBSP}% au-dessus de la cible du trimestre${NBSP}; plus bas est mieux`
		);
		expect(fr(() => explain({ actual: null }))).toBe('Aucune valeur pour T3 2024');
		expect(fr(() => explain({ target: null }))).toBe(
			`Aucune cible fixée pour le trimestre${NBSP}; plus bas est mieux`
		);
	});

	test('the same reasons in English, unchanged', () => {
		expect(en(() => explain({}))).toBe("12 % above the quarter's target; lower is better");
		expect(en(() => explain({ actual: null }))).toBe('No figure for 2024-Q3');
	});

	test('the latest change', () => {
		expect(
			fr(() =>
				describeChange(point({ actual: 50 }), point({ period: '2026-08', actual: 45 }), 'decrease')
			)
		).toEqual({ text: `▲ 11${NNBSP}% depuis août 2026`, good: false });
	});
});

test('small cells', () => {
	expect(fr(() => suppressedText('small', 5))).toBe(`<${NBSP}5`);
	expect(fr(() => suppressedText('complement', 5))).toBe('masqué');
	expect(fr(() => suppressedExplanation('small', 5))).toBe(
		'moins de 5, masqué pour protéger les identités'
	);
	expect(en(() => suppressedText('small', 5))).toBe('< 5');
});

test('the series’ refusals in the reader’s language', () => {
	const tree = {} as AreaTree;
	const refused = (locale: 'en' | 'fr') =>
		inLocale(locale, () => resolveQuery(tree, { by: 'week' }));
	expect(refused('en')).toMatchObject({
		ok: false,
		message: '"week" is not a granularity; use one of: month, quarter, half, year, fy.'
	});
	expect(refused('fr')).toMatchObject({
		ok: false,
		message: `«${NBSP}week${NBSP}» n’est pas une granularité${NBSP}; utilisez l’une de celles-ci${NBSP}: month, quarter, half, year, fy.`
	});
});
