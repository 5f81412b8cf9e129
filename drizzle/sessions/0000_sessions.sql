CREATE TABLE `login_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`user_agent` text,
	`address` text
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `access_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_audit_actor` ON `access_audit` (`actor`);--> statement-breakpoint
CREATE INDEX `access_audit_subject` ON `access_audit` (`subject`);--> statement-breakpoint
CREATE INDEX `access_audit_at` ON `access_audit` (`at`);--> statement-breakpoint
-- Ids of the access log start above any id of the main audit log, so one id names one entry
-- of the merged log (audit/list.ts). AUTOINCREMENT continues from the sequence.
INSERT INTO `sqlite_sequence` (`name`, `seq`) VALUES ('access_audit', 1000000000);
--> statement-breakpoint
-- Append-only, like the main audit log: an entry cannot be changed or removed.
CREATE TRIGGER `access_audit_no_update` BEFORE UPDATE ON `access_audit`
BEGIN
	SELECT RAISE(ABORT, 'The audit log is append-only: an entry cannot be changed.');
END;
--> statement-breakpoint
CREATE TRIGGER `access_audit_no_delete` BEFORE DELETE ON `access_audit`
BEGIN
	SELECT RAISE(ABORT, 'The audit log is append-only: an entry cannot be removed.');
END;
