/**
 * An action point as a form or a file row gives it, checked and resolved to ids: the one rule
 * the create form, the cycle page and the `actions` import share. Problems are by field, in
 * the reader's language, naming the value.
 */
import { eq, inArray } from 'drizzle-orm';
import { visibleTo } from '../../domain/clearance';
import {
	ACTION_ORIGINS,
	ACTION_STATUSES,
	isActionOrigin,
	isActionStatus,
	parseOwner,
	type ActionOrigin,
	type ActionStatus
} from '../../domain/action-points';
import { isValidDate } from '../../domain/period';
import { numberText } from '../../format/numbers';
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { areas, assessmentCycles, indicators, results, users } from '../db/schema';
import type { FieldErrors } from '../../form-answer';

export const LONGEST_DECISION = 2000;
export const LONGEST_OWNER = 120;
export const LONGEST_ORIGIN_REFERENCE = 200;
export const LONGEST_NOTE = 2000;

/** The fields as sent (text); `results` and `indicators` are codes. */
export interface ActionPointInput {
	origin: string;
	/** a cycle's code, for origin `assessment_cycle` */
	cycle: string;
	originReference: string;
	decision: string;
	owner: string;
	/** an area's code, or blank */
	area: string;
	deadline: string;
	status: string;
	/** why it was dropped, when the status is `dropped` */
	dropReason: string;
	results: string[];
	indicators: string[];
}

export interface ResolvedActionPoint {
	origin: ActionOrigin;
	cycleId: number | null;
	originReference: string | null;
	decision: string;
	ownerUnit: string | null;
	ownerAccount: string | null;
	areaId: number | null;
	deadline: string;
	status: ActionStatus;
	dropReason: string | null;
	resultIds: number[];
	indicatorIds: number[];
	/** the codes as resolved, for the audit entry */
	codes: { cycle: string | null; area: string | null; results: string[]; indicators: string[] };
}

function tooLong(text: string, max: number): string {
	return m.act_too_long({ length: numberText(text.length), max: numberText(max) });
}

/** `a; b;; c` → ['a', 'b', 'c'], each once. */
export function codeList(text: string): string[] {
	return [
		...new Set(
			text
				.split(';')
				.map((c) => c.trim())
				.filter((c) => c !== '')
		)
	];
}

/**
 * Checks and resolves an action point. An indicator the actor may not see is as unknown as one
 * that does not exist (domain/clearance.ts): a refusal never reveals a restricted code.
 */
export function resolveActionPoint(
	db: Db,
	actor: Actor,
	input: ActionPointInput
): { ok: true; point: ResolvedActionPoint } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const origin = input.origin.trim();
	if (!isActionOrigin(origin)) {
		errors.origin =
			origin === ''
				? m.act_give_origin({ origins: ACTION_ORIGINS.join(', ') })
				: m.act_bad_origin({ origin, origins: ACTION_ORIGINS.join(', ') });
	}
	let cycleId: number | null = null;
	const cycleCode = input.cycle.trim();
	if (origin === 'assessment_cycle') {
		if (cycleCode === '') errors.cycle = m.act_give_cycle();
		else {
			const cycle = db
				.select({ id: assessmentCycles.id })
				.from(assessmentCycles)
				.where(eq(assessmentCycles.code, cycleCode))
				.get();
			if (cycle) cycleId = cycle.id;
			else errors.cycle = m.act_unknown_cycle({ code: cycleCode });
		}
	} else if (cycleCode !== '') {
		errors.cycle = m.act_cycle_only_for_cycles({ code: cycleCode });
	}
	const originReference = input.originReference.trim();
	if (originReference.length > LONGEST_ORIGIN_REFERENCE) {
		errors.originReference = tooLong(originReference, LONGEST_ORIGIN_REFERENCE);
	}
	const decision = input.decision.trim();
	if (decision === '') errors.decision = m.act_write_decision();
	else if (decision.length > LONGEST_DECISION)
		errors.decision = tooLong(decision, LONGEST_DECISION);

	const owner = parseOwner(input.owner);
	if (!owner) errors.owner = m.act_name_owner();
	else if (input.owner.trim().length > LONGEST_OWNER) {
		errors.owner = tooLong(input.owner.trim(), LONGEST_OWNER);
	} else if (owner.account !== null) {
		const account = db
			.select({ username: users.username })
			.from(users)
			.where(eq(users.username, owner.account))
			.get();
		if (!account) errors.owner = m.act_unknown_account({ username: owner.account });
	}

	let areaId: number | null = null;
	const areaCode = input.area.trim();
	if (areaCode !== '') {
		const area = db.select({ id: areas.id }).from(areas).where(eq(areas.code, areaCode)).get();
		if (area) areaId = area.id;
		else errors.area = m.act_unknown_area({ code: areaCode });
	}

	const deadline = input.deadline.trim();
	if (!isValidDate(deadline)) {
		errors.deadline = deadline === '' ? m.act_give_deadline() : m.act_bad_deadline({ deadline });
	}
	const status = input.status.trim() || 'open';
	if (!isActionStatus(status)) {
		errors.status = m.act_bad_status({ status, statuses: ACTION_STATUSES.join(', ') });
	}
	const dropReason = input.dropReason.trim();
	if (status === 'dropped' && dropReason === '') errors.dropReason = m.act_needs_reason();
	else if (dropReason.length > LONGEST_NOTE) errors.dropReason = tooLong(dropReason, LONGEST_NOTE);

	const resultCodes = input.results.map((c) => c.trim()).filter((c) => c !== '');
	const foundResults = resultCodes.length
		? db
				.select({ id: results.id, code: results.code })
				.from(results)
				.where(inArray(results.code, resultCodes))
				.all()
		: [];
	const missingResults = resultCodes.filter((c) => !foundResults.some((r) => r.code === c));
	if (missingResults.length)
		errors.results = m.act_unknown_results({ codes: missingResults.join(', ') });

	const indicatorCodes = input.indicators.map((c) => c.trim()).filter((c) => c !== '');
	const foundIndicators = (
		indicatorCodes.length
			? db
					.select({ id: indicators.id, code: indicators.code, sensitivity: indicators.sensitivity })
					.from(indicators)
					.where(inArray(indicators.code, indicatorCodes))
					.all()
			: []
	).filter((i) => visibleTo(actor, i.sensitivity));
	const missingIndicators = indicatorCodes.filter(
		(c) => !foundIndicators.some((i) => i.code === c)
	);
	if (missingIndicators.length) {
		errors.indicators = m.act_unknown_indicators({ codes: missingIndicators.join(', ') });
	}

	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		point: {
			origin: origin as ActionOrigin,
			cycleId,
			originReference: originReference || null,
			decision,
			ownerUnit: owner!.unit,
			ownerAccount: owner!.account,
			areaId,
			deadline,
			status: status as ActionStatus,
			dropReason: status === 'dropped' ? dropReason : null,
			resultIds: foundResults.map((r) => r.id),
			indicatorIds: foundIndicators.map((i) => i.id),
			codes: {
				cycle: cycleId !== null ? cycleCode : null,
				area: areaId !== null ? areaCode : null,
				results: foundResults.map((r) => r.code),
				indicators: foundIndicators.map((i) => i.code)
			}
		}
	};
}
