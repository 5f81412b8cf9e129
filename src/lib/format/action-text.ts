/** Action points' words (statuses, origins), in the reader's language; values (`in_progress`) stay the forms'. */
import type { ActionOrigin, ActionStatus } from '../domain/action-points';
import { m } from '../paraglide/messages.js';

const STATUS_LABEL: Record<ActionStatus, () => string> = {
	open: m.act_status_open,
	in_progress: m.act_status_in_progress,
	done: m.act_status_done,
	dropped: m.act_status_dropped
};

const ORIGIN_LABEL: Record<ActionOrigin, () => string> = {
	assessment_cycle: m.act_origin_assessment_cycle,
	jpt_mission: m.act_origin_jpt_mission,
	smg_p_meeting: m.act_origin_smg_p_meeting,
	early_warning_review: m.act_origin_early_warning_review,
	after_action_review: m.act_origin_after_action_review,
	other: m.act_origin_other
};

export function actionStatusLabel(status: ActionStatus): string {
	return STATUS_LABEL[status]();
}

export function actionOriginLabel(origin: ActionOrigin): string {
	return ORIGIN_LABEL[origin]();
}
