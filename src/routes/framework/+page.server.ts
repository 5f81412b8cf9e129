import { appDb } from '$lib/server/db/app-db';
import { loadFrameworkEditor } from '$lib/server/framework/editor-view';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

/** What an editor page redirects here after, e.g. `?saved=PO1-OC3`: said once on the page. */
const NOTICES = {
	saved: (code: string) => m.fw_notice_saved({ code }),
	retired: (code: string) => m.fw_notice_retired({ code }),
	reinstated: (code: string) => m.fw_notice_reinstated({ code })
} as const;

export const load: PageServerLoad = ({ locals, url }) => {
	const notice = Object.entries(NOTICES)
		.map(([param, say]) => {
			const code = url.searchParams.get(param);
			return code ? say(code) : null;
		})
		.find((n) => n !== null);
	return { ...loadFrameworkEditor(appDb(), locals.actor), notice: notice ?? null };
};
