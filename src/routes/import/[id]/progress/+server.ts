import { json } from '@sveltejs/kit';
import { progressOf } from '$lib/server/imports/workspace/progress';
import type { RequestHandler } from './$types';

/** How far the check or import of an upload has come: `{phase, done, total}`, or null. */
export const GET: RequestHandler = ({ params }) => json(progressOf(params.id));
