import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_CLASSES, quantileClasses } from '../../../../src/lib/domain/maps/classes';
import { MAP_SHADES, mapShade } from '../../../../src/lib/charts/palette';

const bounds = (values: (number | null)[], direction: 'increase' | 'decrease' = 'decrease') =>
	quantileClasses(values, direction).classes.map((c) => [c.low, c.high]);

describe('quantile classes', () => {
	test('ten distinct values make five classes of two', () => {
		expect(bounds([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual([
			[1, 2],
			[3, 4],
			[5, 6],
			[7, 8],
			[9, 10]
		]);
	});

	test('fewer distinct values than five make that many classes', () => {
		expect(bounds([3, 1, 2])).toEqual([
			[1, 1],
			[2, 2],
			[3, 3]
		]);
		expect(bounds([4, 4, 9, 9, 9])).toEqual([
			[4, 4],
			[9, 9]
		]);
	});

	test('one value, or one value many times, is one class', () => {
		expect(bounds([7])).toEqual([[7, 7]]);
		expect(bounds([7, 7, 7, 7, 7, 7, 7])).toEqual([[7, 7]]);
	});

	test('ties never straddle two classes', () => {
		const values = [1, 2, 2, 2, 2, 2, 2, 3, 4, 5];
		const { classOf, classes } = quantileClasses(values, 'decrease');
		const twos = values.filter((v) => v === 2).map(classOf);
		expect(new Set(twos).size).toBe(1);
		for (const c of classes) expect(c.low).toBeLessThanOrEqual(c.high);
	});

	test('no figure is no class, never the lowest one', () => {
		const { classOf, classes } = quantileClasses([null, 0, 5, null, 10], 'decrease');
		expect(classOf(null)).toBeNull();
		expect(classOf(Number.NaN)).toBeNull();
		expect(classOf(0)).toBe(0);
		expect(classes).toHaveLength(3);
	});

	test('all without a figure: no classes', () => {
		const { classes, classOf } = quantileClasses([null, null], 'increase');
		expect(classes).toEqual([]);
		expect(classOf(null)).toBeNull();
		expect(classOf(3)).toBeNull();
		expect(quantileClasses([], 'decrease').classes).toEqual([]);
	});

	test('zero and negative values are classed like any other', () => {
		expect(bounds([-5, -1, 0, 0, 2])).toEqual([
			[-5, -5],
			[-1, -1],
			[0, 0],
			[2, 2]
		]);
	});

	test('a value not classified falls in the class whose range holds it, or the nearest', () => {
		const { classOf } = quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'decrease');
		expect(classOf(4.5)).toBe(1);
		expect(classOf(-100)).toBe(0);
		expect(classOf(100)).toBe(4);
	});

	test('property: at most five classes, ascending, disjoint, every figure in its class range', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }), { maxLength: 40 }),
				fc.constantFrom('increase' as const, 'decrease' as const),
				(values, direction) => {
					const { classes, classOf } = quantileClasses(values, direction);
					const figures = values.filter((v): v is number => v !== null);
					expect(classes.length).toBeLessThanOrEqual(MAX_CLASSES);
					expect(classes.length).toBeLessThanOrEqual(new Set(figures).size);
					if (figures.length > 0) expect(classes.length).toBeGreaterThan(0);
					for (let i = 1; i < classes.length; i++) {
						expect(classes[i]!.low).toBeGreaterThan(classes[i - 1]!.high);
					}
					for (const v of figures) {
						const c = classes[classOf(v)!]!;
						expect(v).toBeGreaterThanOrEqual(c.low);
						expect(v).toBeLessThanOrEqual(c.high);
					}
					expect(new Set(classes.map((c) => c.worse)).size).toBe(classes.length);
				}
			)
		);
	});
});

describe('which end is worse', () => {
	test('when a decrease is better, the highest class is the worst', () => {
		const { classes } = quantileClasses([1, 2, 3], 'decrease');
		expect(classes.map((c) => c.worse)).toEqual([0, 1, 2]);
	});

	test('when an increase is better, the lowest class is the worst', () => {
		const { classes } = quantileClasses([1, 2, 3], 'increase');
		expect(classes.map((c) => c.worse)).toEqual([2, 1, 0]);
	});
});

/** Relative luminance (WCAG) of a #rrggbb colour. */
function luminance(hex: string): number {
	const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the map palette', () => {
	test('every scheme gets darker from best to worst, with as many shades as classes', () => {
		for (const count of [1, 2, 3, 4, 5] as const) {
			const shades = MAP_SHADES[count];
			expect(shades).toHaveLength(count);
			for (let i = 1; i < shades.length; i++) {
				expect(luminance(shades[i]!)).toBeLessThan(luminance(shades[i - 1]!));
			}
		}
	});

	test('the worst class of an increase-is-better indicator is the darkest shade', () => {
		const { classes } = quantileClasses([10, 20, 30, 40, 50], 'increase');
		const lowest = mapShade(classes.length, classes[0]!.worse);
		const highest = mapShade(classes.length, classes.at(-1)!.worse);
		expect(lowest).toBe(MAP_SHADES[5][4]);
		expect(highest).toBe(MAP_SHADES[5][0]);
		expect(luminance(lowest)).toBeLessThan(luminance(highest));
	});

	test('the worst class of a decrease-is-better indicator is the darkest shade', () => {
		const { classes } = quantileClasses([10, 20, 30], 'decrease');
		expect(mapShade(classes.length, classes.at(-1)!.worse)).toBe(MAP_SHADES[3][2]);
		expect(mapShade(classes.length, classes[0]!.worse)).toBe(MAP_SHADES[3][0]);
	});
});
