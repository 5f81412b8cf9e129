import { m } from '../paraglide/messages.js';
/**
 * "Did you mean…" for unknown codes: a typo in `1.2.l` should point at `1.2.1`, so the nearest
 * known codes by edit distance are offered, closest first.
 */
export function editDistance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0]!;
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const up = prev[j]!;
			prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = up;
		}
	}
	return prev[b.length]!;
}

export function nearestCodes(unknown: string, known: Iterable<string>, max = 3): string[] {
	const target = unknown.toLowerCase();
	const scored: { code: string; distance: number }[] = [];
	for (const code of known) {
		const distance = editDistance(target, code.toLowerCase());
		// beyond half the length, a "suggestion" is noise
		if (distance <= Math.max(2, Math.ceil(target.length / 2))) scored.push({ code, distance });
	}
	return scored
		.sort((x, y) => x.distance - y.distance || x.code.localeCompare(y.code))
		.slice(0, max)
		.map((s) => s.code);
}

/** " Did you mean 1.2.1 or 1.2.2?" or "" when nothing is close. */
export function didYouMean(unknown: string, known: Iterable<string>): string {
	const near = nearestCodes(unknown, known);
	if (near.length === 0) return '';
	const last = near.pop()!;
	return near.length
		? m.impmsg_did_you_mean_either({ codes: near.join(', '), last })
		: m.impmsg_did_you_mean({ code: last });
}
