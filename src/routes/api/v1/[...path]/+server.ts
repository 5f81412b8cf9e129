import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** Anything under /api/v1 that is not an endpoint: a JSON 404, not the HTML error page. */
const notFound: RequestHandler = ({ params, request }) =>
	json(
		{ error: m.impmsg_api_no_endpoint({ method: request.method, path: `/api/v1/${params.path}` }) },
		{ status: 404 }
	);

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
