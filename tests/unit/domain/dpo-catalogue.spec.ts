import { describe, expect, test } from 'vitest';
import {
	directionOfWording,
	filterCatalogue,
	suggestedMeasure,
	type CatalogueEntry
} from '$lib/domain/dpo-catalogue';

function entry(code: string, partial: Partial<CatalogueEntry>): CatalogueEntry {
	return {
		code,
		expectedAccomplishment: 'A',
		tier: 'II',
		categories: ['situation'],
		title: `Indicator ${code}`,
		dataSource: '',
		components: [],
		comments: '',
		...partial
	};
}

const ENTRIES = [
	entry('1.2.1', { title: 'Decrease in the number of recorded casualties', components: ['JOC'] }),
	entry('2.2.1', {
		expectedAccomplishment: 'B',
		categories: ['capacity'],
		title: 'Increase in the number and proportion of [counties] where alert systems are in place',
		dataSource: 'Civil Affairs mapping'
	}),
	entry('3.1.1', {
		expectedAccomplishment: 'C',
		tier: 'I',
		categories: ['capacity', 'perception'],
		comments: 'Disaggregated by region'
	})
];

const codes = (filter: Parameters<typeof filterCatalogue>[1]) =>
	filterCatalogue(ENTRIES, filter).map((e) => e.code);

describe('the DPO catalogue', () => {
	test('no filter keeps every entry', () => {
		expect(codes({})).toEqual(['1.2.1', '2.2.1', '3.1.1']);
	});

	test('filters by expected accomplishment, tier and category', () => {
		expect(codes({ accomplishment: 'B' })).toEqual(['2.2.1']);
		expect(codes({ tier: 'I' })).toEqual(['3.1.1']);
		expect(codes({ category: 'capacity' })).toEqual(['2.2.1', '3.1.1']);
		// an entry printed "Capacity/Perception" is found under both
		expect(codes({ category: 'perception' })).toEqual(['3.1.1']);
		expect(codes({ accomplishment: 'B', tier: 'I' })).toEqual([]);
	});

	test('free text needs every word, anywhere in the entry, whatever the case', () => {
		expect(codes({ q: 'ALERT counties' })).toEqual(['2.2.1']);
		expect(codes({ q: 'alert casualties' })).toEqual([]);
		expect(codes({ q: 'joc' })).toEqual(['1.2.1']);
		expect(codes({ q: 'region' })).toEqual(['3.1.1']);
		expect(codes({ q: 'mapping' })).toEqual(['2.2.1']);
		expect(codes({ q: '1.2.1' })).toEqual(['1.2.1']);
	});

	test('the good direction is read from "Increase in…" / "Decrease in…"', () => {
		expect(directionOfWording('Increase in the number of …')).toBe('increase');
		expect(directionOfWording('Decrease in the average time …')).toBe('decrease');
		expect(directionOfWording('Effective implementation of a strategic plan')).toBeNull();
	});

	test('the measure the wording suggests', () => {
		expect(suggestedMeasure('Decrease in the number of casualties per 100,000 population')).toBe(
			'per_100k'
		);
		expect(suggestedMeasure('Increase in the proportion of women who feel safe')).toBe('percent');
		// a share of respondents stays a share even when the wording adds "per 100,000"
		expect(
			suggestedMeasure('Increase in the proportion of people who report feeling safe per 100,000')
		).toBe('percent');
		expect(suggestedMeasure('Increase in the number and proportion of [counties]')).toBe('count');
		// 2.2.3: a mean over alerts, weighted by their number when areas combine
		expect(
			suggestedMeasure(
				'Decrease in the average time it takes host authorities to respond to alerts of protection threats'
			)
		).toBe('average');
	});
});
