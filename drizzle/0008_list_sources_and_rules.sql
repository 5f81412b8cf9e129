CREATE TABLE `list_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`value` text NOT NULL,
	`date_column` text NOT NULL,
	`area_column` text NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`dimensions` text DEFAULT '' NOT NULL,
	`weight_column` text,
	`unlocated_area_id` integer,
	`verification` text,
	`batch_id` integer,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`changed_by` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `list_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unlocated_area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "list_rules_verification" CHECK("list_rules"."verification" IS NULL OR "list_rules"."verification" IN ('verified', 'unverified'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `list_rules_source_indicator` ON `list_rules` (`source_id`,`indicator_id`);--> statement-breakpoint
CREATE TABLE `list_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by` text NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`changed_by` text NOT NULL,
	`retired_at` text,
	`retired_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `list_sources_name` ON `list_sources` (lower("name"));