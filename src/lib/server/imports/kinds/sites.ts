import { m } from '../../../paraglide/messages.js';
import { eq } from 'drizzle-orm';
import { SITE_COLUMNS } from '../../../domain/columns';
import {
	closedBeforeOpened,
	latitudeProblem,
	longitudeProblem,
	siteDateProblem
} from '../../../domain/sites';
import {
	SENSITIVITIES,
	SITE_TYPES,
	type Sensitivity,
	type SiteType
} from '../../../domain/vocabulary';
import { DB_NOW } from '../../clock';
import { siteHistory, sites } from '../../db/schema';
import { RowReader, addError } from '../row-reader';
import {
	conflictingRows,
	requireColumns,
	same,
	warnUnknownColumns,
	type KindImport
} from './context';

/** A site as a row of the file gives it; undefined: the column is absent (the stored value stays). */
interface SiteRow {
	line: number;
	code: string;
	name: string;
	type: SiteType;
	latitude: number;
	longitude: number;
	opened: string | null | undefined;
	closed: string | null | undefined;
	/** blank is the default, internal */
	sensitivity: Sensitivity | undefined;
}

type StoredSite = typeof sites.$inferSelect;

/** What a site is, as an import writes it and undo puts it back (site_history's `previous`). */
export const SITE_VERSION_COLUMNS = [
	'name',
	'type',
	'latitude',
	'longitude',
	'opened',
	'closed',
	'sensitivity'
] as const satisfies readonly (keyof StoredSite)[];

export type SiteVersion = Pick<StoredSite, (typeof SITE_VERSION_COLUMNS)[number]>;

/**
 * Imports where the mission stands (docs/formats.md "Sites: where the mission stands"): one row
 * per site by `site_code`; a new code adds a site, a known one is updated, its previous version
 * kept in site_history so that undoing the import gives it back. Sites a file does not name
 * stay as they are.
 */
export function importSites(ctx: KindImport): void {
	const { report } = ctx;
	if (!requireColumns(ctx, ['site_code', 'site_name', 'site_type', 'latitude', 'longitude']))
		return;
	warnUnknownColumns(ctx, new Set<string>(SITE_COLUMNS));

	const rows = readRows(ctx);
	const stored = new Map(
		ctx.db
			.select()
			.from(sites)
			.all()
			.map((s) => [s.code, s])
	);
	const versions = rows.map((row) => ({ row, next: nextVersion(row, stored.get(row.code)) }));
	for (const { row, next } of versions) {
		if (!next.opened || !next.closed) continue;
		const problem = closedBeforeOpened(next.opened, next.closed);
		// on the column the file gave: the stored date of an absent column is not the file's mistake
		if (problem && row.closed !== undefined) {
			addError(report, { line: row.line, column: 'closed', value: next.closed, message: problem });
		} else if (problem) {
			addError(report, { line: row.line, column: 'opened', value: next.opened, message: problem });
		}
	}
	if (report.errors.length > 0) return;
	for (const { row, next } of versions) writeSite(ctx, row, next, stored.get(row.code));
}

function readRows(ctx: KindImport): SiteRow[] {
	const { report } = ctx;
	const rows: SiteRow[] = [];
	const seen = new Map<string, { line: number; cells: string }>();
	const reportedLines = new Set<number>();
	for (const record of ctx.table.records) {
		report.rows++;
		const r = new RowReader(record, report, ctx.table);
		const code = r.required('site_code');
		const name = r.required('site_name');
		const type = r.required('site_type') && r.oneOf('site_type', SITE_TYPES);
		const latitude = r.number('latitude');
		const longitude = r.number('longitude');
		if (latitude === null && r.text('latitude') === null) r.required('latitude');
		if (longitude === null && r.text('longitude') === null) r.required('longitude');
		if (latitude != null) {
			const problem = latitudeProblem(r.text('latitude')!, latitude, longitude);
			if (problem) r.error('latitude', r.text('latitude')!, problem);
		}
		if (longitude != null) {
			const problem = longitudeProblem(r.text('longitude')!, longitude);
			if (problem) r.error('longitude', r.text('longitude')!, problem);
		}
		const opened = readDate(r, 'opened');
		const closed = readDate(r, 'closed');
		const sensitivity = r.oneOf('sensitivity', SENSITIVITIES);
		const linesErrors = report.errors.some((e) => e.line === r.line);
		if (!code || !name || !type || latitude == null || longitude == null || linesErrors) continue;

		const cells = JSON.stringify(record.values);
		const earlier = seen.get(code);
		if (earlier) {
			// an identical duplicate counts once; two descriptions of one site are a conflict
			if (earlier.cells !== cells) {
				conflictingRows(
					report,
					reportedLines,
					m.site_subject({ code }),
					{ line: r.line, column: 'site_code', value: code },
					{ line: earlier.line, value: code }
				);
			}
			continue;
		}
		seen.set(code, { line: r.line, cells });
		rows.push({
			line: r.line,
			code,
			name,
			type,
			latitude,
			longitude,
			opened,
			closed,
			// absent keeps the stored sensitivity, blank is the default
			sensitivity: sensitivity === null ? 'internal' : sensitivity
		});
	}
	return rows;
}

/** An ISO date, null when blank, undefined when the column is absent; a bad one is reported. */
function readDate(r: RowReader, column: 'opened' | 'closed'): string | null | undefined {
	const value = r.text(column);
	if (value == null) return value;
	const problem = siteDateProblem(value);
	if (problem) {
		r.error(column, value, problem);
		return null;
	}
	return value;
}

/** The site after this row: the file's values, and the stored ones of columns it lacks. */
function nextVersion(row: SiteRow, before: StoredSite | undefined): SiteVersion {
	return {
		name: row.name,
		type: row.type,
		latitude: row.latitude,
		longitude: row.longitude,
		opened: row.opened === undefined ? (before?.opened ?? null) : row.opened,
		closed: row.closed === undefined ? (before?.closed ?? null) : row.closed,
		sensitivity: row.sensitivity ?? before?.sensitivity ?? 'internal'
	};
}

function writeSite(
	ctx: KindImport,
	row: SiteRow,
	next: SiteVersion,
	before: StoredSite | undefined
): void {
	const { db, report, batchId, actor } = ctx;
	if (!before) {
		db.insert(sites)
			.values({ code: row.code, ...next, changedBy: actor.username, batchId })
			.run();
		report.inserted++;
		return;
	}
	if (SITE_VERSION_COLUMNS.every((c) => same(before[c], next[c]))) {
		report.unchanged++;
		return;
	}
	if (before.sensitivity === 'restricted' && next.sensitivity !== 'restricted') {
		report.warnings.push({
			line: row.line,
			column: 'sensitivity',
			value: row.sensitivity ?? '',
			message: m.site_sensitivity_lowered({ code: row.code, sensitivity: next.sensitivity })
		});
	}
	const previous = Object.fromEntries(SITE_VERSION_COLUMNS.map((c) => [c, before[c]]));
	db.insert(siteHistory)
		.values({
			siteId: before.id,
			previous: JSON.stringify(previous),
			previousBatchId: before.batchId,
			replacedByBatchId: batchId
		})
		.run();
	db.update(sites)
		.set({ ...next, changedBy: actor.username, changedAt: DB_NOW, batchId })
		.where(eq(sites.id, before.id))
		.run();
	report.updated++;
}
