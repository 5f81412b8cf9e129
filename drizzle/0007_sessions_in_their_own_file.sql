-- Sessions and sign-in delays moved to the sessions database (src/lib/server/db/sessions-db.ts),
-- so that signing in never waits on an import's lock. Sessions are not carried over: after the
-- upgrade everyone signs in again. Sign-in entries already in audit_log stay there.
DROP TABLE `login_failures`;--> statement-breakpoint
DROP TABLE `sessions`;
