/**
 * The planned outputs of a budget year as stored (output_plans), and as the report shows them,
 * in its language. An issued report shows the ones it froze (frozen-parts.ts).
 */
import { eq } from 'drizzle-orm';
import { localizedText } from '../../../domain/localized-text';
import { underPlan, type OutputKind } from '../../../domain/output-plans';
import type { RbbOutputPlan } from '../../../domain/rbb-report';
import type { Locale } from '../../../i18n/locales';
import type { Db } from '../../db';
import { outputPlans, results } from '../../db/schema';

/** A plan as stored, by its output's code: what a report freezes. */
export interface StoredOutputPlan {
	code: string;
	kind: OutputKind;
	planned: number;
	completed: number | null;
	remarks: string | null;
	remarksFr: string | null;
}

export function storedOutputPlans(db: Db, budgetYear: string): StoredOutputPlan[] {
	return db
		.select({
			code: results.code,
			kind: outputPlans.kind,
			planned: outputPlans.planned,
			completed: outputPlans.completed,
			remarks: outputPlans.remarks,
			remarksFr: outputPlans.remarksFr
		})
		.from(outputPlans)
		.innerJoin(results, eq(results.id, outputPlans.resultId))
		.where(eq(outputPlans.budgetYear, budgetYear))
		.all()
		.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/** The plans as the report shows them, by output code, remarks in the report's language. */
export function reportPlans(
	plans: readonly StoredOutputPlan[],
	locale: Locale
): Map<string, RbbOutputPlan> {
	return new Map(
		plans.map((p) => {
			const remarks = localizedText(p.remarks ?? '', p.remarksFr, locale);
			return [
				p.code,
				{
					kind: p.kind,
					planned: p.planned,
					completed: p.completed,
					remarks: remarks.text,
					...(remarks.lang && remarks.text ? { remarksLang: remarks.lang } : {}),
					underPlan: underPlan(p)
				}
			];
		})
	);
}
