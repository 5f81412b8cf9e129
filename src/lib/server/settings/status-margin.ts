import { eq } from 'drizzle-orm';
import { DEFAULT_STATUS_MARGIN, parseMargin } from '../../domain/status';
import type { Db } from '../db';
import { settings } from '../db/schema';

/**
 * The margin around targets: `CPAS_STATUS_MARGIN` overrides the product setting, which
 * overrides the default of 15 % (formats.md §3).
 */
export function statusMargin(db: Db): number {
	const fromEnv = process.env.CPAS_STATUS_MARGIN;
	if (fromEnv !== undefined && fromEnv.trim() !== '') {
		const m = parseMargin(fromEnv);
		if (m !== null) return m;
	}
	const stored = db.select().from(settings).where(eq(settings.key, 'status_margin')).get();
	if (stored) {
		const m = parseMargin(String(JSON.parse(stored.value)));
		if (m !== null) return m;
	}
	return DEFAULT_STATUS_MARGIN;
}
