CREATE TABLE `output_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`result_id` integer NOT NULL,
	`budget_year` text NOT NULL,
	`kind` text NOT NULL,
	`planned` real NOT NULL,
	`completed` real,
	`remarks` text,
	`remarks_fr` text,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`changed_by` text NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "output_plans_kind" CHECK("output_plans"."kind" IN ('quantity', 'deliverable')),
	CONSTRAINT "output_plans_planned" CHECK("output_plans"."planned" >= 0),
	CONSTRAINT "output_plans_completed" CHECK("output_plans"."completed" IS NULL OR "output_plans"."completed" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `output_plans_key` ON `output_plans` (`result_id`,`budget_year`);--> statement-breakpoint
CREATE TABLE `rbb_frozen_parts` (
	`report_id` integer NOT NULL,
	`part` text NOT NULL,
	`content` text NOT NULL,
	`frozen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`report_id`, `part`),
	FOREIGN KEY (`report_id`) REFERENCES `rbb_reports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rbb_frozen_parts_part" CHECK("rbb_frozen_parts"."part" IN ('outputs', 'resources'))
);
--> statement-breakpoint
CREATE TABLE `resource_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`budget_year` text NOT NULL,
	`component` text,
	`result_id` integer,
	`category` text DEFAULT '' NOT NULL,
	`apportionment` real NOT NULL,
	`expenditure` real NOT NULL,
	`explanation` text,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`changed_by` text NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "resource_lines_one_subject" CHECK(("resource_lines"."component" IS NULL) <> ("resource_lines"."result_id" IS NULL)),
	CONSTRAINT "resource_lines_amounts" CHECK("resource_lines"."apportionment" >= 0 AND "resource_lines"."expenditure" >= 0)
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`kind` text NOT NULL,
	`rows` integer NOT NULL,
	`inserted` integer NOT NULL,
	`updated` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`imported_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor` text NOT NULL,
	`undone_at` text,
	`undone_by` text,
	CONSTRAINT "import_batches_kind" CHECK("__new_import_batches"."kind" IN ('areas', 'framework', 'indicators', 'rules', 'observations', 'sites', 'actions', 'outputs', 'resources', 'list'))
);
--> statement-breakpoint
INSERT INTO `__new_import_batches`("id", "file_name", "sha256", "size_bytes", "kind", "rows", "inserted", "updated", "unchanged", "imported_at", "actor", "undone_at", "undone_by") SELECT "id", "file_name", "sha256", "size_bytes", "kind", "rows", "inserted", "updated", "unchanged", "imported_at", "actor", "undone_at", "undone_by" FROM `import_batches`;--> statement-breakpoint
DROP TABLE `import_batches`;--> statement-breakpoint
ALTER TABLE `__new_import_batches` RENAME TO `import_batches`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `resource_lines_key` ON `resource_lines` (`budget_year`, coalesce(`component`, ''), coalesce(`result_id`, 0), `category`);
