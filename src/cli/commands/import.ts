import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { m } from '../../lib/paraglide/messages.js';
import type { Actor } from '../../lib/server/actor';
import type { Db } from '../../lib/server/db';
import type { WriteHolder } from '../../lib/server/db/write-turn';
import { importFiles } from '../../lib/server/imports/import-files';
import { importLists } from '../../lib/server/lists/import-lists';
import { importBoundaries, type BoundariesReport } from '../../lib/server/maps/import-boundaries';
import { emptyReport, type FileReport, type ImportReport } from '../../lib/server/imports/report';
import { sourceFromPath, type FileSource } from '../../lib/server/imports/source';
import { UsageError, type ExitCode, type Output } from '../usage';

/**
 * `cpas import [--source NAME] FILE... [--dry-run] [--json]`, and
 * `cpas import boundaries FILE --match PROPERTY [--dry-run] [--json]`.
 */
export async function importCommand(
	db: Db,
	actor: Actor,
	args: string[],
	io: Output
): Promise<ExitCode> {
	if (args[0] === 'boundaries') return boundariesCommand(db, actor, args.slice(1), io);
	const { values, positionals } = parseArgs({
		args,
		options: {
			'dry-run': { type: 'boolean' },
			json: { type: 'boolean' },
			source: { type: 'string' }
		},
		allowPositionals: true,
		strict: true
	});
	if (positionals.length === 0) throw new UsageError(m.impmsg_cli_import_no_file());
	const dryRun = values['dry-run'] ?? false;

	const sources: FileSource[] = [];
	const unreadable = new Map<string, FileReport>();
	for (const path of positionals) {
		try {
			sources.push(sourceFromPath(path));
		} catch (e) {
			const reason = unreadableMessage(path, e);
			const report = emptyReport(path);
			report.errors.push({
				line: null,
				column: null,
				value: path,
				message: reason
			});
			unreadable.set(path, report);
		}
	}
	// A file that cannot be read refuses the whole call; the others are still checked.
	const options = {
		dryRun: dryRun || unreadable.size > 0,
		via: 'command line',
		// on stderr, so that --json keeps stdout one JSON object
		onWait: (holder: WriteHolder | null) => io.err(waitingMessage(holder))
	};
	const source = values.source;
	if (source !== undefined && source.trim() === '')
		throw new UsageError(m.impmsg_cli_source_blank());
	const result =
		source === undefined
			? await importFiles(db, actor, sources, options)
			: await importLists(db, actor, source, sources, options);
	const read = [...result.files];
	const report: ImportReport = {
		ok: result.ok && unreadable.size === 0,
		dryRun,
		files: positionals.map((path) => unreadable.get(path) ?? read.shift()!)
	};
	io.out(values.json ? JSON.stringify(report) : describe(report));
	return report.ok ? 0 : 1;
}

/** Said once when another process's import holds the database: this one waits its turn. */
export function waitingMessage(holder: WriteHolder | null): string {
	if (!holder) return m.impmsg_cli_waiting();
	const at = new Date(holder.startedAt);
	const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
	const who = { file: holder.file, user: holder.user, time };
	return holder.via === 'server'
		? m.impmsg_cli_waiting_server(who)
		: m.impmsg_cli_waiting_command_line(who);
}

/** Why a file named on the command line cannot be read, in the reader's words. */
function unreadableMessage(path: string, e: unknown): string {
	const code = (e as NodeJS.ErrnoException).code;
	return code === 'ENOENT'
		? m.impmsg_cli_file_missing({ path })
		: code === 'EISDIR'
			? m.impmsg_cli_file_is_folder({ path })
			: m.impmsg_cli_file_unreadable({ path });
}

/** `cpas import boundaries FILE --match PROPERTY [--dry-run] [--json]` (formats.md "Boundaries") */
function boundariesCommand(db: Db, actor: Actor, args: string[], io: Output): ExitCode {
	const { values, positionals } = parseArgs({
		args,
		options: {
			match: { type: 'string' },
			'dry-run': { type: 'boolean' },
			json: { type: 'boolean' }
		},
		allowPositionals: true,
		strict: true
	});
	if (positionals.length !== 1) throw new UsageError(m.bnd_cli_one_file());
	const match = values.match?.trim() ?? '';
	if (match === '') throw new UsageError(m.bnd_cli_match_needed());
	const path = positionals[0]!;
	const dryRun = values['dry-run'] ?? false;
	let report: BoundariesReport;
	try {
		const bytes = readFileSync(path);
		report = importBoundaries(db, actor, { name: basename(path), bytes }, { match, dryRun });
	} catch (e) {
		if (!(e as NodeJS.ErrnoException).code) throw e;
		const message = unreadableMessage(path, e);
		report = {
			ok: false,
			dryRun,
			file: basename(path),
			match,
			matched: [],
			unmatchedFeatures: [],
			areasWithout: [],
			errors: [{ feature: null, value: null, message }]
		};
	}
	io.out(values.json ? JSON.stringify(report) : describeBoundaries(report));
	return report.ok ? 0 : 1;
}

/** The boundaries report in words: counts, the lists, the refusals, then the verdict. */
function describeBoundaries(r: BoundariesReport): string {
	const count = (n: number) => ({ count: n, n: String(n) });
	const lines: string[] = [
		(r.dryRun ? m.bnd_cli_would_match : m.bnd_cli_matched)({
			file: r.file,
			match: r.match,
			...count(r.matched.length)
		})
	];
	if (r.unmatchedFeatures.length > 0) {
		lines.push(m.bnd_cli_unmatched_heading(count(r.unmatchedFeatures.length)));
		for (const f of r.unmatchedFeatures) {
			lines.push('  ' + m.bnd_cli_feature({ feature: String(f.feature), value: f.value }));
		}
	}
	if (r.areasWithout.length > 0) {
		lines.push(m.bnd_cli_areas_without_heading(count(r.areasWithout.length)));
		for (const a of r.areasWithout) lines.push(`  ${a.code} ${a.name}`);
	}
	for (const e of r.errors) {
		const where =
			e.feature === null
				? null
				: e.value === null
					? m.bnd_cli_at_feature({ feature: String(e.feature) })
					: m.bnd_cli_at_feature_value({ feature: String(e.feature), value: e.value });
		lines.push(
			'  ' +
				m.impmsg_cli_error({
					issue: where ? m.impmsg_cli_located({ where, message: e.message }) : e.message
				})
		);
	}
	lines.push(r.ok ? (r.dryRun ? m.bnd_cli_dry_run() : m.bnd_cli_imported()) : m.bnd_cli_refused());
	return lines.join('\n');
}

function describe(report: ImportReport): string {
	const lines: string[] = [];
	for (const f of report.files) {
		const counts = {
			file: f.file,
			kind: f.kind ?? m.impmsg_cli_unrecognised(),
			rows: String(f.rows),
			inserted: String(f.inserted),
			updated: String(f.updated),
			unchanged: String(f.unchanged)
		};
		lines.push(
			f.removed === undefined
				? m.impmsg_cli_file_line(counts)
				: m.impmsg_cli_file_line_removed({ ...counts, removed: String(f.removed) })
		);
		for (const r of f.rules ?? []) {
			lines.push(
				'  ' +
					m.impmsg_cli_rule_line({
						indicator: r.indicator,
						matched: String(r.matched),
						figures: String(r.figures)
					})
			);
		}
		for (const w of f.warnings) lines.push('  ' + m.impmsg_cli_warning({ issue: located(w) }));
		for (const e of f.errors) lines.push('  ' + m.impmsg_cli_error({ issue: located(e) }));
		const hidden = (f.errorCount ?? f.errors.length) - f.errors.length;
		if (hidden > 0)
			lines.push('  ' + m.impmsg_cli_more_errors({ count: hidden, n: String(hidden) }));
	}
	if (!report.ok) lines.push(m.impmsg_cli_refused());
	else if (report.dryRun) lines.push(m.impmsg_cli_dry_run());
	else lines.push(m.impmsg_cli_imported());
	return lines.join('\n');
}

/** `line 4, column value, value "x": message` — where a problem is, then what it is. */
function located(i: {
	line: number | null;
	column: string | null;
	value: string | null;
	message: string;
}): string {
	const parts: string[] = [];
	if (i.line !== null) parts.push(m.impmsg_cli_at_line({ line: String(i.line) }));
	if (i.column) parts.push(m.impmsg_cli_at_column({ column: i.column }));
	if (i.value) parts.push(m.impmsg_cli_at_value({ value: i.value }));
	return parts.length
		? m.impmsg_cli_located({ where: parts.join(', '), message: i.message })
		: i.message;
}
