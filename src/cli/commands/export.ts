import { m } from '../../lib/paraglide/messages.js';
import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import type { Db } from '../../lib/server/db';
import { exportKind } from '../../lib/server/exports/export-files';
import { UsageError, type ExitCode, type Output } from '../usage';

/**
 * `cpas export observations [--indicator CODE] [--suppress-small-cells]`, `export
 * areas|framework|indicators|rules|sites`. The command's contract is the import format, which `import`
 * takes back unchanged (formats.md §3): so the command line — a cleared local administrator —
 * writes figures as stored, which is asking for raw figures. `--suppress-small-cells` writes
 * small cells of restricted indicators `<5`, as the web exports do, for a file that leaves the
 * mission. `--raw` is accepted and changes nothing. `--hxl` (any kind) adds the HXL hashtag row
 * under the header (docs/formats.md "HXL"); `import` reads it as tags, so the file still
 * imports back unchanged.
 */
export async function exportCommand(
	db: Db,
	actor: Actor,
	args: string[],
	io: Output
): Promise<ExitCode> {
	const { values, positionals } = parseArgs({
		args,
		options: {
			indicator: { type: 'string' },
			raw: { type: 'boolean' },
			'suppress-small-cells': { type: 'boolean' },
			hxl: { type: 'boolean' }
		},
		allowPositionals: true,
		strict: true
	});
	if (positionals.length !== 1) {
		throw new UsageError(m.impmsg_cli_export_one_kind());
	}
	const kind = positionals[0]!;
	if (values['suppress-small-cells'] && kind !== 'observations') {
		throw new UsageError(m.impmsg_cli_export_suppress_observations());
	}
	const result = exportKind(db, actor, kind, {
		indicator: values.indicator,
		// raw unless asked otherwise, for observations; other kinds have no figures to hide
		raw: kind === 'observations' ? !values['suppress-small-cells'] : values.raw,
		hxl: values.hxl
	});
	if (!result.ok) {
		if (result.problem === 'bad_request') throw new UsageError(result.message);
		io.err(result.message);
		return 1;
	}
	for (const chunk of result.chunks) await io.write(chunk);
	return 0;
}
