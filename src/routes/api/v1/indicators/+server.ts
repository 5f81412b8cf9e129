import { json } from '@sveltejs/kit';
import { appDb } from '$lib/server/db/app-db';
import { listIndicators } from '$lib/server/indicators/list';
import type { RequestHandler } from './$types';

/** `GET /api/v1/indicators` (formats.md §4). */
export const GET: RequestHandler = ({ locals }) =>
	json(
		// titles as stored: the API speaks the files' language, whatever the reader's
		listIndicators(appDb(), locals.actor, 'en').map((i) => ({
			code: i.code,
			title: i.title,
			category: i.category,
			direction: i.direction,
			measure: i.measure,
			result_code: i.result_code,
			objective_code: i.objective_code
		}))
	);
