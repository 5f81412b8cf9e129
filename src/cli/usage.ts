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
  help
      This text.

The database is $DATABASE_PATH (default data/cpas.sqlite), created on first use.
Exit codes: 0 success, 1 refused or not found (nothing written), 2 usage error.`;

/** What a command hands back: the exit code; output is already written. */
export type ExitCode = 0 | 1 | 2;

export interface Output {
	out: (text: string) => void;
	err: (text: string) => void;
}
