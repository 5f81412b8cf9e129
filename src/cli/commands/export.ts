import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import type { Db } from '../../lib/server/db';
import { exportKind } from '../../lib/server/exports/export-files';
import { UsageError, type ExitCode, type Output } from '../usage';

/** `cpas export observations [--indicator CODE]`, `export areas|framework|indicators` */
export async function exportCommand(
	db: Db,
	actor: Actor,
	args: string[],
	io: Output
): Promise<ExitCode> {
	const { values, positionals } = parseArgs({
		args,
		options: { indicator: { type: 'string' } },
		allowPositionals: true,
		strict: true
	});
	if (positionals.length !== 1) {
		throw new UsageError('export needs one kind: observations, areas, framework or indicators.');
	}
	const result = exportKind(db, actor, positionals[0]!, { indicator: values.indicator });
	if (!result.ok) {
		if (result.problem === 'bad_request') throw new UsageError(result.message);
		io.err(result.message);
		return 1;
	}
	for (const chunk of result.chunks) await io.write(chunk);
	return 0;
}
