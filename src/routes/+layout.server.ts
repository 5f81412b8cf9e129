import { appDb } from '$lib/server/db/app-db';
import { demoAccountsActive } from '$lib/server/demo/demo-accounts';
import { isDemoMission } from '$lib/server/demo/load-demo';
import { isCarExample } from '$lib/server/example/car-flag';
import { can } from '$lib/server/permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const { actor, account } = locals;
	return {
		/** the language the page is written in (the switcher offers the others) */
		locale: locals.locale,
		demo: isDemoMission(appDb()),
		/** the real-data example: its sources' attribution on every page (CC BY 4.0) */
		realData: isCarExample(appDb()),
		/** demo accounts with published passwords can sign in: say so on every page */
		demoAccounts: demoAccountsActive(appDb()),
		/** the public view's reader (no account): its banner, and only the pages it may open */
		publicView: actor.publicReader === true,
		/** who is signed in, for the header; null on the sign-in pages */
		me: account
			? { username: account.username, role: account.role, cleared: account.cleared }
			: null,
		/** each role sees the links it can use */
		may: {
			import: can(actor, 'import'),
			audit: can(actor, 'audit'),
			administer: can(actor, 'administer')
		}
	};
};
