-- Hand-written part of the `actions` migration: goes BEFORE its `DROP TABLE recommendations`
-- (drizzle generates the new tables first and the drop last). Every recommendation becomes an
-- action point of origin `assessment_cycle`, keeping its id (the audit log's old entries name
-- it), cycle, text, owner (a unit), deadline, status, creator and times; its objective or
-- outcome becomes a link. A recommendation dropped before reasons were asked for gets one
-- saying so, since a dropped action point must carry its reason.
INSERT INTO `action_points` (`id`, `reference`, `origin`, `cycle_id`, `origin_reference`, `decision`, `owner_unit`, `owner_account`, `area_id`, `deadline`, `status`, `drop_reason`, `created_by`, `created_at`, `updated_by`, `updated_at`)
SELECT r.`id`, 'AP-' || printf('%04d', r.`id`), 'assessment_cycle', r.`cycle_id`, c.`code`, r.`text`, r.`owner`, NULL, NULL, r.`deadline`, r.`status`,
	CASE WHEN r.`status` = 'dropped' THEN 'Dropped as a recommendation of cycle ' || c.`code` || ', before reasons were recorded.' END,
	r.`created_by`, r.`created_at`, r.`updated_by`, r.`updated_at`
FROM `recommendations` r JOIN `assessment_cycles` c ON c.`id` = r.`cycle_id`;
--> statement-breakpoint
INSERT INTO `action_point_links` (`action_point_id`, `result_id`)
SELECT `id`, `result_id` FROM `recommendations` WHERE `result_id` IS NOT NULL;
--> statement-breakpoint
