// Starts the built app on a database made fresh for this test run.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bodySizeLimit } from '../../src/lib/server/settings/upload-limit.js';

const path = process.env.DATABASE_PATH;
// the sessions database beside it too (src/lib/server/db/sessions-db.ts names it)
const sessions = path?.replace(/(\.[^./]*)?$/, (ext) => `-sessions${ext || '.sqlite'}`);
for (const file of path ? [path, sessions] : []) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
// as scripts/start.js does: adapter-node reads it when it loads
process.env.BODY_SIZE_LIMIT ||= bodySizeLimit();
// imported by URL so that type checking does not wander into the build output
await import(pathToFileURL(resolve('build/index.js')).href);
