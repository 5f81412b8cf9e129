/**
 * What the page of one source shows: the source, its rules as a rules file writes them, and the
 * indicators and areas its editor offers. Rules of indicators the reader may not see are left
 * out (and counted), as every list of indicators leaves them out.
 */
import { asc, eq } from 'drizzle-orm';
import type { RuleColumnName } from '../../domain/columns';
import { ruleCells } from '../../domain/lists/rule-text';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { visibleIndicators } from '../indicators/visible';
import { authorize } from '../permissions';
import { findSource, type SourceSummary } from './sources';

export interface RuleTarget {
	code: string;
	title: string;
	measure: string;
	dimensions: string[];
}

export interface SourcePage {
	source: SourceSummary;
	rules: Record<RuleColumnName, string>[];
	/** rules of indicators the reader may not see */
	hidden: number;
	indicators: RuleTarget[];
	areas: { code: string; name: string }[];
}

export function loadSourcePage(db: Db, actor: Actor, name: string): SourcePage | null {
	authorize(actor, 'read');
	const found = findSource(db, name);
	if (!found) return null;
	const visible = visibleIndicators(
		actor,
		db
			.select()
			.from(indicators)
			.where(eq(indicators.retired, false))
			.orderBy(asc(indicators.code))
			.all()
	);
	const seen = new Set(visible.map((i) => i.code));
	const rules = found.rules.filter((r) => seen.has(r.indicatorCode));
	return {
		source: found.source,
		rules: rules.map(ruleCells),
		hidden: found.rules.length - rules.length,
		indicators: visible
			.map((i) => ({
				code: i.code,
				title: i.title,
				measure: i.measure,
				dimensions: i.dimensions ? i.dimensions.split(';') : []
			}))
			.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true })),
		areas: loadAreaTree(db)
			.all()
			.map((a) => ({ code: a.code, name: a.name }))
			.sort((a, b) => a.code.localeCompare(b.code))
	};
}
