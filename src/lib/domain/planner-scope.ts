/**
 * What a planner may write: the indicators and framework nodes of their components, and the
 * figures, caveats and areas of their area subtrees. A planner without assignments works on
 * the whole mission, and an empty list does not limit its dimension; the scope limits planners
 * only (an administrator is never limited). Pure: callers bring the area tree.
 */
import type { AreaTree } from './area-tree';

/** The components and area codes assigned to a planner (each area takes its subtree). */
export interface AssignedScope {
	components: readonly string[];
	areas: readonly string[];
}

/**
 * The scope that limits an actor's writes, or null when nothing does: not a planner, or a
 * planner with no assignment at all.
 */
export function writeLimits(actor: {
	role: string;
	scope?: AssignedScope | undefined;
}): AssignedScope | null {
	const scope = actor.scope;
	if (actor.role !== 'planner' || !scope) return null;
	if (scope.components.length === 0 && scope.areas.length === 0) return null;
	return scope;
}

/** The components a `;`-separated cell names (indicators' `component`, nodes' `components`). */
export function componentsOf(text: string | null | undefined): string[] {
	return (text ?? '')
		.split(';')
		.map((c) => c.trim())
		.filter((c) => c !== '');
}

// Components are typed by hand in files and forms: "civil affairs" is Civil Affairs.
const sameComponent = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Why a thing owned by these components is outside the scope, or null when it is inside: one
 * of its components must be assigned. A thing that names no component belongs to no planner's
 * components, so only an unlimited planner may write it. `what` names the thing ("Indicator
 * K2", "PO1-OC1").
 */
export function componentProblem(
	limits: AssignedScope | null,
	components: string | null | undefined,
	what: string
): string | null {
	if (!limits || limits.components.length === 0) return null;
	const named = componentsOf(components);
	if (named.some((c) => limits.components.some((mine) => sameComponent(c, mine)))) return null;
	const yours = `the components assigned to you (${limits.components.join(', ')})`;
	if (named.length === 0) return `${what} names no component, so it is outside ${yours}.`;
	return `${what} belongs to ${named.join('; ')}, outside ${yours}.`;
}

/**
 * Whether an area is one of the assigned areas or lies below one, walking up with `parentOf`
 * (null at the top; undefined for an unknown code). A cycle ends the walk rather than looping.
 */
export function withinAreas(
	code: string,
	assigned: readonly string[],
	parentOf: (code: string) => string | null | undefined
): boolean {
	const seen = new Set<string>();
	for (let up: string | null | undefined = code; up && !seen.has(up); up = parentOf(up)) {
		if (assigned.includes(up)) return true;
		seen.add(up);
	}
	return false;
}

/** The parent of each area of a stored tree, by code, as `withinAreas` walks it. */
export function parentsIn(tree: AreaTree): (code: string) => string | null | undefined {
	return (code) => {
		const area = tree.byCodeOf(code);
		if (!area) return undefined;
		return area.parentId === null ? null : (tree.get(area.parentId)?.code ?? null);
	};
}

/**
 * Why an area (null: the whole mission) is outside the scope, or null when it is inside. The
 * mission is never inside a limited area scope: it is more than the planner's subtrees.
 */
export function areaProblem(
	limits: AssignedScope | null,
	code: string | null,
	parentOf: (code: string) => string | null | undefined
): string | null {
	if (!limits || limits.areas.length === 0) return null;
	if (code !== null && withinAreas(code, limits.areas, parentOf)) return null;
	const yours = `the areas assigned to you (${limits.areas.join(', ')})`;
	return code === null
		? `The whole mission (a blank area) is outside ${yours}.`
		: `${code} is outside ${yours}.`;
}
