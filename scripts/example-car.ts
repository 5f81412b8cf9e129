// `npm run example:car` (README "A real-data example"): builds the Central African Republic
// example — public data only — in a database of its own, then starts the app on it exactly as
// `npm start` does (scripts/start.js).
//
// The database (data/example-car.sqlite) is built on the first run and reused afterwards, with
// whatever was changed in it since; `--rebuild` builds it afresh. A database whose build was
// interrupted is not the example yet (its flag is set last) and is rebuilt.
// Usage: npm run example:car [-- --rebuild]

import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { LOCAL_ADMINISTRATOR } from '../src/lib/server/actor';
import { createDb } from '../src/lib/server/db';
import { sessionsPathFor } from '../src/lib/server/db/sessions-db';
import { createDemoAccounts, demoPassword } from '../src/lib/server/demo/demo-accounts';
import { loadCarExample } from '../src/lib/server/example/car';
import { isCarExample } from '../src/lib/server/example/car-flag';

const DATABASE = 'data/example-car.sqlite';
/** The example's data: the one copy in the repository, with its attribution (README.md there). */
const DATA = 'tests/fixtures/real';
const USAGE = 'usage: npm run example:car [-- --rebuild]';

const args = process.argv.slice(2);
if (args.some((a) => a !== '--rebuild')) {
	console.error(args.includes('--help') ? USAGE : `unexpected argument\n${USAGE}`);
	process.exit(args.includes('--help') ? 0 : 2);
}

function isBuilt(): boolean {
	if (!existsSync(DATABASE)) return false;
	const db = createDb(DATABASE);
	try {
		return isCarExample(db);
	} finally {
		db.$client.close();
	}
}

async function build(): Promise<void> {
	for (const path of [DATABASE, sessionsPathFor(DATABASE)]) {
		for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
	}
	const started = Date.now();
	const db = createDb(DATABASE);
	try {
		const report = await loadCarExample(db, LOCAL_ADMINISTRATOR, DATA);
		if (!report.ok) {
			const refused = [
				...report.imports.files.flatMap((f) => f.errors.map((e) => `${f.file}: ${e.message}`)),
				...(report.boundaries?.errors.map((e) => `${report.boundaries!.file}: ${e.message}`) ?? [])
			];
			throw new Error(`The example could not be built:\n  ${refused.slice(0, 10).join('\n  ')}`);
		}
		await createDemoAccounts(db);
		const figures = report.imports.files.reduce((n, f) => n + f.inserted, 0);
		console.log(
			`Built ${DATABASE} in ${Date.now() - started} ms: ${report.boundaries?.matched.length} outlines, ${figures} rows and figures.`
		);
	} finally {
		db.$client.close();
	}
}

if (args.includes('--rebuild') || !isBuilt()) {
	console.log(`Building the CAR example from ${DATA} (UCDP GED, geoBoundaries)…`);
	try {
		await build();
	} catch (e) {
		console.error((e as Error).message);
		process.exit(1);
	}
} else {
	console.log(`Reusing ${DATABASE} (npm run example:car -- --rebuild builds it afresh).`);
}

const port = process.env.PORT || '3000';
console.log(
	`Sign in at http://localhost:${port}/login as admin, password ${demoPassword('admin')} (or any demo account of the README).`
);
const app = spawn(process.execPath, ['scripts/start.js'], {
	stdio: 'inherit',
	// the example's database; the fictional demo never loads into it
	env: { ...process.env, DATABASE_PATH: DATABASE, CPAS_DEMO: '0' }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => app.kill(signal));
}
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
