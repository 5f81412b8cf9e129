import { appDb } from '$lib/server/db/app-db';
import { answered, formText, refused } from '$lib/server/http/forms';
import { settingsOverview } from '$lib/server/settings/overview';
import { saveSettings } from '$lib/server/settings/save';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => settingsOverview(appDb(), locals.actor);

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const sent = formText(await request.formData(), ['small_cell_threshold', 'status_margin']);
		const values = {
			small_cell_threshold: sent.small_cell_threshold.trim(),
			status_margin: sent.status_margin.trim()
		};
		const result = saveSettings(appDb(), locals.actor, values);
		if (!result.ok) return refused('settings', result.errors, values);
		return answered('settings', result.done, { values });
	}
};
