import { json } from '@sveltejs/kit';
import { OPENAPI } from '$lib/server/api/openapi';
import type { RequestHandler } from './$types';

/** `GET /api/v1/openapi.json`: the API described (OpenAPI 3.1, docs/api.md). */
export const GET: RequestHandler = () => json(OPENAPI);
