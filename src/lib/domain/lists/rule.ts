/**
 * A source's rules (formats.md §5.1): how the rows of a list — an incident log, a survey
 * export, an alert register — become figures. The product keeps these rules and the figures
 * they produce, never the rows. This is the parsed shape every part shares: the `rules` file
 * kind and the /sources editor produce it, the list importer consumes it.
 */
import type { Verification } from '../vocabulary';

/** What a rule counts over the rows it matches (the `value` column). */
export type RuleValue =
	| { kind: 'count' }
	| { kind: 'sum'; column: string }
	| { kind: 'share'; column: string; values: readonly string[] }
	| { kind: 'mean'; column: string }
	| { kind: 'days'; from: string; to: string };

export type RuleValueKind = RuleValue['kind'];

/**
 * One `where` condition: the cell is (or, negated, is not) one of the values. Values are kept
 * as written; comparison trims and ignores case (§5.1).
 */
export interface RuleCondition {
	column: string;
	negated: boolean;
	values: readonly string[];
}

/** One `DIMENSION=COLUMN` pair: figures broken down by the column's values. */
export interface RuleDimension {
	dimension: string;
	column: string;
}

export interface ListRule {
	/** The source's name as written first; sources are compared ignoring case. */
	source: string;
	indicatorCode: string;
	value: RuleValue;
	dateColumn: string;
	areaColumn: string;
	where: readonly RuleCondition[];
	dimensions: readonly RuleDimension[];
	weightColumn: string | null;
	/** The area code receiving rows whose area cell is blank; null makes such a row an error. */
	unlocatedArea: string | null;
	verification: Verification | null;
}

/** A source and its whole rule set (importing a rules file replaces the set). */
export interface ListSource {
	name: string;
	rules: readonly ListRule[];
}
