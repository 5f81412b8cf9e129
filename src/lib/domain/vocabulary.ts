/**
 * The enumerated words of the interchange contract (formats.md §1). One list each, used by
 * the database CHECK constraints, the import validation and the UI, so they never disagree.
 */
export const FILE_KINDS = [
	'areas',
	'framework',
	'indicators',
	'rules',
	'observations',
	// beyond the contract (docs/formats.md "Sites"): where the mission stands, for maps
	'sites',
	// beyond the contract (docs/formats.md "Action points"): decisions followed up (/actions)
	'actions',
	// beyond the contract (docs/formats.md "Outputs", "Resources"): the RBB report's outputs and money
	'outputs',
	'resources'
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * What an import batch holds: a file of one of the kinds, or a list (formats.md §5.2), which
 * is not recognised from its header but imported for a source named by the planner.
 */
export const BATCH_KINDS = [...FILE_KINDS, 'list'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

export const RESULT_LEVELS = ['objective', 'impact', 'outcome', 'output'] as const;
export type ResultLevel = (typeof RESULT_LEVELS)[number];

export const CATEGORIES = ['situation', 'perception', 'capacity'] as const;
export type Category = (typeof CATEGORIES)[number];

export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const MEASURES = [
	'count',
	'number',
	'percent',
	'per_100k',
	'average',
	// beyond the contract (docs/formats.md "The measure `milestone`"): stages reached, by position
	'milestone'
] as const;
export type Measure = (typeof MEASURES)[number];

export const AGGREGATIONS = ['sum', 'last', 'mean', 'max', 'min'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const FREQUENCIES = ['month', 'quarter', 'half', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const TIERS = ['I', 'II', 'III'] as const;
export type Tier = (typeof TIERS)[number];

export const SENSITIVITIES = ['public', 'internal', 'restricted'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** What a mission site is (docs/formats.md "Sites"): drawn with its own mark on maps. */
export const SITE_TYPES = ['base', 'temporary_base', 'police_post', 'other'] as const;
export type SiteType = (typeof SITE_TYPES)[number];

export const VALUE_TYPES = ['actual', 'target'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const VERIFICATIONS = ['verified', 'unverified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const STATUSES = ['achieved', 'on_track', 'off_track', 'no_target', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

/** The level a result's parent must have; objectives have none. */
export const PARENT_LEVEL: Record<ResultLevel, ResultLevel | null> = {
	objective: null,
	impact: 'objective',
	outcome: 'impact',
	output: 'outcome'
};

/** Default time aggregation of one area's figures (formats.md §1.3). */
export function defaultAggregation(measure: Measure): Aggregation | null {
	if (measure === 'count') return 'sum';
	if (measure === 'number') return 'mean';
	return null;
}
