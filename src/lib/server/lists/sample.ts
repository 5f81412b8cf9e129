/**
 * A sample of a source's list, read to offer its columns and values in the rules editor: the
 * planner picks `where` conditions from what the list holds rather than typing them. Only the
 * header and a bounded set of short distinct values per column are kept, in the answer to the
 * planner and nowhere else; the upload is read through the workspace's own readers (a CSV
 * file, or the first sheet of a workbook) and deleted as soon as it has been read.
 */
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { normaliseHeader } from '../imports/read-table';
import { isPersonalDataHeader } from '../imports/personal-data';
import { readStaged } from '../imports/workspace/read-staged';
import { stageFile } from '../imports/workspace/stage-file';
import { dropStaged } from '../imports/workspace/staging';
import { authorize } from '../permissions';

/** One column of a sample: its header, and its values when they are few and short. */
export interface SampleColumn {
	name: string;
	/** distinct values, sorted; empty when the column is not one to pick values from */
	values: string[];
	/** more distinct values than are offered (a date, an id, free text): not offered */
	many: boolean;
}

export interface ListSample {
	file: string;
	/** rows read (at most SAMPLE_ROWS) */
	rows: number;
	columns: SampleColumn[];
}

/** Rows read: enough to see a list's categories, few enough to answer at once. */
export const SAMPLE_ROWS = 5000;
/** A column with more distinct values than this is not a category to pick from. */
export const VALUES_PER_COLUMN = 40;
/** Longer values are text, not categories. */
const VALUE_CHARS = 80;
/** Columns offered. */
export const SAMPLE_COLUMNS = 200;

export type SampleResult = { ok: true; sample: ListSample } | { ok: false; message: string };

export async function readSample(
	db: Db,
	actor: Actor,
	name: string,
	bytes: Uint8Array
): Promise<SampleResult> {
	authorize(actor, 'import');
	const staged = await stageFile(db, actor, name, bytes);
	if ('message' in staged) return { ok: false, message: staged.message };
	try {
		const headers: string[] = [];
		const sets: Set<string>[] = [];
		const many: boolean[] = [];
		let rows = 0;
		const problem = await readStaged(
			{ ...staged, sheet: staged.sheets[0] ?? null },
			{
				header(header) {
					headers.push(...header.rawHeaders.slice(0, SAMPLE_COLUMNS));
					// a personal-data column's values are never offered
					headers.forEach((h) => {
						sets.push(new Set());
						many.push(isPersonalDataHeader(normaliseHeader(h)));
					});
				},
				record(record) {
					if (++rows > SAMPLE_ROWS) return;
					record.values.slice(0, headers.length).forEach((raw, i) => {
						const value = raw.trim();
						if (value === '' || many[i]) return;
						if (value.length > VALUE_CHARS) many[i] = true;
						else sets[i]!.add(value);
						if (sets[i]!.size > VALUES_PER_COLUMN) many[i] = true;
					});
				}
			}
		);
		if (problem) return { ok: false, message: problem.message };
		if (headers.length === 0) return { ok: false, message: m.impmsg_list_no_header({ name }) };
		return {
			ok: true,
			sample: {
				file: name,
				rows: Math.min(rows, SAMPLE_ROWS),
				columns: headers.map((h, i) => ({
					name: h,
					values: many[i] ? [] : [...sets[i]!].sort((a, b) => a.localeCompare(b)),
					many: many[i]!
				}))
			}
		};
	} finally {
		await dropStaged(staged.id);
	}
}
