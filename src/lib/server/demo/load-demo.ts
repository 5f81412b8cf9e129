import { count, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { results, settings } from '../db/schema';
import { importFiles } from '../imports/import-files';
import { emptyReport, issue, type ImportReport } from '../imports/report';
import { importLists } from '../lists/import-lists';
import { importBoundaries } from '../maps/import-boundaries';
import { demoBoundariesFile } from './boundaries';
import { DEMO_SEED, generateDemo } from './generate';
import { demoMilestoneFiles } from './milestones';
import { demoSitesFile } from './sites';
import { demoActionsFile } from './action-points';
import { today } from '../clock';
import { demoOutputsFile, demoResourcesFile } from './rbb-plans';

const DEMO_FLAG = 'demo_mission';

/**
 * Loads the fictional demo mission through the importer — the same path a planner's files
 * take — when the database holds no framework yet: its files, its sources' rules and its sites,
 * then its lists through the list importer, so some figures come from rows counted by rules
 * (and their batches are in the import history like a planner's), then its areas' outlines
 * through the boundaries import, matched by code. Returns the import report of them all (a
 * refused outline file as one more file's errors), or null when nothing was loaded.
 */
export async function loadDemoIfEmpty(db: Db, actor: Actor): Promise<ImportReport | null> {
	const [{ n }] = db.select({ n: count() }).from(results).all() as [{ n: number }];
	if (n > 0) return null;
	const encoder = new TextEncoder();
	const demo = generateDemo();
	const file = (name: string, content: string) => ({ name, bytes: encoder.encode(content) });
	const files = demo.files.map((f) => file(f.name, f.content));
	const sites = demoSitesFile(DEMO_SEED);
	// rules apply after indicators and before observations, whatever their place (formats.md §5.1)
	const report = await importFiles(db, actor, [
		...files,
		file('rules.csv', demo.rules),
		file(sites.name, sites.content),
		...demoMilestoneFiles().map((f) => file(f.name, f.content)),
		file('actions.csv', demoActionsFile(today()).content),
		...[demoOutputsFile(), demoResourcesFile()].map((f) => file(f.name, f.content))
	]);
	for (const list of demo.lists) {
		if (!report.ok) break;
		const listed = await importLists(db, actor, list.source, [file(list.name, list.content)]);
		report.ok = listed.ok;
		report.files.push(...listed.files);
	}
	if (report.ok) {
		const outlines = demoBoundariesFile(DEMO_SEED);
		const boundaries = importBoundaries(db, actor, file(outlines.name, outlines.content), {
			match: 'code'
		});
		if (!boundaries.ok) {
			report.ok = false;
			report.files.push({
				...emptyReport(outlines.name),
				errors: boundaries.errors.map((e) =>
					issue(null, e.feature === null ? null : `feature ${e.feature}`, e.value, e.message)
				)
			});
		}
	}
	if (report.ok) {
		db.insert(settings)
			.values({ key: DEMO_FLAG, value: 'true' })
			.onConflictDoUpdate({ target: settings.key, set: { value: 'true' } })
			.run();
	}
	return report;
}

/** Whether the data is the fictional demo mission (pages then say so on a banner). */
export function isDemoMission(db: Db): boolean {
	return db.select().from(settings).where(eq(settings.key, DEMO_FLAG)).get()?.value === 'true';
}
