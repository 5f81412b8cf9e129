/**
 * A least-recently-used map bounded by the total size of its values, emptied whenever the data
 * version it is asked for changes: what it kept was computed from data that is no more.
 */
interface Entry<T> {
	value: T;
	bytes: number;
}

export class VersionedCache<T> {
	private version = '';
	private readonly entries = new Map<string, Entry<T>>();
	private bytes = 0;
	hits = 0;
	misses = 0;

	constructor(readonly maxBytes: number) {}

	get size(): number {
		return this.entries.size;
	}

	get usedBytes(): number {
		return this.bytes;
	}

	/** Forgets everything kept for another version. */
	useVersion(version: string): void {
		if (version === this.version) return;
		this.version = version;
		this.entries.clear();
		this.bytes = 0;
	}

	get(key: string): T | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		// most recently used last: a Map keeps insertion order
		this.entries.delete(key);
		this.entries.set(key, entry);
		return entry.value;
	}

	/** Keeps a value of about `bytes`; one larger than the whole budget is not kept. */
	set(key: string, value: T, bytes: number): void {
		if (bytes > this.maxBytes) return;
		const old = this.entries.get(key);
		if (old) {
			this.bytes -= old.bytes;
			this.entries.delete(key);
		}
		this.entries.set(key, { value, bytes });
		this.bytes += bytes;
		for (const [oldest, entry] of this.entries) {
			if (this.bytes <= this.maxBytes) break;
			this.entries.delete(oldest);
			this.bytes -= entry.bytes;
		}
	}
}
