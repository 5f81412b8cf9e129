import { error } from '@sveltejs/kit';
import { databasePath } from '$lib/server/db';
import { can } from '$lib/server/permissions';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!can(locals.actor, 'administer')) error(403, m.shell_backup_admins_only());
	return { databasePath: databasePath() };
};
