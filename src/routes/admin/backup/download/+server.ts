import { error } from '@sveltejs/kit';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { backupTo } from '$lib/server/backup/backup';
import { appDb } from '$lib/server/db/app-db';
import { can } from '$lib/server/permissions';
import type { RequestHandler } from './$types';

/**
 * A backup of the whole database, downloaded: the same copy `cpas backup` writes, taken into
 * a temporary folder beside the database (it may be large; the system's temporary folder may
 * be small) and removed once sent.
 */
export const GET: RequestHandler = async ({ locals }) => {
	if (!can(locals.actor, 'administer')) error(403, 'Only administrators may take a backup.');
	const db = appDb();
	const folder = mkdtempSync(join(dirname(resolve(db.$client.name)), '.download-'));
	const name = `cpas-backup-${new Date().toISOString().slice(0, 16).replace(':', '')}Z.sqlite`;
	const file = join(folder, name);
	const result = await backupTo(db, locals.actor, file, 'backup.download');
	if (!result.ok) {
		rmSync(folder, { recursive: true, force: true });
		error(500, result.reason);
	}
	const stream = createReadStream(file);
	stream.on('close', () => rmSync(folder, { recursive: true, force: true }));
	return new Response(Readable.toWeb(stream) as ReadableStream, {
		headers: {
			'content-type': 'application/vnd.sqlite3',
			'content-length': String(result.bytes),
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
