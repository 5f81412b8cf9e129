/**
 * Creating, editing and moving results framework nodes (objective → impact → outcome → output)
 * from the editor's forms. Each change is one row of a `framework` file run through the
 * importer, so the contract's rules (levels, parents of the right level, tiers) are the
 * importer's, written once; what is checked here is only what a file cannot say: that a new
 * code is new, that an edited node exists, and that nothing is placed under a retired node.
 */
import { eq } from 'drizzle-orm';
import { FRAMEWORK_COLUMNS, FRAMEWORK_FRENCH_COLUMNS } from '../../domain/columns';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { results } from '../db/schema';
import { m } from '../../paraglide/messages.js';
import { authorize } from '../permissions';
import {
	FORM_ERROR,
	importChecked,
	type EditResult,
	type EditorFile,
	type FieldErrors
} from './form-import';

export type NodeColumn = (typeof FRAMEWORK_COLUMNS)[number];
export type NodeFrenchColumn = (typeof FRAMEWORK_FRENCH_COLUMNS)[number];
/**
 * A node as the form sends it: the framework file's columns, as text. A French field the form
 * does not send keeps its stored text, as an absent column of a file does.
 */
export type NodeFields = Record<NodeColumn, string> & Partial<Record<NodeFrenchColumn, string>>;

type StoredNode = typeof results.$inferSelect;

export function findNode(db: Db, code: string): StoredNode | undefined {
	return db.select().from(results).where(eq(results.code, code)).get();
}

/** A stored node as the form shows it. */
export function nodeFields(db: Db, node: StoredNode): NodeFields {
	const parent =
		node.parentId === null
			? undefined
			: db.select().from(results).where(eq(results.id, node.parentId)).get();
	return {
		result_code: node.code,
		result_level: node.level,
		result_title: node.title,
		parent_result: parent?.code ?? '',
		driver_of_change: node.driverOfChange ?? '',
		critical_condition: node.criticalCondition ?? '',
		component: node.components ?? '',
		tier: node.tier ?? '',
		description: node.description ?? '',
		result_title_fr: node.titleFr ?? '',
		driver_of_change_fr: node.driverOfChangeFr ?? '',
		critical_condition_fr: node.criticalConditionFr ?? '',
		description_fr: node.descriptionFr ?? ''
	};
}

/**
 * Why nothing new may be attached to a node, or null when it may: a retired node keeps its
 * history but takes no new children or indicators. An unknown code is the importer's to report.
 */
export function retiredNodeProblem(db: Db, code: string): string | null {
	const node = code ? findNode(db, code) : undefined;
	return node?.retired ? m.fw_node_retired_choose_active({ code }) : null;
}

function nodeFile(fields: NodeFields): EditorFile {
	const french = FRAMEWORK_FRENCH_COLUMNS.filter((c) => fields[c] !== undefined);
	const columns = [...FRAMEWORK_COLUMNS, ...french];
	return {
		name: `framework editor, node ${fields.result_code}.csv`,
		columns,
		rows: [columns.map((c) => (fields[c] ?? '').trim())],
		// the form's fields are named as the file's columns
		field: (_row, column) => column
	};
}

/** A new node. A code that exists already is refused: editing is a separate, deliberate act. */
export async function createNode(db: Db, actor: Actor, fields: NodeFields): Promise<EditResult> {
	authorize(actor, 'framework');
	const errors: FieldErrors = {};
	const code = fields.result_code.trim();
	if (code && findNode(db, code)) {
		errors.result_code = m.fw_code_exists({ code });
	}
	const parentProblem = retiredNodeProblem(db, fields.parent_result.trim());
	if (parentProblem) errors.parent_result = parentProblem;
	return importChecked(db, actor, [nodeFile(fields)], errors, (tx) => ({
		action: 'framework.node.create',
		subject: code,
		detail: { after: storedFields(tx, code) }
	}));
}

/** A node's fields as stored now, for the audit log's before and after. */
function storedFields(db: Db, code: string): NodeFields | null {
	const node = findNode(db, code);
	return node ? nodeFields(db, node) : null;
}

/** The stored, active node to change, or the reason it cannot be changed. */
function editable(db: Db, code: string): { node: StoredNode } | { ok: false; errors: FieldErrors } {
	const node = findNode(db, code);
	if (!node) return { ok: false, errors: { [FORM_ERROR]: m.fw_unknown_node({ code }) } };
	if (node.retired) {
		return { ok: false, errors: { [FORM_ERROR]: m.fw_retired_reinstate_first({ code }) } };
	}
	return { node };
}

/**
 * New wording and attributes of a node. Its code, level and parent stay: a code is the node's
 * name in every file, and a move is `moveNode`.
 */
export async function editNode(
	db: Db,
	actor: Actor,
	code: string,
	fields: Omit<NodeFields, 'result_code' | 'result_level' | 'parent_result'>
): Promise<EditResult> {
	authorize(actor, 'framework');
	const found = editable(db, code);
	if (!('node' in found)) return found;
	const stored = nodeFields(db, found.node);
	return importChecked(
		db,
		actor,
		[
			nodeFile({
				...fields,
				result_code: stored.result_code,
				result_level: stored.result_level,
				parent_result: stored.parent_result
			})
		],
		{},
		(tx) => ({
			action: 'framework.node.update',
			subject: code,
			detail: { before: stored, after: storedFields(tx, code) }
		})
	);
}

/** The node under another parent, everything below it moving with it. */
export async function moveNode(
	db: Db,
	actor: Actor,
	code: string,
	parentCode: string
): Promise<EditResult> {
	authorize(actor, 'framework');
	const found = editable(db, code);
	if (!('node' in found)) return found;
	const errors: FieldErrors = {};
	const parentProblem = retiredNodeProblem(db, parentCode.trim());
	if (parentProblem) errors.parent_result = parentProblem;
	const before = nodeFields(db, found.node);
	return importChecked(
		db,
		actor,
		[nodeFile({ ...before, parent_result: parentCode })],
		errors,
		(tx) => ({
			action: 'framework.node.move',
			subject: code,
			detail: { before, after: storedFields(tx, code) }
		})
	);
}
