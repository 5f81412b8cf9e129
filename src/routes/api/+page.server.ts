import { operationsView } from '$lib/server/api/operations-view';
import { API_DESCRIPTION_VERSION } from '$lib/server/api/openapi';
import { TOKEN_SCOPES } from '$lib/domain/token-scope';
import type { PageServerLoad } from './$types';

/** The API described, for people (docs/api.md): read from the document /api/v1/openapi.json serves. */
export const load: PageServerLoad = ({ url }) => ({
	operations: operationsView(url.origin),
	version: API_DESCRIPTION_VERSION,
	scopes: TOKEN_SCOPES,
	origin: url.origin
});

// a page to read: no script beyond the shell's, so it stays light whatever the document's size
export const csr = false;
