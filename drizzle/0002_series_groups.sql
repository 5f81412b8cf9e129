CREATE TABLE `indicator_dimension_sets` (
	`indicator_id` integer NOT NULL,
	`dimension_set_id` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `dimension_set_id`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dimension_set_id`) REFERENCES `dimension_sets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observations_targets` ON `observations` (`indicator_id`,`period_start`,`period_end`,`area_key`,`dimension_set_id`) WHERE value_type = 'target';--> statement-breakpoint
-- Figures imported before this table existed: record the sets they use.
INSERT INTO `indicator_dimension_sets` (`indicator_id`, `dimension_set_id`)
	SELECT DISTINCT `indicator_id`, `dimension_set_id` FROM `observations`;
