import { EncodingSniffer, createDecoder } from '../../src/lib/server/imports/decode';
import {
	streamRecords,
	type CsvRecord,
	type TableHeader
} from '../../src/lib/server/imports/read-table';
import type { ImportIssue } from '../../src/lib/server/imports/report';
import { sourceFromBytes } from '../../src/lib/server/imports/source';

/** Bytes decoded as the importer decides and decodes them (sniffer, then decoder). */
export function decodeAll(
	bytes: Uint8Array
): { ok: true; text: string } | { ok: false; message: string } {
	const sniffer = new EncodingSniffer();
	sniffer.push(bytes);
	const sniffed = sniffer.result();
	if (!sniffed.ok) return sniffed;
	return {
		ok: true,
		text: createDecoder(sniffed.encoding)(bytes.subarray(sniffed.bomLength), true)
	};
}

/** A UTF-8 text read through the importer's own streaming path: header and records. */
export async function readAll(
	text: string
): Promise<
	{ ok: true; header: TableHeader; records: CsvRecord[] } | { ok: false; issue: ImportIssue }
> {
	let header: TableHeader | null = null;
	const records: CsvRecord[] = [];
	const issue = await streamRecords(
		sourceFromBytes('t.csv', new TextEncoder().encode(text)),
		'utf-8',
		0,
		{
			header: (h) => {
				header = h;
				return null;
			},
			record: (r) => {
				records.push(r);
			}
		}
	);
	return issue ? { ok: false, issue } : { ok: true, header: header!, records };
}

/** A record as an object keyed by normalised header, for readable assertions. */
export function cellsOf(header: TableHeader, record: CsvRecord): Record<string, string> {
	const cells: Record<string, string> = {};
	for (const [name, i] of header.index) cells[name] = record.values[i] ?? '';
	return cells;
}
