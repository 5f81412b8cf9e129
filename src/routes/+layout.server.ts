import { appDb } from '$lib/server/db/app-db';
import { isDemoMission } from '$lib/server/demo/load-demo';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({ demo: isDemoMission(appDb()) });
