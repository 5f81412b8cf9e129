--> statement-breakpoint
CREATE UNIQUE INDEX `resource_lines_key` ON `resource_lines` (`budget_year`, coalesce(`component`, ''), coalesce(`result_id`, 0), `category`);
