/**
 * Where each page of the route table is opened by the specs that go through every page
 * (accessibility, French): a new page fails their first test until it has an address here.
 */

/** A cycle the accessibility spec creates (no other spec uses the period), so its page can be checked. */
export const CYCLE = '2024-H1';
/**
 * The addresses checked for each page of the route table, from the demo mission: the pages
 * readers meet most (indicators 1.1.1 and 1.3.6 with their tables, a breakdown) and one of
 * each detail page. `null`: checked by the spec in another way (signed out, or staged by the spec).
 */
export const ADDRESSES: Record<string, string[] | null> = {
	'/': ['/'],
	'/login': null,
	'/setup': null,
	'/account': ['/account'],
	'/api': ['/api'],
	'/admin/users': ['/admin/users'],
	'/admin/users/[username]': ['/admin/users/viewer'],
	'/admin/settings': ['/admin/settings'],
	'/admin/backup': ['/admin/backup'],
	'/admin/audit': ['/admin/audit'],
	'/areas': ['/areas', '/areas?edit=AMB-DUN'],
	'/framework': ['/framework'],
	'/framework/catalogue': ['/framework/catalogue'],
	'/framework/catalogue/[dpo]': ['/framework/catalogue/1.2.1'],
	'/framework/indicators/new': ['/framework/indicators/new'],
	'/framework/indicators/[code]': ['/framework/indicators/1.2.1'],
	'/framework/nodes/new': ['/framework/nodes/new'],
	'/framework/nodes/[code]': ['/framework/nodes/PO1'],
	'/import': ['/import'],
	// staged by uploadForMapping below
	'/import/[id]': null,
	'/import/history': ['/import/history'],
	'/import/history/[id]': ['/import/history/1', '/import/history/4'],
	'/indicators': ['/indicators'],
	'/indicators/[code]': [
		'/indicators/1.1.1',
		'/indicators/1.3.6',
		'/indicators/1.2.1?breakdown=sex&area=AMB',
		// a milestone: its step chart and stage names
		'/indicators/PO3-K3'
	],
	'/objectives': ['/objectives'],
	'/objectives/[code]': ['/objectives/PO1', '/objectives/PO2?breakdown=sex'],
	'/reports': ['/reports'],
	'/reports/iptt': ['/reports/iptt', '/reports/iptt?by=fy'],
	'/reports/rbb': ['/reports/rbb'],
	'/reports/rbb/[fy]': ['/reports/rbb/FY2024-25'],
	'/reports/cycles': ['/reports/cycles'],
	'/reports/cycles/[code]': [`/reports/cycles/${CYCLE}`],
	'/actions': ['/actions', '/actions?overdue=1', '/actions?origin=jpt_mission&status=open'],
	'/actions/[reference]': ['/actions/AP-0001', '/actions/AP-0004'],
	'/sources': ['/sources'],
	'/sources/[name]': ['/sources/demo-incident-log']
};
