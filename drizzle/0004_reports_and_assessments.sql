CREATE TABLE `assessment_cycles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`rating_scale` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`issued_by` text,
	`issued_at` text,
	CONSTRAINT "assessment_cycles_status" CHECK("assessment_cycles"."status" IN ('draft', 'issued'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_cycles_code_unique` ON `assessment_cycles` (`code`);--> statement-breakpoint
CREATE TABLE `assessment_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`result_id` integer NOT NULL,
	`rating` text,
	`narrative` text,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `assessment_cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_ratings_key` ON `assessment_ratings` (`cycle_id`,`result_id`);--> statement-breakpoint
CREATE TABLE `frozen_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`query` text NOT NULL,
	`points` text NOT NULL,
	`frozen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "frozen_series_owner_kind" CHECK("frozen_series"."owner_kind" IN ('rbb', 'cycle'))
);
--> statement-breakpoint
CREATE INDEX `frozen_series_owner` ON `frozen_series` (`owner_kind`,`owner_id`);--> statement-breakpoint
CREATE TABLE `rbb_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`budget_year` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`issued_by` text,
	`issued_at` text,
	CONSTRAINT "rbb_reports_status" CHECK("rbb_reports"."status" IN ('draft', 'issued'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rbb_reports_budget_year_unique` ON `rbb_reports` (`budget_year`);--> statement-breakpoint
CREATE TABLE `rbb_texts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`section` text,
	`indicator_id` integer,
	`text` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `rbb_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rbb_texts_key` ON `rbb_texts` (`report_id`, coalesce(`section`, ''), coalesce(`indicator_id`, 0));--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`result_id` integer,
	`text` text NOT NULL,
	`owner` text NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `assessment_cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recommendations_status" CHECK("recommendations"."status" IN ('open', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `recommendations_cycle` ON `recommendations` (`cycle_id`);