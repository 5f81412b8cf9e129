import { error } from '@sveltejs/kit';
import { databasePath } from '$lib/server/db';
import { can } from '$lib/server/permissions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!can(locals.actor, 'administer')) error(403, 'Only administrators may take a backup.');
	return { databasePath: databasePath() };
};
