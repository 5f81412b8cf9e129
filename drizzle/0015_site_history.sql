CREATE TABLE `site_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`previous` text NOT NULL,
	`previous_batch_id` integer,
	`replaced_by_batch_id` integer NOT NULL,
	`replaced_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`previous_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `site_history_site` ON `site_history` (`site_id`);--> statement-breakpoint
CREATE INDEX `site_history_batch` ON `site_history` (`replaced_by_batch_id`);--> statement-breakpoint
ALTER TABLE `sites` ADD `batch_id` integer REFERENCES import_batches(id);