import { appDb } from '$lib/server/db/app-db';
import { loadReaderFramework } from '$lib/server/framework/tree';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	objectives: loadReaderFramework(appDb(), locals.actor)
		.withoutRetired()
		.objectives()
		.map((o) => ({
			code: o.code,
			title: o.title,
			titleLang: o.titleLang,
			description: o.description,
			descriptionLang: o.descriptionLang
		}))
});
