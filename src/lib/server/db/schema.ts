/**
 * The whole domain's tables. Codes (area, result, indicator) are the stable names users and
 * files speak in; integer ids let a code be corrected later without rewriting every figure.
 * Enumerated columns carry CHECK constraints so the database itself refuses bad values,
 * whatever code path writes them.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import {
	AGGREGATIONS,
	CATEGORIES,
	DIRECTIONS,
	BATCH_KINDS,
	FREQUENCIES,
	MEASURES,
	RESULT_LEVELS,
	SENSITIVITIES,
	SITE_TYPES,
	TIERS,
	VALUE_TYPES,
	VERIFICATIONS
} from '../../domain/vocabulary';
import { ROLES } from '../../domain/roles';
import { ACTION_ORIGINS, ACTION_STATUSES } from '../../domain/action-points';
import { LOCALES } from '../../i18n/locales';
import { TOKEN_SCOPES } from '../../domain/token-scope';
import { DB_NOW } from '../clock';

/** `col IN ('a','b')` for a CHECK constraint; values come from our own vocabulary, never input. */
function oneOf(column: AnySQLiteColumn, values: readonly string[]) {
	return sql`${column} IN (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

export const importBatches = sqliteTable(
	'import_batches',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		sizeBytes: integer('size_bytes').notNull(),
		kind: text('kind', { enum: BATCH_KINDS }).notNull(),
		rows: integer('rows').notNull(),
		inserted: integer('inserted').notNull(),
		updated: integer('updated').notNull(),
		unchanged: integer('unchanged').notNull(),
		importedAt: text('imported_at').notNull().default(DB_NOW),
		actor: text('actor').notNull(),
		undoneAt: text('undone_at'),
		undoneBy: text('undone_by')
	},
	(t) => [check('import_batches_kind', oneOf(t.kind, BATCH_KINDS))]
);

export const areas = sqliteTable(
	'areas',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		name: text('name').notNull(),
		parentId: integer('parent_id').references((): AnySQLiteColumn => areas.id),
		level: text('level'),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [index('areas_parent').on(t.parentId)]
);

/** Population by year; a null year is the population to use when the area has none with a year. */
export const areaPopulations = sqliteTable(
	'area_populations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		areaId: integer('area_id')
			.notNull()
			.references(() => areas.id),
		year: integer('year'),
		/** year or 0: SQLite treats NULLs as distinct in unique indexes */
		yearKey: integer('year_key').generatedAlwaysAs(sql`coalesce(year, 0)`, { mode: 'virtual' }),
		population: real('population').notNull(),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		uniqueIndex('area_populations_area_year').on(t.areaId, t.yearKey),
		check('area_populations_positive', sql`${t.population} >= 0`)
	]
);

/** Nodes of the results framework: objective → impact → outcome → output. */
export const results = sqliteTable(
	'results',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		level: text('level', { enum: RESULT_LEVELS }).notNull(),
		title: text('title').notNull(),
		/** the French text where one is given; English is shown where it is missing */
		titleFr: text('title_fr'),
		parentId: integer('parent_id').references((): AnySQLiteColumn => results.id),
		driverOfChange: text('driver_of_change'),
		driverOfChangeFr: text('driver_of_change_fr'),
		criticalCondition: text('critical_condition'),
		criticalConditionFr: text('critical_condition_fr'),
		components: text('components'),
		tier: text('tier', { enum: TIERS }),
		description: text('description'),
		descriptionFr: text('description_fr'),
		retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		index('results_parent').on(t.parentId),
		check('results_level', oneOf(t.level, RESULT_LEVELS)),
		check('results_tier', sql`${t.tier} IS NULL OR ${oneOf(t.tier, TIERS)}`),
		check(
			'results_objective_has_no_parent',
			sql`(${t.level} = 'objective') = (${t.parentId} IS NULL)`
		)
	]
);

export const indicators = sqliteTable(
	'indicators',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		title: text('title').notNull(),
		/** the French title where one is given; English is shown where it is missing */
		titleFr: text('title_fr'),
		resultId: integer('result_id')
			.notNull()
			.references(() => results.id),
		category: text('category', { enum: CATEGORIES }).notNull(),
		direction: text('direction', { enum: DIRECTIONS }).notNull(),
		measure: text('measure', { enum: MEASURES }).notNull(),
		aggregation: text('aggregation', { enum: AGGREGATIONS }),
		frequency: text('frequency', { enum: FREQUENCIES }),
		/** Disaggregation dimensions in their declared order, `;`-separated (the order breaks ties). */
		dimensions: text('dimensions').notNull().default(''),
		/**
		 * A milestone's stage names in order, `;`-separated (a figure's value is the position of
		 * the stage reached); null for any other measure. Their French names, same count, where
		 * given.
		 */
		stages: text('stages'),
		stagesFr: text('stages_fr'),
		baselineValue: real('baseline_value'),
		baselinePeriod: text('baseline_period'),
		tier: text('tier', { enum: TIERS }),
		unit: text('unit'),
		dataSource: text('data_source'),
		component: text('component'),
		definition: text('definition'),
		definitionFr: text('definition_fr'),
		sensitivity: text('sensitivity', { enum: SENSITIVITIES }).notNull().default('internal'),
		/** DPO standard indicator this one was adopted from, kept as a reference. */
		dpoCode: text('dpo_code'),
		/** The last import batch that wrote figures of this indicator: how fresh its data is. */
		lastBatchId: integer('last_batch_id').references((): AnySQLiteColumn => importBatches.id),
		retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		index('indicators_result').on(t.resultId),
		check('indicators_category', oneOf(t.category, CATEGORIES)),
		check('indicators_direction', oneOf(t.direction, DIRECTIONS)),
		check('indicators_measure', oneOf(t.measure, MEASURES)),
		check(
			'indicators_aggregation',
			sql`${t.aggregation} IS NULL OR ${oneOf(t.aggregation, AGGREGATIONS)}`
		),
		check(
			'indicators_frequency',
			sql`${t.frequency} IS NULL OR ${oneOf(t.frequency, FREQUENCIES)}`
		),
		check('indicators_tier', sql`${t.tier} IS NULL OR ${oneOf(t.tier, TIERS)}`),
		check('indicators_sensitivity', oneOf(t.sensitivity, SENSITIVITIES))
	]
);

/**
 * The distinct combinations of dimension values (e.g. sex=female, age=child), each stored once;
 * figures refer to them by id, which keeps the natural-key index narrow. `key` is canonical
 * JSON with sorted keys; `{}` is a total row.
 */
export const dimensionSets = sqliteTable('dimension_sets', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	key: text('key').notNull().unique()
});

/**
 * The dimension sets each indicator's figures use (kept by the importer; a set may outlive its
 * last figure). A series reads it to know whether an indicator's rows come in one dimension
 * shape, when the database can sum them without telling the sets apart.
 */
export const indicatorDimensionSets = sqliteTable(
	'indicator_dimension_sets',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicators.id),
		dimensionSetId: integer('dimension_set_id')
			.notNull()
			.references(() => dimensionSets.id)
	},
	(t) => [primaryKey({ columns: [t.indicatorId, t.dimensionSetId] })]
);

/**
 * One figure. Its natural key is (indicator, period, area, dimension set, value type);
 * a blank area is the whole mission, so the key uses area_key = coalesce(area_id, 0) because
 * SQLite treats NULLs as distinct in unique indexes.
 */
export const observations = sqliteTable(
	'observations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicators.id),
		/** The period as written in the file (kept for export); start and end are what count. */
		period: text('period').notNull(),
		periodStart: text('period_start').notNull(),
		periodEnd: text('period_end').notNull(),
		areaId: integer('area_id').references(() => areas.id),
		areaKey: integer('area_key')
			.notNull()
			.generatedAlwaysAs(sql`coalesce(area_id, 0)`, { mode: 'virtual' }),
		/** The figure's dimension values; the set `{}` is a total row. */
		dimensionSetId: integer('dimension_set_id')
			.notNull()
			.references(() => dimensionSets.id),
		valueType: text('value_type', { enum: VALUE_TYPES }).notNull().default('actual'),
		value: real('value'),
		verification: text('verification', { enum: VERIFICATIONS }),
		numerator: real('numerator'),
		denominator: real('denominator'),
		sampleSize: real('sample_size'),
		ciLow: real('ci_low'),
		ciHigh: real('ci_high'),
		source: text('source'),
		comment: text('comment'),
		/** The batch that last wrote this figure, and the line of its file: provenance. */
		batchId: integer('batch_id')
			.notNull()
			.references(() => importBatches.id),
		sourceLine: integer('source_line'),
		/**
		 * A list's figure (formats.md §5.3): how many of the list's rows are behind it, its
		 * provenance with the batch's file and hash and the source's rule; written, never compared.
		 */
		listRows: integer('list_rows')
	},
	(t) => [
		// Indicator then period first: files arrive period by period (or indicator by indicator),
		// so new keys land next to each other instead of all over the index.
		uniqueIndex('observations_natural_key').on(
			t.indicatorId,
			t.periodStart,
			t.periodEnd,
			t.areaKey,
			t.dimensionSetId,
			t.valueType
		),
		// Targets are a handful beside millions of actuals: this small index lets a series read
		// them without walking the actuals (the natural key serves the actuals).
		index('observations_targets')
			.on(t.indicatorId, t.periodStart, t.periodEnd, t.areaKey, t.dimensionSetId)
			.where(sql`value_type = 'target'`),
		// No index on batch_id: it would cost a tenth of every import, and the per-batch work
		// (undo, a batch's rows) is rare enough to scan.
		check('observations_value_type', oneOf(t.valueType, VALUE_TYPES)),
		check(
			'observations_verification',
			sql`${t.verification} IS NULL OR ${oneOf(t.verification, VERIFICATIONS)}`
		),
		check('observations_period_order', sql`${t.periodStart} <= ${t.periodEnd}`),
		check('observations_has_figure', sql`${t.value} IS NOT NULL OR ${t.numerator} IS NOT NULL`)
	]
);

/** The version of a figure that a later batch replaced, so it can be traced and restored. */
export const observationHistory = sqliteTable(
	'observation_history',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		observationId: integer('observation_id').notNull(),
		/** JSON of the stored columns as they were before the replacement. */
		previous: text('previous').notNull(),
		previousBatchId: integer('previous_batch_id').references(() => importBatches.id),
		replacedByBatchId: integer('replaced_by_batch_id')
			.notNull()
			.references(() => importBatches.id),
		replacedAt: text('replaced_at').notNull().default(DB_NOW)
	},
	(t) => [
		index('observation_history_observation').on(t.observationId),
		index('observation_history_batch').on(t.replacedByBatchId)
	]
);

/** Product settings (e.g. the status margin), one JSON value per key. */
export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/**
 * The categories seen so far for each disaggregation dimension (e.g. sex: female, male), so a
 * new spelling ("Female", "F") is noticed the first time it appears instead of silently
 * splitting a series.
 */
export const dimensionCategories = sqliteTable(
	'dimension_categories',
	{
		dimension: text('dimension').notNull(),
		category: text('category').notNull(),
		firstBatchId: integer('first_batch_id').references(() => importBatches.id)
	},
	(t) => [uniqueIndex('dimension_categories_key').on(t.dimension, t.category)]
);

/**
 * A note that qualifies figures: "no access to the north in Q3" — a drop in reported incidents
 * can mean less access, not less violence. Attached to an indicator (or to every indicator when
 * null), an area (or the whole mission when null) and a period; drawn on charts and listed.
 */
export const caveats = sqliteTable(
	'caveats',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		indicatorId: integer('indicator_id').references(() => indicators.id),
		areaId: integer('area_id').references(() => areas.id),
		period: text('period').notNull(),
		periodStart: text('period_start').notNull(),
		periodEnd: text('period_end').notNull(),
		text: text('text').notNull(),
		author: text('author').notNull(),
		createdAt: text('created_at').notNull().default(DB_NOW),
		updatedAt: text('updated_at').notNull().default(DB_NOW)
	},
	(t) => [
		index('caveats_indicator').on(t.indicatorId),
		check('caveats_period_order', sql`${t.periodStart} <= ${t.periodEnd}`),
		check('caveats_text', sql`length(trim(${t.text})) > 0`)
	]
);

/**
 * A named source of files (e.g. "Incident database, monthly export") and how its files map
 * onto the contract: its headers to contract columns, and its local values (F, a province's
 * local name) to ours. A file whose header matches a saved source is mapped the same way.
 */
export const importSources = sqliteTable(
	'import_sources',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull().unique(),
		/** The file's headers as read, normalised and joined by `|`: how a file is recognised. */
		headerSignature: text('header_signature').notNull(),
		/** JSON: file header → contract column, or null to leave the column out. */
		columnMap: text('column_map').notNull(),
		/** JSON: contract column → { value as written → value as the contract wants }. */
		valueMap: text('value_map').notNull().default('{}'),
		actor: text('actor').notNull(),
		createdAt: text('created_at').notNull().default(DB_NOW),
		updatedAt: text('updated_at').notNull().default(DB_NOW)
	},
	(t) => [index('import_sources_header').on(t.headerSignature)]
);

/**
 * Lines left out of a batch because the planner chose to import only the valid rows: each
 * with its first problem, so the batch keeps a record of what it did not take.
 */
export const importSkippedRows = sqliteTable(
	'import_skipped_rows',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		batchId: integer('batch_id')
			.notNull()
			.references(() => importBatches.id),
		line: integer('line').notNull(),
		column: text('column'),
		value: text('value'),
		message: text('message').notNull()
	},
	(t) => [index('import_skipped_rows_batch').on(t.batchId)]
);

/**
 * Series frozen when a report is issued or an assessment cycle created: the figures it shows
 * for ever, whatever is imported later. `query` is the series query (area, by, from, to) as
 * JSON and `points` the series points as the API gives them, so a frozen series is compared
 * with the current one point by point.
 */
export const frozenSeries = sqliteTable(
	'frozen_series',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** What froze it: an RBB report or an assessment cycle. */
		ownerKind: text('owner_kind', { enum: ['rbb', 'cycle'] }).notNull(),
		ownerId: integer('owner_id').notNull(),
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicators.id),
		query: text('query').notNull(),
		points: text('points').notNull(),
		frozenAt: text('frozen_at').notNull().default(DB_NOW)
	},
	(t) => [
		index('frozen_series_owner').on(t.ownerKind, t.ownerId),
		check('frozen_series_owner_kind', sql`${t.ownerKind} IN ('rbb', 'cycle')`)
	]
);

/** A results-based budget performance report for one budget year (1 July – 30 June). */
export const rbbReports = sqliteTable(
	'rbb_reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The budget year as the period syntax writes it, e.g. FY2024/25. */
		budgetYear: text('budget_year').notNull().unique(),
		status: text('status', { enum: ['draft', 'issued'] })
			.notNull()
			.default('draft'),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at').notNull().default(DB_NOW),
		issuedBy: text('issued_by'),
		issuedAt: text('issued_at'),
		/** the language the report is written in; an issued report keeps it */
		locale: text('locale', { enum: LOCALES }).notNull().default('en')
	},
	(t) => [
		check('rbb_reports_status', sql`${t.status} IN ('draft', 'issued')`),
		check('rbb_reports_locale', oneOf(t.locale, LOCALES))
	]
);

/**
 * The words of an RBB report: a narrative per section (`section` is an objective's or
 * output's result code, or a fixed key such as `summary`) and a variance explanation per
 * indicator (`indicator_id` set).
 */
export const rbbTexts = sqliteTable(
	'rbb_texts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: integer('report_id')
			.notNull()
			.references(() => rbbReports.id),
		section: text('section'),
		indicatorId: integer('indicator_id').references(() => indicators.id),
		text: text('text').notNull(),
		updatedBy: text('updated_by').notNull(),
		updatedAt: text('updated_at').notNull().default(DB_NOW)
	},
	(t) => [
		uniqueIndex('rbb_texts_key').on(
			t.reportId,
			sql`coalesce(${t.section}, '')`,
			sql`coalesce(${t.indicatorId}, 0)`
		)
	]
);

/** A performance assessment cycle, e.g. 2025-H1: rated, then issued (read-only). */
export const assessmentCycles = sqliteTable(
	'assessment_cycles',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The period assessed, in the period syntax (e.g. 2025-H1); also its name. */
		code: text('code').notNull().unique(),
		periodStart: text('period_start').notNull(),
		periodEnd: text('period_end').notNull(),
		/** JSON array of the rating scale, best first; default progressing / stalled / regressing. */
		ratingScale: text('rating_scale').notNull(),
		status: text('status', { enum: ['draft', 'issued'] })
			.notNull()
			.default('draft'),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at').notNull().default(DB_NOW),
		issuedBy: text('issued_by'),
		issuedAt: text('issued_at')
	},
	(t) => [check('assessment_cycles_status', sql`${t.status} IN ('draft', 'issued')`)]
);

/** A cycle's rating and narrative for one objective or outcome. */
export const assessmentRatings = sqliteTable(
	'assessment_ratings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		cycleId: integer('cycle_id')
			.notNull()
			.references(() => assessmentCycles.id),
		resultId: integer('result_id')
			.notNull()
			.references(() => results.id),
		rating: text('rating'),
		narrative: text('narrative'),
		updatedBy: text('updated_by').notNull(),
		updatedAt: text('updated_at').notNull().default(DB_NOW)
	},
	(t) => [uniqueIndex('assessment_ratings_key').on(t.cycleId, t.resultId)]
);

/**
 * Who wrote what, when: one entry per write, recorded in the write's own transaction, so an
 * entry exists exactly when its write does. Append-only: triggers in the migration refuse
 * UPDATE and DELETE. `action` is one of AUDIT_ACTIONS (domain/audit.ts); it has no CHECK
 * constraint because SQLite can only change one by rebuilding the table, and the list grows
 * with each new capability while the log must never be rewritten. `detail` is JSON: what was
 * written and, where it applies, `before` and `after`.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at').notNull().default(DB_NOW),
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		subject: text('subject').notNull(),
		detail: text('detail').notNull().default('{}')
	},
	(t) => [
		index('audit_log_actor').on(t.actor),
		index('audit_log_subject').on(t.subject),
		index('audit_log_at').on(t.at)
	]
);

/**
 * Local accounts. Passwords are stored as argon2id hashes only. `scope_components` and
 * `scope_areas` (`;`-separated) limit a planner's writes; blank: the whole mission. A disabled
 * account keeps its row (the audit log names it) but cannot sign in, and its sessions and
 * tokens stop working at once.
 */
export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		username: text('username').notNull().unique(),
		displayName: text('display_name'),
		role: text('role', { enum: ROLES }).notNull(),
		cleared: integer('cleared', { mode: 'boolean' }).notNull().default(false),
		passwordHash: text('password_hash').notNull(),
		disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
		/** set by an administrator's reset: the next sign-in must choose a new password */
		mustChangePassword: integer('must_change_password', { mode: 'boolean' })
			.notNull()
			.default(false),
		scopeComponents: text('scope_components').notNull().default(''),
		scopeAreas: text('scope_areas').notNull().default(''),
		/** created with the demo mission: the app warns while such accounts can sign in */
		demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
		/** the language the account reads the product in; null: the browser's, else English */
		locale: text('locale', { enum: LOCALES }),
		createdAt: text('created_at').notNull().default(DB_NOW)
	},
	(t) => [
		check('users_role', oneOf(t.role, ROLES)),
		check('users_locale', sql`${t.locale} IS NULL OR ${oneOf(t.locale, LOCALES)}`)
	]
);

/** API tokens for scripts: `Authorization: Bearer`, acting as their user. Stored hashed. */
export const apiTokens = sqliteTable(
	'api_tokens',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		// `full` acts as its user; `read` may only read (domain/token-scope.ts). Tokens made
		// before scopes existed keep acting as their user: `full`.
		scope: text('scope', { enum: TOKEN_SCOPES }).notNull().default('full'),
		createdAt: integer('created_at').notNull(),
		lastUsedAt: integer('last_used_at'),
		revokedAt: integer('revoked_at')
	},
	(t) => [
		index('api_tokens_user').on(t.userId),
		check('api_tokens_scope', oneOf(t.scope, TOKEN_SCOPES))
	]
);

/**
 * Sources of lists (formats.md §5): an incident log, a survey, an alert register whose rows
 * become figures by their rules. Names are compared ignoring case (the unique index is on the
 * lower-cased name; names are ASCII). A source is never deleted, only retired: the figures its
 * rules wrote keep naming it.
 */
export const listSources = sqliteTable(
	'list_sources',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** as written when the source was created */
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		createdAt: text('created_at').notNull().default(DB_NOW),
		createdBy: text('created_by').notNull(),
		changedAt: text('changed_at').notNull().default(DB_NOW),
		changedBy: text('changed_by').notNull(),
		retiredAt: text('retired_at'),
		retiredBy: text('retired_by')
	},
	(t) => [uniqueIndex('list_sources_name').on(sql`lower(${t.name})`)]
);

/**
 * A source's rules, one per source and indicator (formats.md §5.1): the expressions are kept as
 * the rules file writes them (canonical text, domain/lists/rule-text.ts); the indicator and the
 * area receiving unlocated rows link by id, as every code does.
 */
export const listRules = sqliteTable(
	'list_rules',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sourceId: integer('source_id')
			.notNull()
			.references(() => listSources.id),
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicators.id),
		value: text('value').notNull(),
		dateColumn: text('date_column').notNull(),
		areaColumn: text('area_column').notNull(),
		/** the `where` cell (a word SQL keeps for itself) */
		conditions: text('conditions').notNull().default(''),
		dimensions: text('dimensions').notNull().default(''),
		weightColumn: text('weight_column'),
		unlocatedAreaId: integer('unlocated_area_id').references(() => areas.id),
		verification: text('verification', { enum: VERIFICATIONS }),
		/** the import batch of the rules file that last wrote it (null: written by a form) */
		batchId: integer('batch_id').references(() => importBatches.id),
		changedAt: text('changed_at').notNull().default(DB_NOW),
		changedBy: text('changed_by').notNull()
	},
	(t) => [
		uniqueIndex('list_rules_source_indicator').on(t.sourceId, t.indicatorId),
		check(
			'list_rules_verification',
			sql`${t.verification} IS NULL OR ${oneOf(t.verification, VERIFICATIONS)}`
		)
	]
);

/**
 * Spellings of areas a planner mapped for a source (a list's area cell that matches no area's
 * code or name, e.g. `Dunmarow` for Dunmarrow): the next list of the source maps them itself.
 * Kept folded as the list's area matching compares them (domain/lists/area-match.ts), with the
 * spelling as first written for the page.
 */
export const listAreaSpellings = sqliteTable(
	'list_area_spellings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sourceId: integer('source_id')
			.notNull()
			.references(() => listSources.id),
		/** case, accents and spaces folded (foldAreaText) */
		spelling: text('spelling').notNull(),
		written: text('written').notNull(),
		areaId: integer('area_id')
			.notNull()
			.references(() => areas.id),
		changedAt: text('changed_at').notNull().default(DB_NOW),
		changedBy: text('changed_by').notNull()
	},
	(t) => [uniqueIndex('list_area_spellings_source_spelling').on(t.sourceId, t.spelling)]
);

/**
 * An area's outline for maps (docs/formats.md "Boundaries"): a GeoJSON Polygon or
 * MultiPolygon in WGS84, simplified for display with the borders areas share kept shared, so
 * that maps draw from it alone (the uploaded file is not kept). One per area: a new file
 * replaces the outlines of the areas it matches.
 */
export const areaBoundaries = sqliteTable('area_boundaries', {
	areaId: integer('area_id')
		.primaryKey()
		.references(() => areas.id),
	/** JSON: the simplified GeoJSON geometry */
	geometry: text('geometry').notNull(),
	/** the file it came from, and the feature property that matched it to the area */
	fileName: text('file_name').notNull(),
	matchedBy: text('matched_by').notNull(),
	changedAt: text('changed_at').notNull().default(DB_NOW),
	changedBy: text('changed_by').notNull()
});

/**
 * Where the mission stands (docs/formats.md "Sites"): bases, temporary operating bases and
 * police posts, drawn as points over maps for the dates they were open. A restricted site is
 * shown only to readers cleared for restricted data, as a restricted indicator is.
 */
export const sites = sqliteTable(
	'sites',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		name: text('name').notNull(),
		type: text('type', { enum: SITE_TYPES }).notNull(),
		longitude: real('longitude').notNull(),
		latitude: real('latitude').notNull(),
		/** ISO dates; null: open since before the records, or still open */
		opened: text('opened'),
		closed: text('closed'),
		sensitivity: text('sensitivity', { enum: SENSITIVITIES }).notNull().default('internal'),
		changedAt: text('changed_at').notNull().default(DB_NOW),
		changedBy: text('changed_by').notNull(),
		/** the import that wrote the site as it is: undoing it gives back site_history's version */
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		check('sites_type', oneOf(t.type, SITE_TYPES)),
		check('sites_sensitivity', oneOf(t.sensitivity, SENSITIVITIES)),
		check('sites_longitude', sql`${t.longitude} BETWEEN -180 AND 180`),
		check('sites_latitude', sql`${t.latitude} BETWEEN -90 AND 90`),
		check(
			'sites_dates',
			sql`${t.opened} IS NULL OR ${t.closed} IS NULL OR ${t.opened} <= ${t.closed}`
		)
	]
);

/**
 * Every version of a site an import replaced, as observation_history keeps figures': undoing a
 * `sites` import puts back the version it replaced (or deletes a site it created).
 */
export const siteHistory = sqliteTable(
	'site_history',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		siteId: integer('site_id').notNull(),
		/** JSON of the site's columns as they were before the replacement. */
		previous: text('previous').notNull(),
		previousBatchId: integer('previous_batch_id').references(() => importBatches.id),
		replacedByBatchId: integer('replaced_by_batch_id')
			.notNull()
			.references(() => importBatches.id),
		replacedAt: text('replaced_at').notNull().default(DB_NOW)
	},
	(t) => [
		index('site_history_site').on(t.siteId),
		index('site_history_batch').on(t.replacedByBatchId)
	]
);

/**
 * A decision to follow up (docs/actions.md): from an assessment cycle, a joint protection team
 * mission, a senior management group meeting, an early-warning or after-action review. Its
 * owner is a unit (free text) or an account, exactly one. `reference` (AP-0012) is the stable
 * key files use. A dropped one keeps why.
 */
export const actionPoints = sqliteTable(
	'action_points',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reference: text('reference').notNull().unique(),
		origin: text('origin', { enum: ACTION_ORIGINS }).notNull(),
		/** the cycle that made it, for origin `assessment_cycle` only */
		cycleId: integer('cycle_id').references(() => assessmentCycles.id),
		/** where and when, in words: "JPT Bambari, 12 March 2026" */
		originReference: text('origin_reference'),
		decision: text('decision').notNull(),
		ownerUnit: text('owner_unit'),
		ownerAccount: text('owner_account'),
		areaId: integer('area_id').references(() => areas.id),
		/** ISO date */
		deadline: text('deadline').notNull(),
		status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
		dropReason: text('drop_reason'),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at').notNull().default(DB_NOW),
		updatedBy: text('updated_by').notNull(),
		updatedAt: text('updated_at').notNull().default(DB_NOW)
	},
	(t) => [
		index('action_points_cycle').on(t.cycleId),
		index('action_points_deadline').on(t.deadline),
		check('action_points_origin', oneOf(t.origin, ACTION_ORIGINS)),
		check('action_points_status', oneOf(t.status, ACTION_STATUSES)),
		check(
			'action_points_cycle_origin',
			sql`(${t.origin} = 'assessment_cycle') = (${t.cycleId} IS NOT NULL)`
		),
		check('action_points_one_owner', sql`(${t.ownerUnit} IS NULL) <> (${t.ownerAccount} IS NULL)`),
		check(
			'action_points_dropped_reason',
			sql`${t.status} <> 'dropped' OR trim(coalesce(${t.dropReason}, '')) <> ''`
		)
	]
);

/** What an action point concerns: framework nodes and indicators, one per row. */
export const actionPointLinks = sqliteTable(
	'action_point_links',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionPointId: integer('action_point_id')
			.notNull()
			.references(() => actionPoints.id, { onDelete: 'cascade' }),
		resultId: integer('result_id').references(() => results.id),
		indicatorId: integer('indicator_id').references(() => indicators.id)
	},
	(t) => [
		index('action_point_links_point').on(t.actionPointId),
		index('action_point_links_result').on(t.resultId),
		index('action_point_links_indicator').on(t.indicatorId),
		// NULLs are distinct in a unique index: each holds for the rows whose column is set
		uniqueIndex('action_point_links_result_key').on(t.actionPointId, t.resultId),
		uniqueIndex('action_point_links_indicator_key').on(t.actionPointId, t.indicatorId),
		check('action_point_links_one', sql`(${t.resultId} IS NULL) <> (${t.indicatorId} IS NULL)`)
	]
);

/** An action point's dated history: each update's note and status move, who and when. */
export const actionPointUpdates = sqliteTable(
	'action_point_updates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionPointId: integer('action_point_id')
			.notNull()
			.references(() => actionPoints.id, { onDelete: 'cascade' }),
		/** ISO date the update is about (today unless an import says otherwise) */
		date: text('date').notNull(),
		by: text('by').notNull(),
		note: text('note').notNull().default(''),
		/** null on the first entry (the point's creation) */
		statusFrom: text('status_from', { enum: ACTION_STATUSES }),
		statusTo: text('status_to', { enum: ACTION_STATUSES }).notNull(),
		recordedAt: text('recorded_at').notNull().default(DB_NOW)
	},
	(t) => [index('action_point_updates_point').on(t.actionPointId)]
);

/**
 * What an output node of the framework planned and completed in a budget year (docs/formats.md
 * "Outputs"), as the RBB performance report lists it: a quantity ("240 patrols") or a
 * deliverable done or not ("yes"). A deliverable's planned and completed are 1 (yes) or 0 (no).
 */
export const outputPlans = sqliteTable(
	'output_plans',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		resultId: integer('result_id')
			.notNull()
			.references(() => results.id),
		/** the period syntax's budget year, e.g. FY2024/25 */
		budgetYear: text('budget_year').notNull(),
		kind: text('kind', { enum: ['quantity', 'deliverable'] }).notNull(),
		planned: real('planned').notNull(),
		/** null: not reported yet */
		completed: real('completed'),
		remarks: text('remarks'),
		remarksFr: text('remarks_fr'),
		changedAt: text('changed_at').notNull().default(DB_NOW),
		changedBy: text('changed_by').notNull(),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		uniqueIndex('output_plans_key').on(t.resultId, t.budgetYear),
		check('output_plans_kind', sql`${t.kind} IN ('quantity', 'deliverable')`),
		check('output_plans_planned', sql`${t.planned} >= 0`),
		check('output_plans_completed', sql`${t.completed} IS NULL OR ${t.completed} >= 0`)
	]
);

/**
 * The money of a budget year (docs/formats.md "Resources"): per framework component or
 * expected accomplishment (objective), optionally per cost category, the apportionment and the
 * expenditure in US dollars, and the SPU's explanation of the variance between them.
 */
export const resourceLines = sqliteTable(
	'resource_lines',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		budgetYear: text('budget_year').notNull(),
		/** a framework component (as results.components writes them), or null */
		component: text('component'),
		/** an objective (expected accomplishment), or null; exactly one of the two is set */
		resultId: integer('result_id').references(() => results.id),
		/** '' for no category, so the key below stays unique */
		category: text('category').notNull().default(''),
		apportionment: real('apportionment').notNull(),
		expenditure: real('expenditure').notNull(),
		explanation: text('explanation'),
		changedAt: text('changed_at').notNull().default(DB_NOW),
		changedBy: text('changed_by').notNull(),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	// unique per (budget_year, component, result_id, category): an index on expressions, which
	// drizzle-kit cannot write, in drizzle/handwritten/rbb.sql
	(t) => [
		check('resource_lines_one_subject', sql`(${t.component} IS NULL) <> (${t.resultId} IS NULL)`),
		check('resource_lines_amounts', sql`${t.apportionment} >= 0 AND ${t.expenditure} >= 0`)
	]
);

/**
 * What an issued RBB report froze besides its figures (frozen_series): its planned outputs and
 * its resources, as JSON of what the report showed, so later edits and imports leave it as
 * issued.
 */
export const rbbFrozenParts = sqliteTable(
	'rbb_frozen_parts',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => rbbReports.id),
		part: text('part', { enum: ['outputs', 'resources'] }).notNull(),
		content: text('content').notNull(),
		frozenAt: text('frozen_at').notNull().default(DB_NOW)
	},
	(t) => [
		primaryKey({ columns: [t.reportId, t.part] }),
		check('rbb_frozen_parts_part', sql`${t.part} IN ('outputs', 'resources')`)
	]
);
