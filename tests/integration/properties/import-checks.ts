/**
 * What every import must satisfy, whatever its files (formats.md §1.7): it never throws; it is
 * accepted, or refused with every error located (a line of the file, or null for a problem
 * not on one line; a column of the file or null; the value as text); a refusal or a dry run
 * leaves the database exactly as it was; and an accepted file imported again changes nothing.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { importFiles, type IncomingFile } from '../../../src/lib/server/imports/import-files';
import { normaliseHeader } from '../../../src/lib/server/imports/read-table';
import type { ImportIssue, ImportReport } from '../../../src/lib/server/imports/report';
import { freshDb, importBasic } from '../../helpers/db';

/** Every table's rows, hashed: equal hashes mean nothing was written. */
export function databaseHash(db: Db): string {
	const hash = createHash('sha256');
	const tables = db.$client
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
		.pluck()
		.all() as string[];
	for (const table of tables) {
		hash.update(table);
		for (const row of db.$client.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
			hash.update(JSON.stringify(row));
		}
	}
	return hash.digest('hex');
}

/**
 * A database holding a small mission (tests/fixtures/basic), reused by a property's cases and
 * made afresh every so often, so the cases stay cheap while accepted files pile up in it.
 */
export class MissionDb {
	private db: Db | null = null;
	private uses = 0;

	constructor(private readonly renewEvery = 200) {}

	async get(): Promise<Db> {
		if (!this.db || this.uses++ >= this.renewEvery) {
			this.db?.$client.close();
			this.db = freshDb();
			await importBasic(this.db);
			this.uses = 1;
		}
		return this.db;
	}
}

/** What is known of a file to check where its errors point. */
export interface FileFacts {
	file: IncomingFile;
	/** the lines a record-level error may name (the header's and the data records'), if known */
	lines?: ReadonlySet<number>;
	/** the header as generated (raw), if known */
	header?: readonly string[];
	/**
	 * The kind's contract columns: an error may name one the file lacks (a missing required
	 * column, the denominator a numerator needs, the parent an impact needs)
	 */
	contract?: readonly string[];
}

/** An upper bound of a file's lines: its line-break bytes, plus one. */
function lineBound(bytes: Uint8Array): number {
	let n = 1;
	for (const b of bytes) if (b === 0x0a || b === 0x0d) n++;
	return n;
}

export function expectLocated(error: ImportIssue, facts: FileFacts): void {
	const where = JSON.stringify(error);
	expect(typeof error.message, where).toBe('string');
	expect(error.message.trim(), where).not.toBe('');
	expect(error.message, where).not.toMatch(/\n\s+at |TypeError|ReferenceError|SQLITE_/);
	expect(error.value === null || typeof error.value === 'string', where).toBe(true);
	if (error.line !== null) {
		expect(Number.isInteger(error.line), where).toBe(true);
		expect(error.line, where).toBeGreaterThanOrEqual(1);
		expect(error.line, where).toBeLessThanOrEqual(lineBound(facts.file.bytes));
		if (facts.lines) expect(error.line === 1 || facts.lines.has(error.line), where).toBe(true);
	}
	if (error.column !== null) {
		expect(typeof error.column, where).toBe('string');
		if (facts.header) {
			const headers = new Set(facts.header.map(normaliseHeader));
			const named =
				headers.has(normaliseHeader(error.column)) || (facts.contract ?? []).includes(error.column);
			expect(named, where).toBe(true);
		}
	}
}

export interface Outcome {
	report: ImportReport;
	accepted: boolean;
}

/**
 * Imports the files (a dry run, or not) against the database and checks every rule above.
 * Never throws unless a rule is broken.
 */
export async function importChecked(db: Db, facts: FileFacts[], dryRun = false): Promise<Outcome> {
	const before = databaseHash(db);
	const files = facts.map((f) => f.file);
	const report = await importFiles(db, LOCAL_ADMINISTRATOR, files, { dryRun });
	expect(report.files).toHaveLength(files.length);
	report.files.forEach((f, i) => {
		for (const error of f.errors) expectLocated(error, facts[i]!);
		for (const warning of f.warnings) expect(warning.message).toMatch(/\w/);
		expect(f.errors.length === 0 || f.batchId === undefined).toBe(true);
	});
	expect(report.ok).toBe(report.files.every((f) => f.errors.length === 0));
	if (!report.ok || dryRun) {
		expect(databaseHash(db), 'a refusal or a dry run wrote nothing').toBe(before);
		return { report, accepted: false };
	}
	const again = await importFiles(db, LOCAL_ADMINISTRATOR, files);
	expect(again.ok, JSON.stringify(again.files.map((f) => f.errors))).toBe(true);
	for (const f of again.files) expect([f.file, f.inserted, f.updated]).toEqual([f.file, 0, 0]);
	return { report, accepted: true };
}
