CREATE TABLE `caveats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer,
	`area_id` integer,
	`period` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`text` text NOT NULL,
	`author` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "caveats_period_order" CHECK("caveats"."period_start" <= "caveats"."period_end"),
	CONSTRAINT "caveats_text" CHECK(length(trim("caveats"."text")) > 0)
);
--> statement-breakpoint
CREATE INDEX `caveats_indicator` ON `caveats` (`indicator_id`);--> statement-breakpoint
ALTER TABLE `indicators` ADD `last_batch_id` integer REFERENCES import_batches(id);