import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The old recommendations tracker: recommendations are action points now (docs/actions.md). */
export const GET: RequestHandler = () => {
	redirect(308, '/actions?origin=assessment_cycle');
};
