/**
 * What a planner may write: the indicators and framework nodes of their components, and the
 * figures, caveats and areas of their area subtrees. A planner without assignments works on
 * the whole mission, and an empty list does not limit its dimension; the scope limits planners
 * only (an administrator is never limited). Pure: callers bring the area tree.
 */
import type { AreaTree } from './area-tree';
import { m } from '../paraglide/messages.js';

/** "Indicator 1.2.1", the subject of a scope refusal about an indicator. */
export function indicatorSubject(code: string): string {
	return m.impmsg_scope_indicator({ code });
}

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
	const yours = limits.components.join(', ');
	if (named.length === 0) return m.impmsg_scope_no_component({ what, yours });
	return m.impmsg_scope_component_outside({ what, components: named.join('; '), yours });
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
	const yours = limits.areas.join(', ');
	return code === null
		? m.impmsg_scope_mission_outside({ yours })
		: m.impmsg_scope_area_outside({ code, yours });
}
