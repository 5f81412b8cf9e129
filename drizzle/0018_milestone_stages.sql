ALTER TABLE `indicators` ADD `stages` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `stages_fr` text;