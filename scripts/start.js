// `npm start`: builds the app when the build is missing or older than the sources, then serves
// it with sensible local defaults (PORT 3000, ORIGIN http://localhost:PORT, a request body limit
// to go with CPAS_UPLOAD_LIMIT_MB).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bodySizeLimit } from '../src/lib/server/settings/upload-limit.js';

const BUILD = 'build/handler.js';

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
		if (t > newest) newest = t;
	}
	return newest;
}

const sources = Math.max(
	...['src', 'static', 'drizzle', 'messages'].map(newestMtime),
	...[
		'svelte.config.js',
		'vite.config.ts',
		'package-lock.json',
		'project.inlang/settings.json'
	].map((f) => statSync(f).mtimeMs)
);
if (!existsSync(BUILD) || statSync(BUILD).mtimeMs < sources) {
	console.log('Building the app (first start, or the sources changed)…');
	execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
}

process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
process.env.BODY_SIZE_LIMIT ||= bodySizeLimit();
const host = process.env.HOST || '0.0.0.0';
console.log(`CPAS dashboard on http://localhost:${process.env.PORT} (listening on ${host})`);
await import(pathToFileURL(resolve('build/index.js')).href);
