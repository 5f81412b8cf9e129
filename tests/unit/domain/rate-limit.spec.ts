/**
 * The public view's token buckets (src/lib/domain/rate-limit.ts), on a clock the test steps.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseRateLimit, TokenBuckets } from '../../../src/lib/domain/rate-limit';

describe('CPAS_PUBLIC_RATE', () => {
	test('a rate a minute, with or without a burst', () => {
		expect(parseRateLimit('120')).toEqual({ perMinute: 120, burst: 60 });
		expect(parseRateLimit(' 600:100 ')).toEqual({ perMinute: 600, burst: 100 });
		expect(parseRateLimit('1')).toEqual({ perMinute: 1, burst: 1 });
	});

	test('anything else is refused', () => {
		for (const text of ['', '0', '120:0', '-5', '1.5', 'lots', '120/min', '120:', ':5']) {
			expect(parseRateLimit(text), text).toBeNull();
		}
	});
});

describe('the buckets', () => {
	test('a burst at once, then one more each 60/perMinute seconds', () => {
		const buckets = new TokenBuckets({ perMinute: 60, burst: 3 });
		const t0 = 1_000_000;
		for (let i = 0; i < 3; i++) expect(buckets.take('a', t0).admitted).toBe(true);
		expect(buckets.take('a', t0)).toEqual({ admitted: false, retryAfterSeconds: 1 });
		expect(buckets.take('a', t0 + 999).admitted).toBe(false);
		expect(buckets.take('a', t0 + 1000 + 999).admitted).toBe(true);
		// a long pause refills to the burst, never beyond
		const later = t0 + 3_600_000;
		for (let i = 0; i < 3; i++) expect(buckets.take('a', later).admitted).toBe(true);
		expect(buckets.take('a', later).admitted).toBe(false);
	});

	test('Retry-After is the wait until the next token, in whole seconds', () => {
		const buckets = new TokenBuckets({ perMinute: 6, burst: 1 });
		expect(buckets.take('a', 0).admitted).toBe(true);
		expect(buckets.take('a', 0)).toEqual({ admitted: false, retryAfterSeconds: 10 });
		expect(buckets.take('a', 4_500)).toEqual({ admitted: false, retryAfterSeconds: 6 });
	});

	test('each client has its own bucket', () => {
		const buckets = new TokenBuckets({ perMinute: 60, burst: 1 });
		expect(buckets.take('a', 0).admitted).toBe(true);
		expect(buckets.take('a', 0).admitted).toBe(false);
		expect(buckets.take('b', 0).admitted).toBe(true);
	});

	test('many clients do not grow the memory past the bound; a busy client keeps its bucket', () => {
		const buckets = new TokenBuckets({ perMinute: 60, burst: 2 }, 100);
		buckets.take('busy', 0);
		buckets.take('busy', 0);
		for (let i = 0; i < 1000; i++) {
			buckets.take(`client-${i}`, 10);
			buckets.take('busy', 10);
		}
		expect(buckets.size).toBeLessThanOrEqual(100);
		// still empty: forgetting it would have handed it a full bucket
		expect(buckets.take('busy', 10).admitted).toBe(false);
	});

	test('over any stretch of time a client gets at most burst + rate × time', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 600 }),
				fc.integer({ min: 1, max: 100 }),
				fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }),
				(perMinute, burst, gaps) => {
					const buckets = new TokenBuckets({ perMinute, burst });
					let now = 0;
					let admitted = 0;
					for (const gap of gaps) {
						now += gap;
						if (buckets.take('x', now).admitted) admitted++;
					}
					expect(admitted).toBeLessThanOrEqual(burst + (perMinute * now) / 60_000 + 1e-9);
				}
			)
		);
	});
});
