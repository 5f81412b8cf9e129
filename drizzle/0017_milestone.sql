PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`title_fr` text,
	`result_id` integer NOT NULL,
	`category` text NOT NULL,
	`direction` text NOT NULL,
	`measure` text NOT NULL,
	`aggregation` text,
	`frequency` text,
	`dimensions` text DEFAULT '' NOT NULL,
	`baseline_value` real,
	`baseline_period` text,
	`tier` text,
	`unit` text,
	`data_source` text,
	`component` text,
	`definition` text,
	`definition_fr` text,
	`sensitivity` text DEFAULT 'internal' NOT NULL,
	`dpo_code` text,
	`last_batch_id` integer,
	`retired` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicators_category" CHECK("__new_indicators"."category" IN ('situation', 'perception', 'capacity')),
	CONSTRAINT "indicators_direction" CHECK("__new_indicators"."direction" IN ('increase', 'decrease')),
	CONSTRAINT "indicators_measure" CHECK("__new_indicators"."measure" IN ('count', 'number', 'percent', 'per_100k', 'average', 'milestone')),
	CONSTRAINT "indicators_aggregation" CHECK("__new_indicators"."aggregation" IS NULL OR "__new_indicators"."aggregation" IN ('sum', 'last', 'mean', 'max', 'min')),
	CONSTRAINT "indicators_frequency" CHECK("__new_indicators"."frequency" IS NULL OR "__new_indicators"."frequency" IN ('month', 'quarter', 'half', 'year')),
	CONSTRAINT "indicators_tier" CHECK("__new_indicators"."tier" IS NULL OR "__new_indicators"."tier" IN ('I', 'II', 'III')),
	CONSTRAINT "indicators_sensitivity" CHECK("__new_indicators"."sensitivity" IN ('public', 'internal', 'restricted'))
);
--> statement-breakpoint
INSERT INTO `__new_indicators`("id", "code", "title", "title_fr", "result_id", "category", "direction", "measure", "aggregation", "frequency", "dimensions", "baseline_value", "baseline_period", "tier", "unit", "data_source", "component", "definition", "definition_fr", "sensitivity", "dpo_code", "last_batch_id", "retired", "batch_id") SELECT "id", "code", "title", "title_fr", "result_id", "category", "direction", "measure", "aggregation", "frequency", "dimensions", "baseline_value", "baseline_period", "tier", "unit", "data_source", "component", "definition", "definition_fr", "sensitivity", "dpo_code", "last_batch_id", "retired", "batch_id" FROM `indicators`;--> statement-breakpoint
DROP TABLE `indicators`;--> statement-breakpoint
ALTER TABLE `__new_indicators` RENAME TO `indicators`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_code_unique` ON `indicators` (`code`);--> statement-breakpoint
CREATE INDEX `indicators_result` ON `indicators` (`result_id`);