import { describe, expect, test } from 'vitest';
import type { BoundaryFeature } from '$lib/domain/maps/boundaries-file';
import { matchBoundaries } from '$lib/domain/maps/boundaries-match';
import type { ListArea } from '$lib/domain/lists/area-match';

const AREAS: ListArea[] = [
	{ id: 1, code: 'CAF', name: 'Central African Republic', parentId: null, level: 'country' },
	{ id: 2, code: 'OP', name: 'Ouham-Pendé', parentId: 1, level: 'prefecture' },
	{ id: 3, code: 'MP', name: 'Ombella-M’Poko', parentId: 1, level: 'prefecture' },
	{ id: 4, code: 'MK', name: 'Mambéré-Kadéi', parentId: 1, level: 'prefecture' },
	{ id: 5, code: 'UK', name: 'Ouaka', parentId: 1, level: 'prefecture' },
	{ id: 6, code: 'BAM', name: 'Bambari', parentId: 5, level: 'sub-prefecture' }
];

const outline = {
	type: 'Polygon' as const,
	coordinates: [
		[
			[20, 5],
			[21, 5],
			[21, 6],
			[20, 5]
		]
	]
};
const features = (...values: string[]): BoundaryFeature[] =>
	values.map((value, i) => ({ feature: i + 1, value, outline }));

describe('matching features to areas', () => {
	test('like list areas: case, accents, spaces and punctuation ignored; codes too', () => {
		const result = matchBoundaries(
			features('ouham pende', "Ombella M'Poko", 'Mambéré-Kadéï', ' uk '),
			AREAS
		);
		expect(result.problems).toEqual([]);
		expect(result.matched.map((f) => [f.feature, f.value, f.area])).toEqual([
			[1, 'ouham pende', 'OP'],
			[2, "Ombella M'Poko", 'MP'],
			[3, 'Mambéré-Kadéï', 'MK'],
			[4, ' uk ', 'UK']
		]);
		expect(result.unmatchedFeatures).toEqual([]);
		expect(result.areasWithout).toEqual([]);
	});

	test('features for no area and areas without a feature are listed, not refused', () => {
		const result = matchBoundaries(features('Ouaka', 'Vakaga', 'Ouham-Pendé'), AREAS);
		expect(result.problems).toEqual([]);
		expect(result.matched.map((f) => f.area)).toEqual(['UK', 'OP']);
		expect(result.unmatchedFeatures).toEqual([{ feature: 2, value: 'Vakaga' }]);
		// the prefectures left: not the country, nor the sub-prefecture, at other levels
		expect(result.areasWithout).toEqual([
			{ code: 'MP', name: 'Ombella-M’Poko' },
			{ code: 'MK', name: 'Mambéré-Kadéi' }
		]);
	});

	test('when nothing matches, every area is without a feature', () => {
		const result = matchBoundaries(features('Vakaga'), AREAS);
		expect(result.matched).toEqual([]);
		expect(result.areasWithout.map((a) => a.code)).toEqual(['CAF', 'OP', 'MP', 'MK', 'UK', 'BAM']);
	});

	test('two features for one area refuse the second, naming the first', () => {
		const result = matchBoundaries(features('Ouaka', 'OUAKA '), AREAS);
		expect(result.matched.map((f) => f.feature)).toEqual([1]);
		expect(result.problems).toEqual([
			{
				feature: 2,
				value: 'OUAKA ',
				message:
					'A second outline for the area Ouaka (UK): feature 1 ("Ouaka") already outlines it. Keep one feature per area.'
			}
		]);
	});

	test('a name two areas share is refused, never guessed', () => {
		const twins: ListArea[] = [
			{ id: 1, code: 'A1', name: 'Nord', parentId: null, level: 'province' },
			{ id: 2, code: 'A2', name: 'Nord', parentId: null, level: 'province' }
		];
		const result = matchBoundaries(features('nord'), twins);
		expect(result.matched).toEqual([]);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toMatchObject({ feature: 1, value: 'nord' });
		expect(result.problems[0]!.message).toContain('A1 (Nord), A2 (Nord)');
	});
});
