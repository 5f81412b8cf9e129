import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { indicators, rbbTexts } from '../../db/schema';

export interface RbbTexts {
	/** Narratives by section: objective or output code, or `summary`. */
	sections: Map<string, string>;
	/** Variance explanations by indicator code. */
	variances: Map<string, string>;
}

/** The words written for a report; an unstarted report (no id) has none. */
export function loadRbbTexts(db: Db, reportId: number | null): RbbTexts {
	const texts: RbbTexts = { sections: new Map(), variances: new Map() };
	if (reportId === null) return texts;
	const rows = db
		.select({ section: rbbTexts.section, code: indicators.code, text: rbbTexts.text })
		.from(rbbTexts)
		.leftJoin(indicators, eq(indicators.id, rbbTexts.indicatorId))
		.where(eq(rbbTexts.reportId, reportId))
		.all();
	for (const row of rows) {
		if (row.code !== null) texts.variances.set(row.code, row.text);
		else if (row.section !== null) texts.sections.set(row.section, row.text);
	}
	return texts;
}
