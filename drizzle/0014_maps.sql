CREATE TABLE `area_boundaries` (
	`area_id` integer PRIMARY KEY NOT NULL,
	`geometry` text NOT NULL,
	`file_name` text NOT NULL,
	`matched_by` text NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`changed_by` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`longitude` real NOT NULL,
	`latitude` real NOT NULL,
	`opened` text,
	`closed` text,
	`sensitivity` text DEFAULT 'internal' NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`changed_by` text NOT NULL,
	CONSTRAINT "sites_type" CHECK("sites"."type" IN ('base', 'temporary_base', 'police_post', 'other')),
	CONSTRAINT "sites_sensitivity" CHECK("sites"."sensitivity" IN ('public', 'internal', 'restricted')),
	CONSTRAINT "sites_longitude" CHECK("sites"."longitude" BETWEEN -180 AND 180),
	CONSTRAINT "sites_latitude" CHECK("sites"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "sites_dates" CHECK("sites"."opened" IS NULL OR "sites"."closed" IS NULL OR "sites"."opened" <= "sites"."closed")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_code_unique` ON `sites` (`code`);--> statement-breakpoint
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
	CONSTRAINT "import_batches_kind" CHECK("__new_import_batches"."kind" IN ('areas', 'framework', 'indicators', 'rules', 'observations', 'sites', 'list'))
);
--> statement-breakpoint
INSERT INTO `__new_import_batches`("id", "file_name", "sha256", "size_bytes", "kind", "rows", "inserted", "updated", "unchanged", "imported_at", "actor", "undone_at", "undone_by") SELECT "id", "file_name", "sha256", "size_bytes", "kind", "rows", "inserted", "updated", "unchanged", "imported_at", "actor", "undone_at", "undone_by" FROM `import_batches`;--> statement-breakpoint
DROP TABLE `import_batches`;--> statement-breakpoint
ALTER TABLE `__new_import_batches` RENAME TO `import_batches`;--> statement-breakpoint
PRAGMA foreign_keys=ON;