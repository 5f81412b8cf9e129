CREATE TABLE `action_point_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_point_id` integer NOT NULL,
	`result_id` integer,
	`indicator_id` integer,
	FOREIGN KEY (`action_point_id`) REFERENCES `action_points`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_point_links_one" CHECK(("action_point_links"."result_id" IS NULL) <> ("action_point_links"."indicator_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `action_point_links_point` ON `action_point_links` (`action_point_id`);--> statement-breakpoint
CREATE INDEX `action_point_links_result` ON `action_point_links` (`result_id`);--> statement-breakpoint
CREATE INDEX `action_point_links_indicator` ON `action_point_links` (`indicator_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `action_point_links_result_key` ON `action_point_links` (`action_point_id`,`result_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `action_point_links_indicator_key` ON `action_point_links` (`action_point_id`,`indicator_id`);--> statement-breakpoint
CREATE TABLE `action_point_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_point_id` integer NOT NULL,
	`date` text NOT NULL,
	`by` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status_from` text,
	`status_to` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`action_point_id`) REFERENCES `action_points`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_point_updates_point` ON `action_point_updates` (`action_point_id`);--> statement-breakpoint
CREATE TABLE `action_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`origin` text NOT NULL,
	`cycle_id` integer,
	`origin_reference` text,
	`decision` text NOT NULL,
	`owner_unit` text,
	`owner_account` text,
	`area_id` integer,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`drop_reason` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `assessment_cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_points_origin" CHECK("action_points"."origin" IN ('assessment_cycle', 'jpt_mission', 'smg_p_meeting', 'early_warning_review', 'after_action_review', 'other')),
	CONSTRAINT "action_points_status" CHECK("action_points"."status" IN ('open', 'in_progress', 'done', 'dropped')),
	CONSTRAINT "action_points_cycle_origin" CHECK(("action_points"."origin" = 'assessment_cycle') = ("action_points"."cycle_id" IS NOT NULL)),
	CONSTRAINT "action_points_one_owner" CHECK(("action_points"."owner_unit" IS NULL) <> ("action_points"."owner_account" IS NULL)),
	CONSTRAINT "action_points_dropped_reason" CHECK("action_points"."status" <> 'dropped' OR trim(coalesce("action_points"."drop_reason", '')) <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_points_reference_unique` ON `action_points` (`reference`);--> statement-breakpoint
CREATE INDEX `action_points_cycle` ON `action_points` (`cycle_id`);--> statement-breakpoint
CREATE INDEX `action_points_deadline` ON `action_points` (`deadline`);--> statement-breakpoint
INSERT INTO `action_points` (`id`, `reference`, `origin`, `cycle_id`, `origin_reference`, `decision`, `owner_unit`, `owner_account`, `area_id`, `deadline`, `status`, `drop_reason`, `created_by`, `created_at`, `updated_by`, `updated_at`)
SELECT r.`id`, 'AP-' || printf('%04d', r.`id`), 'assessment_cycle', r.`cycle_id`, c.`code`, r.`text`, r.`owner`, NULL, NULL, r.`deadline`, r.`status`,
	CASE WHEN r.`status` = 'dropped' THEN 'Dropped as a recommendation of cycle ' || c.`code` || ', before reasons were recorded.' END,
	r.`created_by`, r.`created_at`, r.`updated_by`, r.`updated_at`
FROM `recommendations` r JOIN `assessment_cycles` c ON c.`id` = r.`cycle_id`;
--> statement-breakpoint
INSERT INTO `action_point_links` (`action_point_id`, `result_id`)
SELECT `id`, `result_id` FROM `recommendations` WHERE `result_id` IS NOT NULL;
--> statement-breakpoint
DROP TABLE `recommendations`;