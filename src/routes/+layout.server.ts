import { appDb } from '$lib/server/db/app-db';
import { isDemoMission } from '$lib/server/demo/load-demo';
import { can } from '$lib/server/permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	demo: isDemoMission(appDb()),
	/** the audit log is for administrators only: others do not see its link */
	canAudit: can(locals.actor, 'audit')
});
