CREATE TABLE `list_area_spellings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`spelling` text NOT NULL,
	`written` text NOT NULL,
	`area_id` integer NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`changed_by` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `list_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `list_area_spellings_source_spelling` ON `list_area_spellings` (`source_id`,`spelling`);