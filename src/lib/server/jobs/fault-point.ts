import { writeFileSync } from 'node:fs';

/**
 * Where the fault suite (`npm run test:faults`) kills an import: with CPAS_FAULT_AT=<name> the
 * import stops at that point, says so in the file CPAS_FAULT_SIGNAL, and waits there to be
 * killed (SIGKILL) — or, with CPAS_FAULT_HOLD_MS, holds that long and goes on (a long import,
 * for the tests of imports waiting their turn), or with CPAS_FAULT_EXIT ends its thread there
 * (a job thread that dies). Without the variable it costs one comparison.
 */
export type FaultPoint = 'parse' | 'write' | 'commit';

export function faultPoint(name: FaultPoint): void {
	if (process.env.CPAS_FAULT_AT !== name) return;
	const signal = process.env.CPAS_FAULT_SIGNAL;
	if (signal) writeFileSync(signal, name);
	if (process.env.CPAS_FAULT_EXIT) process.exit(70);
	// hold this thread (and the transaction) until the test kills the process
	const hold = Number(process.env.CPAS_FAULT_HOLD_MS) || 120_000;
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, hold);
}
