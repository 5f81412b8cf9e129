/**
 * Whether the database is the real-data example (README "A real-data example"): pages then show
 * the attribution its CC BY 4.0 data asks for. A setting, like the demo mission's flag.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { settings } from '../db/schema';

const CAR_EXAMPLE_FLAG = 'car_example';

export function isCarExample(db: Db): boolean {
	return (
		db.select().from(settings).where(eq(settings.key, CAR_EXAMPLE_FLAG)).get()?.value === 'true'
	);
}

export function markCarExample(db: Db): void {
	db.insert(settings)
		.values({ key: CAR_EXAMPLE_FLAG, value: 'true' })
		.onConflictDoUpdate({ target: settings.key, set: { value: 'true' } })
		.run();
}
