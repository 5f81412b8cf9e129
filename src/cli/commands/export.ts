import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import type { Db } from '../../lib/server/db';
import { exportKind } from '../../lib/server/exports/export-files';
import { UsageError, type ExitCode, type Output } from '../usage';

/**
 * `cpas export observations [--indicator CODE] [--raw]`, `export areas|framework|indicators`.
 * `--raw` writes small cells of restricted indicators as stored (the command line's actor is
 * cleared); without it they are written `<5`, as every export does.
 */
export async function exportCommand(
	db: Db,
	actor: Actor,
	args: string[],
	io: Output
): Promise<ExitCode> {
	const { values, positionals } = parseArgs({
		args,
		options: { indicator: { type: 'string' }, raw: { type: 'boolean' } },
		allowPositionals: true,
		strict: true
	});
	if (positionals.length !== 1) {
		throw new UsageError('export needs one kind: observations, areas, framework or indicators.');
	}
	const result = exportKind(db, actor, positionals[0]!, {
		indicator: values.indicator,
		raw: values.raw
	});
	if (!result.ok) {
		if (result.problem === 'bad_request') throw new UsageError(result.message);
		io.err(result.message);
		return 1;
	}
	for (const chunk of result.chunks) await io.write(chunk);
	return 0;
}
