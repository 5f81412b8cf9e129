/**
 * The rules editor's writes. Adding or changing one rule writes the source's whole rule set as a
 * rules file through the importer (formats.md §5.1), so a rule typed in a form is checked
 * exactly as a file's would be, each problem shown on the field it came from, and the change is
 * recorded like any rules import. Removing a rule is the store's (a file cannot name a source
 * without rules).
 */
import { m } from '../../paraglide/messages.js';
import { RULE_COLUMNS, type RuleColumnName } from '../../domain/columns';
import { ruleCells } from '../../domain/lists/rule-text';
import { FORM_ERROR, type Outcome } from '../../form-answer';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { importFormFiles } from '../imports/from-form';
import { authorize } from '../permissions';
import { loadSource, unknownSourceMessage } from './sources';

/** A rule as the editor's form sends it: each cell of a rules file but the source. */
export type RuleInput = Record<Exclude<RuleColumnName, 'source'>, string>;

/**
 * Adds a rule to source `name`, or changes its rule for indicator `replacing` (which may now
 * write another indicator). Refused whole, by field, when the importer refuses the rule.
 *
 * `db` must be a connection that imports may hold across awaits (see importFiles).
 */
export async function saveRule(
	db: Db,
	actor: Actor,
	name: string,
	input: RuleInput,
	replacing: string | null
): Promise<Outcome<{ source: string; indicator: string }>> {
	authorize(actor, 'import');
	const source = loadSource(db, name);
	if (!source) return { ok: false, errors: { [FORM_ERROR]: unknownSourceMessage(db, name) } };
	const code = input.indicator_code.trim();
	if (code === '')
		return { ok: false, errors: { indicator_code: m.impmsg_rule_choose_indicator() } };
	const others = source.rules.filter(
		(r) => r.indicatorCode !== replacing && r.indicatorCode !== code
	);
	if (replacing !== code && source.rules.some((r) => r.indicatorCode === code)) {
		return {
			ok: false,
			errors: {
				indicator_code: m.impmsg_rule_exists({ source: source.name, code })
			}
		};
	}
	const edited: Record<RuleColumnName, string> = {
		source: source.name,
		...input,
		indicator_code: code
	};
	const rows = [edited, ...others.map(ruleCells)].map((cells) => RULE_COLUMNS.map((c) => cells[c]));
	const result = await importFormFiles(db, actor, [
		{
			name: m.impmsg_rule_edit_file_name({ source: source.name }),
			columns: RULE_COLUMNS,
			rows,
			// the first row is the one typed; a problem elsewhere is not the form's fields'
			field: (row, column) => (row === 0 ? column : FORM_ERROR)
		}
	]);
	return result.ok ? { ok: true, source: source.name, indicator: code } : result;
}
