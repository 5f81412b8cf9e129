/**
 * What an issued RBB report froze besides its figures: its planned outputs and its resources
 * (with the threshold it was issued under), as stored when it was issued. Today's values are
 * compared with them so the report can say what has changed since, as it does for figures.
 */
import { and, eq } from 'drizzle-orm';
import { resourceSubject, type ResourceLine } from '../../../domain/resources';
import type { RbbChangedParts } from '../../../domain/rbb-report';
import type { Db } from '../../db';
import { rbbFrozenParts } from '../../db/schema';
import { storedOutputPlans, type StoredOutputPlan } from './output-plans';
import { storedResourceLines, varianceThreshold } from './resources';

export interface FrozenResources {
	threshold: number;
	lines: ResourceLine[];
}

export interface FrozenParts {
	outputs: StoredOutputPlan[];
	resources: FrozenResources;
}

/** Today's outputs and resources of a year, as a report would freeze them. */
export function currentParts(db: Db, budgetYear: string): FrozenParts {
	return {
		outputs: storedOutputPlans(db, budgetYear),
		resources: {
			threshold: varianceThreshold(db),
			// the id is the row's, not the report's: what was issued is the line's content
			lines: storedResourceLines(db, budgetYear).map(({ id: _id, ...line }) => line)
		}
	};
}

/** Freezes today's outputs and resources for a report, inside the issuing transaction. */
export function freezeParts(db: Db, reportId: number, budgetYear: string): FrozenParts {
	const parts = currentParts(db, budgetYear);
	db.delete(rbbFrozenParts).where(eq(rbbFrozenParts.reportId, reportId)).run();
	for (const part of ['outputs', 'resources'] as const) {
		db.insert(rbbFrozenParts)
			.values({ reportId, part, content: JSON.stringify(parts[part]) })
			.run();
	}
	return parts;
}

/** What a report froze; a report issued before outputs and resources were frozen has none. */
export function frozenParts(db: Db, reportId: number): FrozenParts {
	const read = (part: 'outputs' | 'resources') =>
		db
			.select({ content: rbbFrozenParts.content })
			.from(rbbFrozenParts)
			.where(and(eq(rbbFrozenParts.reportId, reportId), eq(rbbFrozenParts.part, part)))
			.get()?.content;
	const outputs = read('outputs');
	const resources = read('resources');
	return {
		outputs: outputs ? (JSON.parse(outputs) as StoredOutputPlan[]) : [],
		resources: resources
			? (JSON.parse(resources) as FrozenResources)
			: { threshold: varianceThreshold(db), lines: [] }
	};
}

/** The outputs and resource lines whose values today differ from what was frozen. */
export function changedParts(frozen: FrozenParts, today: FrozenParts): RbbChangedParts {
	const differ = <T>(a: T | undefined, b: T | undefined) => JSON.stringify(a) !== JSON.stringify(b);
	const outputsThen = new Map(frozen.outputs.map((p) => [p.code, p]));
	const outputsNow = new Map(today.outputs.map((p) => [p.code, p]));
	const outputs = [...new Set([...outputsThen.keys(), ...outputsNow.keys()])].filter((code) =>
		differ(outputsThen.get(code), outputsNow.get(code))
	);
	const lineKey = (l: ResourceLine) => resourceSubject(l);
	const linesThen = new Map(frozen.resources.lines.map((l) => [lineKey(l), l]));
	const linesNow = new Map(today.resources.lines.map((l) => [lineKey(l), l]));
	const resources = [...new Set([...linesThen.keys(), ...linesNow.keys()])].filter((key) =>
		differ(linesThen.get(key), linesNow.get(key))
	);
	const byCode = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
	return { outputs: outputs.sort(byCode), resources: resources.sort(byCode) };
}
