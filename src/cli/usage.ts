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
      Import CSV files (areas, framework, indicators, rules, observations; the
      kind is recognised from the header). All files are applied in one
      transaction: all or nothing. --dry-run reports what would change and
      writes nothing.
  import --source NAME FILE... [--dry-run] [--json]
      Import lists (an incident log, a survey export, an alert register; CSV or
      xlsx) of source NAME: its rules turn the rows into figures, and the rows
      are never kept. Files apply one after another in one transaction.
  series INDICATOR_CODE [--area CODE] [--from PERIOD] [--to PERIOD]
         [--by month|quarter|half|year|fy] [--verified-only] [--json]
      The series a chart of the indicator shows, with targets and status.
  export observations [--indicator CODE] [--suppress-small-cells]
  export areas | framework | indicators | rules
      CSV on stdout in the import format: importing it back changes nothing.
      --suppress-small-cells writes small cells of restricted indicators <5,
      for a file that leaves the mission (it then no longer imports back).
  report rbb BUDGET_YEAR --format xlsx|csv|html [--out FILE]
      The results-based budget performance report of a budget year (e.g.
      FY2024/25): issued figures once issued, else today's. csv and html go to
      stdout without --out; xlsx needs --out.
  user add USERNAME --role ROLE [--cleared|--not-cleared] [--name NAME]
           [--components LIST] [--areas LIST] --password-stdin
      Create an account. ROLE: admin, planner, verifier, spu, leadership,
      viewer. Verifiers and administrators are cleared for restricted
      indicators unless --not-cleared; others only with --cleared. LIST: codes
      separated by ";" limiting a planner (blank: the whole mission). The
      password is the first line of standard input.
  user list [--json] | user disable USERNAME | user enable USERNAME
  user reset-password USERNAME --password-stdin
      List accounts; disable one (its sessions and tokens stop at once);
      set a temporary password that must be changed at the next sign-in.
  token create USERNAME [--name LABEL]
      Print a new API token for the account, once, alone on standard output.
      Scripts send it as "Authorization: Bearer TOKEN".
  token list USERNAME [--json] | token revoke USERNAME ID
  backup FILE
      Write a consistent copy of the whole database to FILE, safe while the
      server serves and imports (an import is in it wholly or not at all).
      An existing FILE is refused.
  restore FILE
      Check FILE (a whole SQLite database of this product, from this version
      or an older one) and make it the database; the replaced database is
      kept beside it as DATABASE.replaced-TIMESTAMP. Stop the server first:
      restore refuses while the database is in use. Everyone signs in again.
  help
      This text.

The database is $DATABASE_PATH (default data/cpas.sqlite), created on first use.
The command line acts as a local administrator (it has the database file); the
audit log records the operating-system user as system:NAME.
Exit codes: 0 success, 1 refused or not found (nothing written), 2 usage error.`;

/** What a command hands back: the exit code; output is already written. */
export type ExitCode = 0 | 1 | 2;

export interface Output {
	/** a line (or lines) of output */
	out: (text: string) => void;
	err: (text: string) => void;
	/** raw text, for large output; resolves when it may be written again (backpressure) */
	write: (chunk: string) => void | Promise<void>;
	/** all of standard input, for the commands that read a password from it */
	readInput?: () => Promise<string>;
}
