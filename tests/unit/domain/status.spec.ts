import { describe, expect, test } from 'vitest';
import { DEFAULT_STATUS_MARGIN, parseMargin, statusFor } from '$lib/domain/status';

describe('statusFor: no_data and no_target', () => {
	test('no actual is no_data, whatever the target', () => {
		expect(statusFor(null, null, 'increase')).toBe('no_data');
		expect(statusFor(null, 10, 'increase')).toBe('no_data');
		expect(statusFor(null, 10, 'decrease')).toBe('no_data');
	});

	test('an actual without a target is no_target', () => {
		expect(statusFor(12, null, 'increase')).toBe('no_target');
		expect(statusFor(0, null, 'decrease')).toBe('no_target');
	});

	test('floating-point noise does not change the status', () => {
		// 0.1 + 0.2 is 0.30000000000000004 in binary: still the target 0.3
		expect(statusFor(0.1 + 0.2, 0.3, 'decrease')).toBe('achieved');
		// (0.1 + 0.7) x 10 is 7.999999999999999: still the target 8
		expect(statusFor((0.1 + 0.7) * 10, 8, 'increase')).toBe('achieved');
	});

	test('zero is a value, not missing data', () => {
		expect(statusFor(0, 0, 'increase')).toBe('achieved');
		expect(statusFor(0, 0, 'decrease')).toBe('achieved');
	});
});

describe('statusFor: increase, default margin 0.15', () => {
	test('the default margin is 15 %', () => {
		expect(DEFAULT_STATUS_MARGIN).toBe(0.15);
	});

	test('achieved when actual >= target', () => {
		expect(statusFor(100, 100, 'increase')).toBe('achieved');
		expect(statusFor(120, 100, 'increase')).toBe('achieved');
	});

	test('on_track just below the target and exactly at (1 - 0.15) x target', () => {
		expect(statusFor(99.99, 100, 'increase')).toBe('on_track');
		// 0.85 x 100 = 85
		expect(statusFor(85, 100, 'increase')).toBe('on_track');
	});

	test('off_track just below the margin edge', () => {
		expect(statusFor(84.99, 100, 'increase')).toBe('off_track');
		expect(statusFor(0, 100, 'increase')).toBe('off_track');
	});

	// target -> 0.85 x target, worked out by hand: the edge itself is on track, whatever the
	// target, even when the product is not exact in binary floating point.
	test.each([
		[3, 2.55],
		[7, 5.95],
		[10, 8.5],
		[20, 17],
		[40, 34],
		[60, 51],
		[70, 59.5],
		[200, 170],
		[1000, 850],
		[0.2, 0.17]
	])('target %s: %s is the edge and on_track', (target, edge) => {
		expect(statusFor(edge, target, 'increase')).toBe('on_track');
		expect(statusFor(edge - 0.001 * target, target, 'increase')).toBe('off_track');
	});
});

describe('statusFor: decrease, default margin 0.15', () => {
	test('achieved when actual <= target', () => {
		expect(statusFor(100, 100, 'decrease')).toBe('achieved');
		expect(statusFor(80, 100, 'decrease')).toBe('achieved');
		expect(statusFor(0, 100, 'decrease')).toBe('achieved');
	});

	test('on_track just above the target and exactly at (1 + 0.15) x target', () => {
		expect(statusFor(100.01, 100, 'decrease')).toBe('on_track');
		// 1.15 x 100 = 115 (in floating point 1.15 * 100 is 114.99999999999999)
		expect(statusFor(115, 100, 'decrease')).toBe('on_track');
	});

	test('off_track just above the margin edge', () => {
		expect(statusFor(115.01, 100, 'decrease')).toBe('off_track');
		expect(statusFor(1000, 100, 'decrease')).toBe('off_track');
	});

	// target -> 1.15 x target
	test.each([
		[3, 3.45],
		[7, 8.05],
		[10, 11.5],
		[20, 23],
		[40, 46],
		[60, 69],
		[70, 80.5],
		[200, 230],
		[1000, 1150],
		[0.2, 0.23]
	])('target %s: %s is the edge and on_track', (target, edge) => {
		expect(statusFor(edge, target, 'decrease')).toBe('on_track');
		expect(statusFor(edge + 0.001 * target, target, 'decrease')).toBe('off_track');
	});

	test('a target of zero: anything above it is off track (1.15 x 0 = 0)', () => {
		expect(statusFor(1, 0, 'decrease')).toBe('off_track');
	});
});

describe('statusFor: custom margin', () => {
	test('margin 0.1, increase: edge 0.9 x 50 = 45', () => {
		expect(statusFor(50, 50, 'increase', 0.1)).toBe('achieved');
		expect(statusFor(45, 50, 'increase', 0.1)).toBe('on_track');
		expect(statusFor(44.99, 50, 'increase', 0.1)).toBe('off_track');
		// on track with the default 15 % (0.85 x 50 = 42.5), not with 10 %
		expect(statusFor(43, 50, 'increase')).toBe('on_track');
		expect(statusFor(43, 50, 'increase', 0.1)).toBe('off_track');
	});

	test('margin 0.1, decrease: edge 1.1 x 50 = 55', () => {
		expect(statusFor(55, 50, 'decrease', 0.1)).toBe('on_track');
		expect(statusFor(55.01, 50, 'decrease', 0.1)).toBe('off_track');
		// 1.15 x 50 = 57.5
		expect(statusFor(57, 50, 'decrease')).toBe('on_track');
		expect(statusFor(57, 50, 'decrease', 0.1)).toBe('off_track');
	});

	test('margin 0: only reaching the target counts', () => {
		expect(statusFor(100, 100, 'increase', 0)).toBe('achieved');
		expect(statusFor(99.99, 100, 'increase', 0)).toBe('off_track');
		expect(statusFor(100.01, 100, 'decrease', 0)).toBe('off_track');
	});

	test('margin 1: any non-negative actual is on track for increase, up to 2 x target for decrease', () => {
		expect(statusFor(0, 100, 'increase', 1)).toBe('on_track');
		expect(statusFor(200, 100, 'decrease', 1)).toBe('on_track');
		expect(statusFor(200.01, 100, 'decrease', 1)).toBe('off_track');
	});
});

describe('parseMargin', () => {
	test('a fraction', () => {
		expect(parseMargin('0.1')).toBe(0.1);
		expect(parseMargin('0.15')).toBe(0.15);
		expect(parseMargin('.2')).toBe(0.2);
		expect(parseMargin('0')).toBe(0);
		expect(parseMargin('1')).toBe(1);
		// as String(0.1) could write a small setting
		expect(parseMargin('1e-1')).toBe(0.1);
	});

	test('a percentage is divided by 100', () => {
		expect(parseMargin('10%')).toBe(0.1);
		expect(parseMargin('15%')).toBe(0.15);
		expect(parseMargin('2.5%')).toBe(0.025);
		expect(parseMargin('0%')).toBe(0);
		expect(parseMargin('100%')).toBe(1);
	});

	test('surrounding spaces, and spaces before the % sign, are ignored', () => {
		expect(parseMargin(' 0.1 ')).toBe(0.1);
		expect(parseMargin(' 15 % ')).toBe(0.15);
		expect(parseMargin('\t10%\n')).toBe(0.1);
	});

	test.each([
		'',
		'   ',
		'%',
		' % ',
		'abc',
		'ten%',
		'10%%',
		'0.1.2',
		'1,5',
		'NaN',
		'Infinity',
		'0x0'
	])('"%s" is not a margin', (text) => {
		expect(parseMargin(text)).toBeNull();
	});

	test.each(['1.5', '1.01', '150%', '101%', '-0.1', '-5%'])(
		'"%s" is outside 0..1 and refused',
		(text) => {
			expect(parseMargin(text)).toBeNull();
		}
	);
});
