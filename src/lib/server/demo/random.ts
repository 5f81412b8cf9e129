// Seeded randomness for the demo data: the same seed must give byte-identical files, so nothing
// here may touch Math.random or the clock.

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for fictional data; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * One independent stream per (seed, labels): each series draws from its own stream, so changing
 * one indicator's story does not reshuffle the figures of all the others.
 */
export function streamFor(seed: number, ...labels: string[]): Rng {
	// FNV-1a over the seed and the labels.
	let hash = 0x811c9dc5;
	for (const char of [String(seed), ...labels].join('|')) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193);
	}
	return mulberry32(hash);
}

/** Standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
	const u = 1 - rng(); // in (0, 1], so the logarithm stays finite
	const v = rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson draw: exact (Knuth) for small means, a rounded normal for large ones. */
export function poisson(rng: Rng, mean: number): number {
	if (mean <= 0) return 0;
	if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
	const limit = Math.exp(-mean);
	let count = 0;
	let product = rng();
	while (product > limit) {
		count++;
		product *= rng();
	}
	return count;
}

/** Binomial draw: exact for the small trial counts of the demo, a rounded normal beyond. */
export function binomial(rng: Rng, trials: number, chance: number): number {
	if (trials > 400) {
		const mean = trials * chance;
		const spread = Math.sqrt(trials * chance * (1 - chance));
		return Math.min(trials, Math.max(0, Math.round(mean + spread * normal(rng))));
	}
	let hits = 0;
	for (let i = 0; i < trials; i++) if (rng() < chance) hits++;
	return hits;
}

/** Splits a total into parts drawn with the given shares (shares need not sum to 1). */
export function split(rng: Rng, total: number, shares: readonly number[]): number[] {
	const parts = shares.map(() => 0);
	const sum = shares.reduce((a, b) => a + b, 0);
	for (let i = 0; i < total; i++) {
		let draw = rng() * sum;
		let index = 0;
		while (index < shares.length - 1 && draw >= (shares[index] ?? 0)) {
			draw -= shares[index] ?? 0;
			index++;
		}
		parts[index] = (parts[index] ?? 0) + 1;
	}
	return parts;
}
