/**
 * Property-based tests of the readers (fast-check): one place that decides how many cases each
 * property runs and with which seed, so the short run in `npm test` and the long run of
 * `npm run test:properties` run the very same properties.
 *
 * - Short (default): each property's own small number of cases, with a fixed seed, so a
 *   failure in `npm test` repeats exactly.
 * - Long: `CPAS_PROPERTY_RUNS=N` gives each reader family about N cases, shared among its
 *   properties by their `share`; the seed is random unless `CPAS_PROPERTY_SEED` fixes it.
 *
 * When `CPAS_PROPERTY_REPORT` names a file, each property appends one JSON line (family, name,
 * cases, seed, milliseconds) to it, which the long run's script sums up.
 */
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { test } from 'vitest';

/** The reader families whose case counts the long run reports. */
export type Family = 'decode' | 'table' | 'numbers' | 'periods' | 'kinds' | 'xlsx' | 'lists';

const SHORT_SEED = 20261206;

function envNumber(name: string): number | null {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return null;
	const n = Number(raw);
	if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number, not "${raw}".`);
	return n;
}

const LONG_RUNS = envNumber('CPAS_PROPERTY_RUNS');
const SEED = envNumber('CPAS_PROPERTY_SEED') ?? (LONG_RUNS === null ? SHORT_SEED : Date.now() | 0);

/** Longer than any case takes on a busy machine; a case past it counts as hung. */
const CASE_TIMEOUT_MS = 20_000;

export interface Plan {
	/** cases in the short run */
	short: number;
	/** this property's part of its family's cases in the long run (the parts sum to about 1) */
	share: number;
}

/** The number of cases a property runs now. */
export function casesFor(plan: Plan): number {
	return LONG_RUNS === null ? plan.short : Math.max(1, Math.round(LONG_RUNS * plan.share));
}

/**
 * A vitest test that checks one property: `property` is a fast-check property (sync or async).
 * A failure reports fast-check's shrunk counterexample, seed and path.
 */
export function propertyTest<Ts extends [unknown, ...unknown[]]>(
	family: Family,
	name: string,
	plan: Plan,
	property: () => fc.IProperty<Ts> | fc.IAsyncProperty<Ts>
): void {
	const cases = casesFor(plan);
	// a long run takes as long as it takes; a short one gets room for a busy machine
	const timeout = LONG_RUNS === null ? 120_000 : 0;
	test(
		name,
		async () => {
			const started = performance.now();
			// fc.assert answers a promise for an async property, nothing for a sync one
			await fc.assert(property() as fc.IAsyncProperty<Ts>, {
				numRuns: cases,
				seed: SEED,
				// a case that never ends is a reader that hangs: a failure, with its counterexample
				timeout: CASE_TIMEOUT_MS
			});
			const ms = Math.round(performance.now() - started);
			const report = process.env.CPAS_PROPERTY_REPORT;
			if (report) {
				appendFileSync(report, JSON.stringify({ family, name, cases, seed: SEED, ms }) + '\n');
			}
		},
		timeout
	);
}
