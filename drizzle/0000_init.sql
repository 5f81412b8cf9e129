CREATE TABLE `area_populations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` integer NOT NULL,
	`year` integer,
	`year_key` integer GENERATED ALWAYS AS (coalesce(year, 0)) VIRTUAL,
	`population` real NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "area_populations_positive" CHECK("area_populations"."population" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_populations_area_year` ON `area_populations` (`area_id`,`year_key`);--> statement-breakpoint
CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`level` text,
	`batch_id` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_code_unique` ON `areas` (`code`);--> statement-breakpoint
CREATE INDEX `areas_parent` ON `areas` (`parent_id`);--> statement-breakpoint
CREATE TABLE `dimension_categories` (
	`dimension` text NOT NULL,
	`category` text NOT NULL,
	`first_batch_id` integer,
	FOREIGN KEY (`first_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dimension_categories_key` ON `dimension_categories` (`dimension`,`category`);--> statement-breakpoint
CREATE TABLE `dimension_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dimension_sets_key_unique` ON `dimension_sets` (`key`);--> statement-breakpoint
CREATE TABLE `import_batches` (
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
	CONSTRAINT "import_batches_kind" CHECK("import_batches"."kind" IN ('areas', 'framework', 'indicators', 'observations'))
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
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
	`sensitivity` text DEFAULT 'internal' NOT NULL,
	`dpo_code` text,
	`retired` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicators_category" CHECK("indicators"."category" IN ('situation', 'perception', 'capacity')),
	CONSTRAINT "indicators_direction" CHECK("indicators"."direction" IN ('increase', 'decrease')),
	CONSTRAINT "indicators_measure" CHECK("indicators"."measure" IN ('count', 'number', 'percent', 'per_100k')),
	CONSTRAINT "indicators_aggregation" CHECK("indicators"."aggregation" IS NULL OR "indicators"."aggregation" IN ('sum', 'last', 'mean', 'max', 'min')),
	CONSTRAINT "indicators_frequency" CHECK("indicators"."frequency" IS NULL OR "indicators"."frequency" IN ('month', 'quarter', 'half', 'year')),
	CONSTRAINT "indicators_tier" CHECK("indicators"."tier" IS NULL OR "indicators"."tier" IN ('I', 'II', 'III')),
	CONSTRAINT "indicators_sensitivity" CHECK("indicators"."sensitivity" IN ('public', 'internal', 'restricted'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_code_unique` ON `indicators` (`code`);--> statement-breakpoint
CREATE INDEX `indicators_result` ON `indicators` (`result_id`);--> statement-breakpoint
CREATE TABLE `observation_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`observation_id` integer NOT NULL,
	`previous` text NOT NULL,
	`previous_batch_id` integer,
	`replaced_by_batch_id` integer NOT NULL,
	`replaced_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`previous_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observation_history_observation` ON `observation_history` (`observation_id`);--> statement-breakpoint
CREATE INDEX `observation_history_batch` ON `observation_history` (`replaced_by_batch_id`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`area_id` integer,
	`area_key` integer GENERATED ALWAYS AS (coalesce(area_id, 0)) VIRTUAL NOT NULL,
	`dimension_set_id` integer NOT NULL,
	`value_type` text DEFAULT 'actual' NOT NULL,
	`value` real,
	`verification` text,
	`numerator` real,
	`denominator` real,
	`sample_size` real,
	`ci_low` real,
	`ci_high` real,
	`source` text,
	`comment` text,
	`batch_id` integer NOT NULL,
	`source_line` integer,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dimension_set_id`) REFERENCES `dimension_sets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "observations_value_type" CHECK("observations"."value_type" IN ('actual', 'target')),
	CONSTRAINT "observations_verification" CHECK("observations"."verification" IS NULL OR "observations"."verification" IN ('verified', 'unverified')),
	CONSTRAINT "observations_period_order" CHECK("observations"."period_start" <= "observations"."period_end"),
	CONSTRAINT "observations_has_figure" CHECK("observations"."value" IS NOT NULL OR "observations"."numerator" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observations_natural_key` ON `observations` (`indicator_id`,`period_start`,`period_end`,`area_key`,`dimension_set_id`,`value_type`);--> statement-breakpoint
CREATE TABLE `results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`level` text NOT NULL,
	`title` text NOT NULL,
	`parent_id` integer,
	`driver_of_change` text,
	`critical_condition` text,
	`components` text,
	`tier` text,
	`description` text,
	`retired` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "results_level" CHECK("results"."level" IN ('objective', 'impact', 'outcome', 'output')),
	CONSTRAINT "results_tier" CHECK("results"."tier" IS NULL OR "results"."tier" IN ('I', 'II', 'III')),
	CONSTRAINT "results_objective_has_no_parent" CHECK(("results"."level" = 'objective') = ("results"."parent_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `results_code_unique` ON `results` (`code`);--> statement-breakpoint
CREATE INDEX `results_parent` ON `results` (`parent_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
