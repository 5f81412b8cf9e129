/**
 * What the settings page shows: each setting as stored, what statuses use now, and where that
 * comes from when `CPAS_STATUS_MARGIN` overrides the stored margin.
 */
import { DEFAULT_STATUS_MARGIN } from '../../domain/status';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { authorize } from '../permissions';
import { publicViewOn } from './public-view';
import { smallCellThreshold } from './small-cells';
import {
	marginPercent,
	statusMargin,
	statusMarginFromEnv,
	storedStatusMargin
} from './status-margin';
import { uploadLimitMb } from './upload-limit.js';

export function settingsOverview(db: Db, actor: Actor, env = process.env) {
	authorize(actor, 'administer');
	const envMargin = env.CPAS_STATUS_MARGIN?.trim() || null;
	return {
		smallCellThreshold: smallCellThreshold(db),
		marginPercent: marginPercent(storedStatusMargin(db) ?? DEFAULT_STATUS_MARGIN),
		/** what statuses use now: the environment variable, when set, wins over the setting */
		effectivePercent: marginPercent(statusMargin(db)),
		envMargin,
		envMarginUsable: envMargin !== null && statusMarginFromEnv(env) !== null,
		defaultPercent: marginPercent(DEFAULT_STATUS_MARGIN),
		uploadLimitMb: uploadLimitMb(),
		publicView: publicViewOn(db)
	};
}
