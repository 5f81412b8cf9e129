/**
 * The rule editor's `where`, split between the picker (the sample's columns whose values are
 * offered as boxes) and the text field (conditions on any other column, or on values the sample
 * does not hold). Pure, for the page.
 */
import type { RuleCondition } from '$lib/domain/lists/rule';
import { formatWhere, parseWhere } from '$lib/domain/lists/rule-text';

export interface PickerColumn {
	name: string;
	values: string[];
	/** the values ticked, lower-cased (cells compare ignoring case) */
	checked: string[];
	negated: boolean;
}

export interface SampleLike {
	columns: { name: string; values: string[] }[];
}

export function splitWhere(
	where: string,
	sample: SampleLike | null
): { columns: PickerColumn[]; rest: string } {
	const offered = (sample?.columns ?? []).filter((c) => c.values.length > 0);
	const parsed = parseWhere(where);
	// text that does not read stays as typed, for its error to show beside it
	if (!parsed.ok) {
		return {
			columns: offered.map((c) => ({ ...c, checked: [], negated: false })),
			rest: where
		};
	}
	const rest: RuleCondition[] = [];
	const taken = new Map<string, RuleCondition>();
	for (const condition of parsed.value) {
		const column = offered.find((c) => c.name.toLowerCase() === condition.column.toLowerCase());
		const known = new Set(column?.values.map((v) => v.toLowerCase()));
		const fits =
			column &&
			!taken.has(column.name) &&
			condition.values.every((v) => known.has(v.trim().toLowerCase()));
		if (fits) taken.set(column.name, condition);
		else rest.push(condition);
	}
	return {
		columns: offered.map((c) => {
			const condition = taken.get(c.name);
			return {
				name: c.name,
				values: c.values,
				checked: condition?.values.map((v) => v.trim().toLowerCase()) ?? [],
				negated: condition?.negated ?? false
			};
		}),
		rest: formatWhere(rest)
	};
}
