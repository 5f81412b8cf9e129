/**
 * Which saved source a dropped file is a list of (the /import page, and any caller holding a
 * file's header): the source whose rules name columns the header all carries. Names match as
 * the importer matches them (domain/lists/list-columns.ts: case ignored, KoboToolbox group
 * paths), so a file recognised here is one the importer can read.
 */
import { m } from '../../paraglide/messages.js';
import type { Hashtag } from '../../domain/hxl';
import { findListColumn } from '../../domain/lists/list-columns';
import { ruleColumns } from '../../domain/lists/rule-text';
import type { ListSource } from '../../domain/lists/rule';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { loadSources } from './sources';

/** A column one of a source's rules names, that the file lacks (or names ambiguously). */
export interface MissingColumn {
	indicator: string;
	column: string;
	/** several group-prefixed headers end in the name: the rule must give the path */
	ambiguous: string[] | null;
}

/** How well a file's header fits one source. */
export interface SourceFit {
	source: string;
	/** how many distinct columns its rules name */
	columns: number;
	missing: MissingColumn[];
}

export interface Recognition {
	/** the one source whose rules' columns the header carries, if exactly one fits best */
	recognised: string | null;
	/** every source that takes lists, best fit first; the planner may pick any of them */
	fits: SourceFit[];
}

/** How a header fits a source: every column its rules name, found or missing. */
export function fitOf(
	source: ListSource,
	headers: readonly string[],
	tags?: readonly (Hashtag | null)[]
): SourceFit {
	const named = new Map<string, { indicator: string; column: string }>();
	for (const rule of source.rules) {
		for (const { column } of ruleColumns(rule)) {
			const key = column.toLowerCase();
			if (!named.has(key)) named.set(key, { indicator: rule.indicatorCode, column });
		}
	}
	const missing: MissingColumn[] = [];
	for (const { indicator, column } of named.values()) {
		const found = findListColumn(headers, column, tags);
		if (found.ok) continue;
		missing.push({
			indicator,
			column,
			ambiguous: found.reason === 'ambiguous' ? found.candidates : null
		});
	}
	return { source: source.name, columns: named.size, missing };
}

/**
 * The sources a file with these headers may be a list of. It is recognised as a list of a
 * source when that source's rules name only columns the header carries; when several do, the
 * one naming the most columns wins (the more particular description of the file), and a tie
 * recognises none, for the planner to pick. A source without rules is never recognised.
 */
export function recogniseList(
	db: Db,
	actor: Actor,
	headers: readonly string[],
	tags?: readonly (Hashtag | null)[]
): Recognition {
	authorize(actor, 'import');
	const fits = loadSources(db)
		.filter((s) => s.rules.length > 0)
		.map((s) => fitOf(s, headers, tags))
		.sort(
			(a, b) =>
				a.missing.length - b.missing.length ||
				b.columns - a.columns ||
				a.source.localeCompare(b.source)
		);
	const complete = fits.filter((f) => f.missing.length === 0);
	const best = complete[0];
	const tie = best && complete[1] && complete[1].columns === best.columns;
	return { recognised: best && !tie ? best.source : null, fits };
}

/** Says, for the page and the API, why a file is not a list of a source it was said to be. */
export function missingColumnsText(fit: SourceFit): string {
	return fit.missing
		.map((missing) =>
			missing.ambiguous
				? m.impmsg_list_fit_ambiguous({
						column: missing.column,
						code: missing.indicator,
						candidates: missing.ambiguous.join(', ')
					})
				: m.impmsg_list_fit_missing({ column: missing.column, code: missing.indicator })
		)
		.join('; ');
}
