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
	CONSTRAINT "import_batches_kind" CHECK("__new_import_batches"."kind" IN ('areas', 'framework', 'indicators', 'rules', 'observations', 'sites', 'actions', 'list'))
);
--> statement-breakpoint
INSERT INTO `__new_import_batches`("id", "file_name", "sha256", "size_bytes", "kind", "rows", "inserted", "updated", "unchanged", "imported_at", "actor", "undone_at", "undone_by") SELECT "id", "file_name", "sha256", "size_bytes", "kind", "rows", "inserted", "updated", "unchanged", "imported_at", "actor", "undone_at", "undone_by" FROM `import_batches`;--> statement-breakpoint
DROP TABLE `import_batches`;--> statement-breakpoint
ALTER TABLE `__new_import_batches` RENAME TO `import_batches`;--> statement-breakpoint
PRAGMA foreign_keys=ON;