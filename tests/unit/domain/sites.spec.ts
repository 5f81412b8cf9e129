import { describe, expect, test } from 'vitest';
import {
	closedBeforeOpened,
	latitudeProblem,
	longitudeProblem,
	siteDateProblem
} from '../../../src/lib/domain/sites';

describe('latitude', () => {
	test('-90 to 90 inclusive is a latitude', () => {
		for (const n of [-90, -0.5, 0, 4.3612, 90])
			expect(latitudeProblem(String(n), n, 18)).toBeNull();
	});

	test('past ±90 is refused, naming the value and the range', () => {
		const problem = latitudeProblem('90.01', 90.01, 400);
		expect(problem).toContain('"90.01"');
		expect(problem).toContain('-90 (south) and 90 (north)');
	});

	test('a latitude that would be a longitude, beside a longitude that would be a latitude, suggests a swap', () => {
		expect(latitudeProblem('120.5', 120.5, 4.3)).toMatch(/swapped/);
		// not when the longitude could not be a latitude either, or is not known
		expect(latitudeProblem('120.5', 120.5, 100)).not.toMatch(/swapped/);
		expect(latitudeProblem('120.5', 120.5, null)).not.toMatch(/swapped/);
		// nor when the latitude is no longitude either
		expect(latitudeProblem('190', 190, 4.3)).not.toMatch(/swapped/);
	});
});

describe('longitude', () => {
	test('-180 to 180 inclusive is a longitude', () => {
		for (const n of [-180, 0, 18.555, 180]) expect(longitudeProblem(String(n), n)).toBeNull();
	});

	test('past ±180 is refused, naming the value and the range', () => {
		expect(longitudeProblem('-180.5', -180.5)).toContain('"-180.5"');
		expect(longitudeProblem('181', 181)).toContain('-180 (west) and 180 (east)');
	});
});

describe('dates', () => {
	test('a real day written YYYY-MM-DD is a date', () => {
		expect(siteDateProblem('2024-02-29')).toBeNull();
		expect(siteDateProblem('2014-04-10')).toBeNull();
	});

	test('anything else is refused with the reason and the form to use', () => {
		expect(siteDateProblem('2023-02-29')).toContain('February 2023 has 28 days');
		expect(siteDateProblem('10/04/2014')).toContain('not written as YYYY-MM-DD');
		expect(siteDateProblem('2014-04')).toContain('YYYY-MM-DD');
	});

	test('a site closes on or after the day it opened', () => {
		expect(closedBeforeOpened('2020-01-01', '2020-01-01')).toBeNull();
		expect(closedBeforeOpened('2020-01-01', '2021-06-30')).toBeNull();
		const problem = closedBeforeOpened('2021-06-30', '2019-02-01');
		expect(problem).toContain('2019-02-01');
		expect(problem).toContain('2021-06-30');
	});
});
