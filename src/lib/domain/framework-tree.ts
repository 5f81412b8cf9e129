/**
 * The results framework as a tree: objective → impact → outcome → output. Pure, so the pages,
 * the API and the reports walk it the same way.
 */
import type { NodeTextLangs } from './localized-text';
import type { ResultLevel } from './vocabulary';

/** A node; the `…Lang` fields say which texts are English read by a French reader. */
export interface ResultNode extends NodeTextLangs {
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
	/** French texts, where given (docs/formats.md "Beyond the contract") */
	titleFr?: string | null;
	driverOfChangeFr?: string | null;
	criticalConditionFr?: string | null;
	descriptionFr?: string | null;
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

	/**
	 * The framework in force: without retired nodes, nor the nodes below them. What leadership
	 * is shown; the editor and the exports keep the whole history.
	 */
	withoutRetired(): FrameworkTree {
		const active = (n: ResultNode): boolean => {
			const seen = new Set<number>();
			for (let at: ResultNode | undefined = n; at && !seen.has(at.id);) {
				if (at.retired) return false;
				seen.add(at.id);
				at = at.parentId === null ? undefined : this.byId.get(at.parentId);
			}
			return true;
		};
		return new FrameworkTree([...this.byId.values()].filter(active));
	}

	/** Every node in reading order — each objective, then what is below it — with its depth. */
	outline(): { node: ResultNode; depth: number }[] {
		const out: { node: ResultNode; depth: number }[] = [];
		const walk = (parentId: number | null, depth: number) => {
			for (const node of this.children.get(parentId) ?? []) {
				out.push({ node, depth });
				walk(node.id, depth + 1);
			}
		};
		walk(null, 0);
		return out;
	}

	/** Ids of the node and all its descendants. */
	descendantIds(id: number): number[] {
		const out = [id];
		for (const c of this.children.get(id) ?? []) out.push(...this.descendantIds(c.id));
		return out;
	}
}
