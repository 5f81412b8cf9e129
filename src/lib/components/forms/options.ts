/** A choice of a select field. */
export interface Option {
	value: string;
	label: string;
	/** options of one group are shown under its name */
	group?: string;
	/** the language of the label, when it is not the page's (an English title on a French page) */
	lang?: string;
}

/** Consecutive options of one group, in order: each run becomes an optgroup (or none). */
export function optionGroups(options: readonly Option[]) {
	const out: { name: string | undefined; options: Option[] }[] = [];
	for (const o of options) {
		const last = out.at(-1);
		if (last && last.name === o.group) last.options.push(o);
		else out.push({ name: o.group, options: [o] });
	}
	return out;
}
