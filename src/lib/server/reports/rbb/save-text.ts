import { and, eq, isNull } from 'drizzle-orm';
import { textKeys, type RbbReport } from '../../../domain/rbb-report';
import { resourceSubject } from '../../../domain/resources';
import { DB_NOW } from '../../clock';
import type { Locale } from '../../../i18n/locales';
import { numberText } from '../../../format/numbers';
import { m } from '../../../paraglide/messages.js';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Db } from '../../db';
import { indicators, rbbReports, rbbTexts, resourceLines } from '../../db/schema';
import type { Resolution } from '../../series/load-series';
import { loadDraft } from './draft';
import { ensureRbbReport, findRbbReport } from './report-row';

/**
 * Where a text goes: a section's narrative, an indicator's variance explanation, or a resource
 * line's explanation (by the line's id; it is kept on the line, as the resources file has it).
 */
export type RbbTextTarget = { section: string } | { indicator: string } | { resource: number };

/** Long enough for a page of explanation; a paste of a whole document is a mistake. */
export const MAX_TEXT_LENGTH = 10_000;

/** `reportId` null: the write did not start a report (a resource line's explanation). */
export type SaveOutcome =
	Resolution<{ reportId: number | null }> | { ok: false; problem: 'conflict'; message: string };

/**
 * Writes one text of a draft report (started when it has none, in the language it was shown
 * in: `locale`, else the reader's), or clears it when blank. Refused once the report is
 * issued: an issued report is read-only.
 */
export function saveRbbText(
	db: Db,
	actor: Actor,
	budgetYear: string,
	target: RbbTextTarget,
	text: string,
	locale?: Locale | null
): SaveOutcome {
	const draft = loadDraft(
		db,
		actor,
		budgetYear,
		(year) => m.rep_rbb_issued_read_only({ year }),
		locale
	);
	if (!draft.ok) return draft;
	const { report } = draft;
	const words = text.trim();
	if (words.length > MAX_TEXT_LENGTH) {
		return {
			ok: false,
			problem: 'bad_request',
			message: m.rep_rbb_text_too_long({
				length: numberText(words.length),
				max: numberText(MAX_TEXT_LENGTH)
			})
		};
	}
	if ('resource' in target) return saveExplanation(db, actor, report, target.resource, words);
	const keys = textKeys(report);
	let indicatorId: number | null = null;
	let section: string | null = null;
	if ('indicator' in target) {
		if (!keys.indicators.has(target.indicator)) {
			return notInReport(
				m.rep_rbb_no_indicator({ year: report.year.label, code: target.indicator })
			);
		}
		indicatorId = db
			.select({ id: indicators.id })
			.from(indicators)
			.where(eq(indicators.code, target.indicator))
			.get()!.id;
	} else {
		if (!keys.sections.has(target.section)) {
			return notInReport(
				m.rep_rbb_no_section({ year: report.year.label, section: target.section })
			);
		}
		section = target.section;
	}
	return db.transaction(() => {
		const { id: reportId } = ensureRbbReport(db, actor, report.year.label, report.locale);
		const key = and(
			eq(rbbTexts.reportId, reportId),
			indicatorId === null ? isNull(rbbTexts.indicatorId) : eq(rbbTexts.indicatorId, indicatorId),
			section === null ? isNull(rbbTexts.section) : eq(rbbTexts.section, section)
		);
		const before = db.select({ text: rbbTexts.text }).from(rbbTexts).where(key).get();
		db.delete(rbbTexts).where(key).run();
		recordAudit(db, actor, 'rbb.text.save', report.year.label, {
			...target,
			before: { text: before?.text ?? null },
			after: { text: words === '' ? null : words }
		});
		if (words !== '') {
			db.insert(rbbTexts)
				.values({ reportId, section, indicatorId, text: words, updatedBy: actor.username })
				.run();
		} else if (!db.select().from(rbbTexts).where(eq(rbbTexts.reportId, reportId)).get()) {
			// a draft with nothing written is no report yet: the year is "not started" again
			db.delete(rbbReports).where(eq(rbbReports.id, reportId)).run();
		}
		return { ok: true as const, reportId };
	});
}

/**
 * A resource line's explanation, on the line itself (as the resources file has it); the line
 * must be in the draft. It starts no report: the explanation belongs to the line, which the
 * report shows until it is issued.
 */
function saveExplanation(
	db: Db,
	actor: Actor,
	report: RbbReport,
	lineId: number,
	words: string
): SaveOutcome {
	const line = report.resources.rows.find((r) => r.id === lineId);
	if (!line) {
		return notInReport(m.rbp_no_resource_line({ year: report.year.label, id: String(lineId) }));
	}
	return db.transaction(() => {
		db.update(resourceLines)
			.set({
				explanation: words === '' ? null : words,
				changedBy: actor.username,
				changedAt: DB_NOW
			})
			.where(eq(resourceLines.id, lineId))
			.run();
		recordAudit(db, actor, 'rbb.text.save', report.year.label, {
			resource: resourceSubject(line),
			before: { text: line.explanation },
			after: { text: words === '' ? null : words }
		});
		return { ok: true as const, reportId: findRbbReport(db, report.year.label)?.id ?? null };
	});
}

function notInReport(message: string): SaveOutcome {
	return { ok: false, problem: 'not_found', message };
}
