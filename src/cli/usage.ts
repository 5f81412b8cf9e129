/** A mistake in how the command was called: exit code 2 (formats.md §3). */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export const USAGE = `Usage: npm run --silent cpas -- COMMAND [ARGS]

Commands:
  import FILE... [--dry-run] [--json]
      Import CSV files (areas, framework, indicators, observations; the kind is
      recognised from the header). All files are applied in one transaction:
      all or nothing. --dry-run reports what would change and writes nothing.
  series INDICATOR_CODE [--area CODE] [--from PERIOD] [--to PERIOD]
         [--by month|quarter|half|year|fy] [--verified-only] [--json]
      The series a chart of the indicator shows, with targets and status.
  export observations [--indicator CODE]
  export areas | framework | indicators
      CSV on stdout in the import format: importing it back changes nothing.
  report rbb BUDGET_YEAR --format xlsx|csv|html [--out FILE]
      The results-based budget performance report of a budget year (e.g.
      FY2024/25): issued figures once issued, else today's. csv and html go to
      stdout without --out; xlsx needs --out.
  help
      This text.

The database is $DATABASE_PATH (default data/cpas.sqlite), created on first use.
Exit codes: 0 success, 1 refused or not found (nothing written), 2 usage error.`;

/** What a command hands back: the exit code; output is already written. */
export type ExitCode = 0 | 1 | 2;

export interface Output {
	/** a line (or lines) of output */
	out: (text: string) => void;
	err: (text: string) => void;
	/** raw text, for large output; resolves when it may be written again (backpressure) */
	write: (chunk: string) => void | Promise<void>;
}
