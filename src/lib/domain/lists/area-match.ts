/**
 * Which area a list's row names (formats.md §5.3 step 2), and the check that a list does not
 * name an area and one of its descendants.
 *
 * A cell is matched, in this order, against: the area codes; the area names; the names with
 * punctuation ignored as well (`Ombella-M'Poko` = `Ombella M'Poko`); a name followed or preceded
 * by the area's level label (`Ouaka province` for the area Ouaka of level `province`, as UCDP
 * writes its `adm_1`); then the spellings the planner mapped for the source (its value map).
 * Every step ignores case, accents and surrounding spaces. The first step that finds one area
 * wins; a step that finds several (a name two areas share) is an error, never a guess.
 */
import { m } from '../../paraglide/messages.js';
import { editDistance } from '../suggest';

export interface ListArea {
	id: number;
	code: string;
	name: string;
	parentId: number | null;
	level?: string | null;
}

/** `ambiguous`: several areas answer to the text (an error); else none does. */
export type AreaMatch =
	{ ok: true; area: ListArea } | { ok: false; ambiguous: boolean; message: string };

/** Case, accents and surrounding spaces ignored; inner runs of spaces count as one. */
export function foldAreaText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.trim()
		.replace(/\s+/g, ' ');
}

/** As foldAreaText, with punctuation ignored too (hyphens, apostrophes, dots). */
function foldLoosely(text: string): string {
	return foldAreaText(text)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

type Index = Map<string, ListArea[]>;

function indexBy(areas: readonly ListArea[], keys: (a: ListArea) => string[]): Index {
	const index: Index = new Map();
	for (const area of areas) {
		for (const key of new Set(keys(area))) {
			if (key === '') continue;
			const list = index.get(key);
			if (list) list.push(area);
			else index.set(key, [area]);
		}
	}
	return index;
}

export class AreaMatcher {
	private readonly steps: { fold: (t: string) => string; index: Index; what: string }[];
	private readonly byCode: Map<string, ListArea>;

	/**
	 * `aliases`: spellings the planner mapped to area codes for this source (the workspace's
	 * value map), tried after the areas' own codes and names.
	 */
	constructor(
		private readonly areas: readonly ListArea[],
		aliases: ReadonlyMap<string, string> = new Map()
	) {
		this.byCode = new Map(areas.map((a) => [a.code, a]));
		const withLevel = (a: ListArea) =>
			a.level ? [`${a.name} ${a.level}`, `${a.level} ${a.name}`, `${a.level} of ${a.name}`] : [];
		const aliased: Index = new Map();
		for (const [spelling, code] of aliases) {
			const area = this.byCode.get(code);
			if (area) aliased.set(foldAreaText(spelling), [area]);
		}
		this.steps = [
			{ fold: foldAreaText, index: indexBy(areas, (a) => [foldAreaText(a.code)]), what: 'code' },
			{ fold: foldAreaText, index: indexBy(areas, (a) => [foldAreaText(a.name)]), what: 'name' },
			{ fold: foldLoosely, index: indexBy(areas, (a) => [foldLoosely(a.name)]), what: 'name' },
			{
				fold: foldLoosely,
				index: indexBy(areas, (a) => withLevel(a).map(foldLoosely)),
				what: 'name and level'
			},
			{ fold: foldAreaText, index: aliased, what: 'mapped spelling' }
		];
	}

	/** The area of a code, for `unlocated_area`. */
	byCodeOf(code: string): ListArea | undefined {
		return this.byCode.get(code);
	}

	/** The area a non-blank cell names. */
	match(cell: string): AreaMatch {
		for (const step of this.steps) {
			const found = step.index.get(step.fold(cell));
			if (!found) continue;
			if (found.length === 1) return { ok: true, area: found[0]! };
			const which = found.map((a) => `${a.code} (${a.name})`).join(', ');
			const ambiguous = { cell: cell.trim(), areas: which };
			return {
				ok: false,
				ambiguous: true,
				message:
					step.what === 'code'
						? m.impmsg_area_ambiguous_code(ambiguous)
						: step.what === 'name'
							? m.impmsg_area_ambiguous_name(ambiguous)
							: step.what === 'name and level'
								? m.impmsg_area_ambiguous_name_level(ambiguous)
								: m.impmsg_area_ambiguous_alias(ambiguous)
			};
		}
		return {
			ok: false,
			ambiguous: false,
			message: m.impmsg_area_no_match({ cell: cell.trim(), hint: nearest(cell, this.areas) })
		};
	}
}

/** The areas whose names are closest to an unknown cell, as a hint. */
function nearest(cell: string, areas: readonly ListArea[]): string {
	const target = foldLoosely(cell);
	if (target === '') return '';
	const close = areas
		.map((a) => ({ a, d: editDistance(target, foldLoosely(a.name)) }))
		.filter(({ d }) => d <= Math.max(2, Math.floor(target.length / 4)))
		.sort((x, y) => x.d - y.d)
		.slice(0, 3);
	if (close.length === 0) return '';
	const named = close.map(({ a }) => `${a.name} (${a.code})`);
	const last = named.pop()!;
	return named.length
		? m.impmsg_did_you_mean_either({ codes: named.join(m.impmsg_or()), last })
		: m.impmsg_did_you_mean({ code: last });
}

/** The first row naming an area: where an error about that area is reported. */
export interface FirstNamed {
	line: number;
	column: string;
	value: string;
}

/** An area named beside one of its descendants: the error goes on the coarser area's first row. */
export interface MixedLevels {
	coarser: ListArea;
	finer: ListArea;
	at: FirstNamed;
}

/**
 * Watches the areas a list names, row by row, and tells when it names an area and one of its
 * descendants (§5.3 step 2: mixed levels would hide the finer figures). Each coarser area is
 * reported once, on the first row that named it.
 */
export class AreaLevels {
	private readonly first = new Map<number, FirstNamed>();
	/** areas below which some named area lies, with one such area */
	private readonly above = new Map<number, ListArea>();
	private readonly reported = new Set<number>();
	private readonly byId: Map<number, ListArea>;

	constructor(areas: readonly ListArea[]) {
		this.byId = new Map(areas.map((a) => [a.id, a]));
	}

	/** Notes an area named on a row; returns the mixed levels this row reveals. */
	name(area: ListArea, at: FirstNamed): MixedLevels[] {
		if (this.first.has(area.id)) return NONE;
		this.first.set(area.id, at);
		const found: MixedLevels[] = [];
		const below = this.above.get(area.id);
		if (below && !this.reported.has(area.id)) {
			this.reported.add(area.id);
			found.push({ coarser: area, finer: below, at });
		}
		for (let p = area.parentId; p !== null; p = this.byId.get(p)?.parentId ?? null) {
			if (!this.above.has(p)) this.above.set(p, area);
			const named = this.first.get(p);
			if (named && !this.reported.has(p)) {
				this.reported.add(p);
				found.push({ coarser: this.byId.get(p)!, finer: area, at: named });
			}
		}
		return found;
	}
}

const NONE: MixedLevels[] = [];

export function mixedLevelsMessage(mixed: MixedLevels): string {
	return m.impmsg_area_mixed_levels({
		coarser: mixed.coarser.name,
		coarserCode: mixed.coarser.code,
		finer: mixed.finer.name,
		finerCode: mixed.finer.code
	});
}
