/**
 * The results framework as a tree: objective → impact → outcome → output. Pure, so the pages,
 * the API and the reports walk it the same way.
 */
import type { ResultLevel } from './vocabulary';

export interface ResultNode {
	id: number;
	code: string;
	level: ResultLevel;
	title: string;
	parentId: number | null;
	driverOfChange: string | null;
	criticalCondition: string | null;
	components: string | null;
	tier: string | null;
	description: string | null;
	retired: boolean;
}

export interface ResultBranch extends ResultNode {
	children: ResultBranch[];
}

export class FrameworkTree {
	private readonly byId = new Map<number, ResultNode>();
	private readonly children = new Map<number | null, ResultNode[]>();

	constructor(nodes: Iterable<ResultNode>) {
		for (const n of nodes) this.byId.set(n.id, n);
		for (const n of this.byId.values()) {
			const list = this.children.get(n.parentId) ?? [];
			list.push(n);
			this.children.set(n.parentId, list);
		}
		for (const list of this.children.values()) {
			list.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
		}
	}

	get(id: number): ResultNode | undefined {
		return this.byId.get(id);
	}

	objectives(): ResultNode[] {
		return this.children.get(null) ?? [];
	}

	/** The objective a node belongs to (itself for an objective). */
	objectiveOf(id: number): ResultNode | undefined {
		let node = this.byId.get(id);
		const seen = new Set<number>();
		while (node && node.parentId !== null && !seen.has(node.id)) {
			seen.add(node.id);
			node = this.byId.get(node.parentId);
		}
		return node;
	}

	/** The node and everything below it, parents before children. */
	branch(id: number): ResultBranch | undefined {
		const node = this.byId.get(id);
		if (!node) return undefined;
		return { ...node, children: (this.children.get(id) ?? []).map((c) => this.branch(c.id)!) };
	}

	/** Ids of the node and all its descendants. */
	descendantIds(id: number): number[] {
		const out = [id];
		for (const c of this.children.get(id) ?? []) out.push(...this.descendantIds(c.id));
		return out;
	}
}
