/**
 * The mission's area tree and its populations (formats.md §1.1, §1.5). The mission is the
 * implicit root (id null); top-level areas are its children.
 */
export interface AreaPopulation {
	year: number | null;
	population: number;
}

export interface AreaNode {
	id: number;
	code: string;
	name: string;
	parentId: number | null;
	/** free label such as province or territory */
	level?: string | null;
	populations: AreaPopulation[];
}

export class AreaTree {
	private readonly byId = new Map<number, AreaNode>();
	private readonly byCode = new Map<string, AreaNode>();
	private readonly children = new Map<number | null, AreaNode[]>();

	constructor(nodes: Iterable<AreaNode>) {
		for (const node of nodes) {
			this.byId.set(node.id, node);
			this.byCode.set(node.code, node);
		}
		for (const node of this.byId.values()) {
			const parent = node.parentId !== null && this.byId.has(node.parentId) ? node.parentId : null;
			const list = this.children.get(parent) ?? [];
			list.push(node);
			this.children.set(parent, list);
		}
		for (const list of this.children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
	}

	get(id: number): AreaNode | undefined {
		return this.byId.get(id);
	}

	byCodeOf(code: string): AreaNode | undefined {
		return this.byCode.get(code);
	}

	/** Child areas; `null` asks for the mission's top-level areas. */
	childrenOf(id: number | null): AreaNode[] {
		return this.children.get(id) ?? [];
	}

	all(): AreaNode[] {
		return [...this.byId.values()];
	}

	/** The area and every area below it. */
	subtree(id: number | null): number[] {
		const out: number[] = [];
		const walk = (parent: number | null) => {
			for (const child of this.childrenOf(parent)) {
				out.push(child.id);
				walk(child.id);
			}
		};
		if (id !== null) out.push(id);
		walk(id);
		return out;
	}

	/**
	 * Population of an area for a figure whose period starts in `year`: that year's, else the
	 * latest earlier year's, else the earliest later year's, else the one without a year; an area
	 * with none sums those of its children that have one; the mission sums its top-level areas.
	 */
	populationOf(id: number | null, year: number): number | null {
		if (id !== null) {
			const own = ownPopulation(this.byId.get(id)?.populations ?? [], year);
			if (own !== null) return own;
		}
		let sum: number | null = null;
		for (const child of this.childrenOf(id)) {
			const p = this.populationOf(child.id, year);
			if (p !== null) sum = (sum ?? 0) + p;
		}
		return sum;
	}
}

function ownPopulation(populations: AreaPopulation[], year: number): number | null {
	let exact: AreaPopulation | undefined;
	let earlier: AreaPopulation | undefined;
	let later: AreaPopulation | undefined;
	let undated: AreaPopulation | undefined;
	for (const p of populations) {
		if (p.year === null) undated = p;
		else if (p.year === year) exact = p;
		else if (p.year < year && (!earlier || p.year > earlier.year!)) earlier = p;
		else if (p.year > year && (!later || p.year < later.year!)) later = p;
	}
	return (exact ?? earlier ?? later ?? undated)?.population ?? null;
}
