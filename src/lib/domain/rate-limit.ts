/**
 * A token bucket per client (docs/security.md "The public view"): each client may make
 * `burst` requests at once, and gets its tokens back at `perMinute` a minute. Pure: the caller
 * says who the client is and what time it is, so tests step the clock instead of waiting.
 */

export interface RateLimit {
	/** requests a minute a client may keep making */
	perMinute: number;
	/** requests a client may make at once, after a pause */
	burst: number;
}

/** 120 requests a minute, 60 at once: a person reading pages never meets it; a loop does. */
export const DEFAULT_PUBLIC_RATE: RateLimit = Object.freeze({ perMinute: 120, burst: 60 });

/**
 * A limit as written in `CPAS_PUBLIC_RATE`: `120` (a minute; the burst is half of it, at least
 * 1) or `120:40` (a minute, then the burst). Whole numbers of at least 1; null otherwise.
 */
export function parseRateLimit(text: string): RateLimit | null {
	const match = /^\s*(\d+)\s*(?::\s*(\d+)\s*)?$/.exec(text);
	if (!match) return null;
	const perMinute = Number(match[1]);
	const burst = match[2] === undefined ? Math.max(1, Math.floor(perMinute / 2)) : Number(match[2]);
	if (!Number.isSafeInteger(perMinute) || !Number.isSafeInteger(burst)) return null;
	if (perMinute < 1 || burst < 1) return null;
	return { perMinute, burst };
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

interface Bucket {
	tokens: number;
	/** when `tokens` was last brought up to date, in ms */
	at: number;
}

/**
 * The buckets of every client seen lately. Kept to `maxClients`: a client whose bucket has
 * filled up again is forgotten first (it would start full anyway), then the longest unseen,
 * so many addresses cannot grow the memory without bound.
 */
export class TokenBuckets {
	private readonly buckets = new Map<string, Bucket>();
	private readonly perMs: number;

	constructor(
		readonly limit: RateLimit,
		readonly maxClients = 10_000
	) {
		this.perMs = limit.perMinute / 60_000;
	}

	get size(): number {
		return this.buckets.size;
	}

	/** Takes one token of `client`'s bucket at `now` (ms), or says how long until there is one. */
	take(client: string, now: number): Admission {
		const bucket = this.bucketOf(client, now);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return { admitted: true };
		}
		const waitMs = (1 - bucket.tokens) / this.perMs;
		return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
	}

	private bucketOf(client: string, now: number): Bucket {
		let bucket = this.buckets.get(client);
		if (bucket) {
			// seen again: moved to the end, so the longest unseen stays first
			this.buckets.delete(client);
			const elapsed = Math.max(0, now - bucket.at);
			bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed * this.perMs);
			bucket.at = now;
		} else {
			if (this.buckets.size >= this.maxClients) this.forget(now);
			bucket = { tokens: this.limit.burst, at: now };
		}
		this.buckets.set(client, bucket);
		return bucket;
	}

	/** Makes room: the full buckets go, then the longest unseen until a tenth is free. */
	private forget(now: number): void {
		for (const [client, b] of this.buckets) {
			if (b.tokens + (now - b.at) * this.perMs >= this.limit.burst) this.buckets.delete(client);
		}
		const room = Math.max(1, Math.floor(this.maxClients / 10));
		for (const client of this.buckets.keys()) {
			if (this.buckets.size <= this.maxClients - room) break;
			this.buckets.delete(client);
		}
	}
}
