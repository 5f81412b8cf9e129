/**
 * How a frozen series differs from the same series computed today: an issued report keeps its
 * figures, and says where current data has moved since (formats.md §1.5 points).
 */
export interface PointLike {
	period: string;
	actual: number | null;
	target: number | null;
}

export interface PointDifference {
	period: string;
	field: 'actual' | 'target';
	frozen: number | null;
	current: number | null;
}

/** Values closer than this are the same figure (sums of decimals may differ in the last bit). */
const SAME = 1e-9;

function same(a: number | null, b: number | null): boolean {
	if (a === null || b === null) return a === b;
	return Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Every period where the actual or the target differs, in period order of the frozen series. */
export function seriesDifferences(
	frozen: readonly PointLike[],
	current: readonly PointLike[]
): PointDifference[] {
	const now = new Map(current.map((p) => [p.period, p]));
	const periods = [...frozen.map((p) => p.period)];
	for (const p of current) if (!periods.includes(p.period)) periods.push(p.period);
	const then = new Map(frozen.map((p) => [p.period, p]));
	const out: PointDifference[] = [];
	for (const period of periods) {
		for (const field of ['actual', 'target'] as const) {
			const a = then.get(period)?.[field] ?? null;
			const b = now.get(period)?.[field] ?? null;
			if (!same(a, b)) out.push({ period, field, frozen: a, current: b });
		}
	}
	return out;
}
