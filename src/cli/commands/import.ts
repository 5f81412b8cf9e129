import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import type { Db } from '../../lib/server/db';
import type { WriteHolder } from '../../lib/server/db/write-turn';
import { importFiles } from '../../lib/server/imports/import-files';
import { importLists } from '../../lib/server/lists/import-lists';
import { emptyReport, type FileReport, type ImportReport } from '../../lib/server/imports/report';
import { sourceFromPath, type FileSource } from '../../lib/server/imports/source';
import { UsageError, type ExitCode, type Output } from '../usage';

/** `cpas import [--source NAME] FILE... [--dry-run] [--json]` */
export async function importCommand(
	db: Db,
	actor: Actor,
	args: string[],
	io: Output
): Promise<ExitCode> {
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
	if (positionals.length === 0) throw new UsageError('import needs at least one FILE.');
	const dryRun = values['dry-run'] ?? false;

	const sources: FileSource[] = [];
	const unreadable = new Map<string, FileReport>();
	for (const path of positionals) {
		try {
			sources.push(sourceFromPath(path));
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			const reason =
				code === 'ENOENT'
					? 'there is no such file'
					: code === 'EISDIR'
						? 'it is a folder, not a file'
						: 'it cannot be read';
			const report = emptyReport(path);
			report.errors.push({
				line: null,
				column: null,
				value: path,
				message: `File ${path}: ${reason}.`
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
	if (source !== undefined && source.trim() === '') throw new UsageError('--source needs a NAME.');
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
	if (!holder) return 'Waiting for another import to finish (the database is being written)…';
	const at = new Date(holder.startedAt);
	const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
	return `Waiting for another import to finish (${holder.file} by ${holder.user}, from the ${holder.via}, started ${time})…`;
}

function describe(report: ImportReport): string {
	const lines: string[] = [];
	for (const f of report.files) {
		const removed = f.removed === undefined ? '' : `, ${f.removed} removed`;
		lines.push(
			`${f.file}: ${f.kind ?? 'unrecognised'}, ${f.rows} rows — ${f.inserted} inserted, ${f.updated} updated, ${f.unchanged} unchanged${removed}`
		);
		for (const r of f.rules ?? []) {
			lines.push(`  rule → ${r.indicator}: ${r.matched} rows matched, ${r.figures} figures`);
		}
		for (const w of f.warnings) lines.push(`  warning: ${where(w)}${w.message}`);
		for (const e of f.errors) lines.push(`  error: ${where(e)}${e.message}`);
		const hidden = (f.errorCount ?? f.errors.length) - f.errors.length;
		if (hidden > 0) lines.push(`  … and ${hidden} more errors`);
	}
	if (!report.ok)
		lines.push('Refused: nothing was written. Correct the errors above and import again.');
	else if (report.dryRun) lines.push('Dry run: the files are valid; nothing was written.');
	else lines.push('Imported.');
	return lines.join('\n');
}

function where(i: { line: number | null; column: string | null; value: string | null }): string {
	const parts: string[] = [];
	if (i.line !== null) parts.push(`line ${i.line}`);
	if (i.column) parts.push(`column ${i.column}`);
	if (i.value) parts.push(`value "${i.value}"`);
	return parts.length ? `${parts.join(', ')}: ` : '';
}
