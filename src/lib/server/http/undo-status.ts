import type { UndoResult } from '../imports/undo';

type Problem = Extract<UndoResult, { ok: false }>['problem'];

/**
 * The HTTP status of a refused undo, for the API and the page's form action alike: 409 when
 * the batch's state stands in the way (undone already, or later changes to confirm).
 */
export const UNDO_STATUS: Record<Problem, number> = {
	not_found: 404,
	already_undone: 409,
	confirmation_required: 409,
	not_undoable: 422,
	// a planner's scope does not cover every figure: the request is understood, not allowed
	outside_scope: 403,
	busy: 503
};
