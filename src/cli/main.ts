/** Entry point of `npm run cpas`; the work is in run.ts so tests can call it in-process. */
import { run } from './run';
import type { Output } from './usage';

const io: Output = {
	out: (text) => process.stdout.write(text + '\n'),
	err: (text) => process.stderr.write(text + '\n'),
	write: (chunk) =>
		process.stdout.write(chunk)
			? undefined
			: new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())),
	readInput: async () => {
		const chunks: Buffer[] = [];
		for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8');
	}
};
process.exitCode = await run(process.argv.slice(2), io);
