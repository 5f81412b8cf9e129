import { z } from 'zod';
import { EXPECTED_ACCOMPLISHMENTS } from '$lib/domain/dpo-catalogue';
import { CATEGORIES, TIERS } from '$lib/domain/vocabulary';
import { appDb } from '$lib/server/db/app-db';
import { browseCatalogue, dpoCatalogue } from '$lib/server/framework/catalogue';
import { can } from '$lib/server/permissions';
import type { PageServerLoad } from './$types';

/** A filter of the URL: one of its choices, else blank — no filter, as the form's "All". */
const choice = (values: readonly string[]) =>
	z
		.string()
		.nullable()
		.transform((v) => (v !== null && values.includes(v) ? v : ''));

const filters = z.object({
	accomplishment: choice(Object.keys(EXPECTED_ACCOMPLISHMENTS)),
	tier: choice(TIERS),
	category: choice(CATEGORIES),
	q: z
		.string()
		.nullable()
		.transform((v) => v?.trim() ?? '')
});

export const load: PageServerLoad = ({ locals, url }) => {
	const filter = filters.parse({
		accomplishment: url.searchParams.get('accomplishment'),
		tier: url.searchParams.get('tier'),
		category: url.searchParams.get('category'),
		q: url.searchParams.get('q')
	});
	return {
		filter,
		entries: browseCatalogue(appDb(), locals.actor, filter),
		total: dpoCatalogue().length,
		canAdopt: can(locals.actor, 'framework')
	};
};
