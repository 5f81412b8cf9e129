/**
 * Which area each feature of a boundaries file outlines: its value of the chosen property is
 * matched as a list's area cell is (lists/area-match.ts: codes, then names; case, accents,
 * spaces and punctuation ignored), never by a second rule. A value several areas answer to, or
 * two features for one area, refuse the file; features for no area, and areas no feature
 * outlines, are only listed, so one country file can serve a mission that covers part of it.
 */
import { m } from '../../paraglide/messages.js';
import { AreaMatcher, type ListArea } from '../lists/area-match';
import type { BoundaryFeature, BoundaryProblem } from './boundaries-file';

export interface MatchedFeature {
	feature: number;
	value: string;
	/** the area's code */
	area: string;
}

export interface BoundaryMatching {
	matched: (MatchedFeature & { areaId: number; outline: BoundaryFeature['outline'] })[];
	unmatchedFeatures: { feature: number; value: string }[];
	areasWithout: { code: string; name: string }[];
	problems: BoundaryProblem[];
}

/**
 * Matches features to areas. `areasWithout` lists the areas at the levels the file outlines
 * (an area's `level` label) that no feature matched: a file of prefectures does not list the
 * country or the sub-prefectures as missing. When no feature matches, it lists every area.
 */
export function matchBoundaries(
	features: readonly BoundaryFeature[],
	areas: readonly ListArea[]
): BoundaryMatching {
	const matcher = new AreaMatcher(areas);
	const result: BoundaryMatching = {
		matched: [],
		unmatchedFeatures: [],
		areasWithout: [],
		problems: []
	};
	const firstFor = new Map<number, BoundaryFeature>();
	for (const f of features) {
		const found = matcher.match(f.value);
		if (!found.ok) {
			if (found.ambiguous) {
				result.problems.push({ feature: f.feature, value: f.value, message: found.message });
			} else {
				result.unmatchedFeatures.push({ feature: f.feature, value: f.value });
			}
			continue;
		}
		const { area } = found;
		const first = firstFor.get(area.id);
		if (first) {
			result.problems.push({
				feature: f.feature,
				value: f.value,
				message: m.bnd_area_twice({
					area: area.name,
					code: area.code,
					first: String(first.feature),
					firstValue: first.value
				})
			});
			continue;
		}
		firstFor.set(area.id, f);
		result.matched.push({
			feature: f.feature,
			value: f.value,
			area: area.code,
			areaId: area.id,
			outline: f.outline
		});
	}
	const levels = new Set(areas.filter((a) => firstFor.has(a.id)).map((a) => a.level ?? null));
	result.areasWithout = areas
		.filter((a) => !firstFor.has(a.id) && (levels.size === 0 || levels.has(a.level ?? null)))
		.map((a) => ({ code: a.code, name: a.name }));
	return result;
}
