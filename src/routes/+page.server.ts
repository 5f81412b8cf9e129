import { appDb } from '$lib/server/db/app-db';
import { loadOverview } from '$lib/server/dashboard/overview';
import { today } from '$lib/server/clock';
import { actionPointsDue } from '$lib/server/action-points/due';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	objectives: loadOverview(appDb(), locals.actor),
	actionPoints: actionPointsDue(appDb(), locals.actor, today())
});
