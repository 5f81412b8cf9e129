import { appDb } from '$lib/server/db/app-db';
import { answered, formText, refused } from '$lib/server/http/forms';
import { settingsOverview } from '$lib/server/settings/overview';
import { saveSettings } from '$lib/server/settings/save';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => settingsOverview(appDb(), locals.actor);

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await request.formData();
		const sent = formText(form, ['small_cell_threshold', 'status_margin']);
		const values = {
			small_cell_threshold: sent.small_cell_threshold.trim(),
			status_margin: sent.status_margin.trim()
		};
		// an unticked checkbox is not sent: the form's marker says the switch was on the page
		const publicView = form.has('public_view_shown')
			? form.get('public_view') === 'on'
				? 'on'
				: 'off'
			: undefined;
		const result = saveSettings(appDb(), locals.actor, { ...values, public_view: publicView });
		if (!result.ok) return refused('settings', result.errors, values);
		return answered('settings', result.done, { values });
	}
};
