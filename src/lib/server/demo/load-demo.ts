import { count, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { results, settings } from '../db/schema';
import { importFiles } from '../imports/import-files';
import type { ImportReport } from '../imports/report';
import { generateDemoMission } from './generate';

const DEMO_FLAG = 'demo_mission';

/**
 * Loads the fictional demo mission through the importer — the same path a planner's files
 * take — when the database holds no framework yet. Returns the import report, or null when
 * nothing was loaded.
 */
export async function loadDemoIfEmpty(db: Db, actor: Actor): Promise<ImportReport | null> {
	const [{ n }] = db.select({ n: count() }).from(results).all() as [{ n: number }];
	if (n > 0) return null;
	const encoder = new TextEncoder();
	const files = generateDemoMission().map((f) => ({
		name: f.name,
		bytes: encoder.encode(f.content)
	}));
	const report = await importFiles(db, actor, files);
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
