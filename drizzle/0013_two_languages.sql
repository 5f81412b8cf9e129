ALTER TABLE `indicators` ADD `title_fr` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `definition_fr` text;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_rbb_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`budget_year` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`issued_by` text,
	`issued_at` text,
	`locale` text DEFAULT 'en' NOT NULL,
	CONSTRAINT "rbb_reports_status" CHECK("__new_rbb_reports"."status" IN ('draft', 'issued')),
	CONSTRAINT "rbb_reports_locale" CHECK("__new_rbb_reports"."locale" IN ('en', 'fr'))
);
--> statement-breakpoint
INSERT INTO `__new_rbb_reports`("id", "budget_year", "status", "created_by", "created_at", "issued_by", "issued_at") SELECT "id", "budget_year", "status", "created_by", "created_at", "issued_by", "issued_at" FROM `rbb_reports`;--> statement-breakpoint
DROP TABLE `rbb_reports`;--> statement-breakpoint
ALTER TABLE `__new_rbb_reports` RENAME TO `rbb_reports`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `rbb_reports_budget_year_unique` ON `rbb_reports` (`budget_year`);--> statement-breakpoint
ALTER TABLE `results` ADD `title_fr` text;--> statement-breakpoint
ALTER TABLE `results` ADD `driver_of_change_fr` text;--> statement-breakpoint
ALTER TABLE `results` ADD `critical_condition_fr` text;--> statement-breakpoint
ALTER TABLE `results` ADD `description_fr` text;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text,
	`role` text NOT NULL,
	`cleared` integer DEFAULT false NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`scope_components` text DEFAULT '' NOT NULL,
	`scope_areas` text DEFAULT '' NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`locale` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "users_role" CHECK("__new_users"."role" IN ('admin', 'planner', 'verifier', 'spu', 'leadership', 'viewer')),
	CONSTRAINT "users_locale" CHECK("__new_users"."locale" IS NULL OR "__new_users"."locale" IN ('en', 'fr'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "username", "display_name", "role", "cleared", "password_hash", "disabled", "must_change_password", "scope_components", "scope_areas", "demo", "created_at") SELECT "id", "username", "display_name", "role", "cleared", "password_hash", "disabled", "must_change_password", "scope_components", "scope_areas", "demo", "created_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);