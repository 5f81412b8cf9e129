/**
 * The audit log's entries in words, for the reader: each recorded action code (domain/audit.ts,
 * stored and exported as it is) with what it means in the reader's language, chosen when the
 * page is written. The codes stay the contract; these words are only shown beside them.
 */
import { AUDIT_ACTIONS, type AuditAction } from '$lib/domain/audit';
import { m } from '$lib/paraglide/messages.js';

const DESCRIPTION: Record<AuditAction, () => string> = {
	import: m.shell_audit_action_import,
	undo: m.shell_audit_action_undo,
	'areas.edit': m.shell_audit_action_areas_edit,
	'areas.boundaries': m.bnd_audit_action_areas_boundaries,
	'framework.node.create': m.shell_audit_action_framework_node_create,
	'framework.node.update': m.shell_audit_action_framework_node_update,
	'framework.node.move': m.shell_audit_action_framework_node_move,
	'framework.node.retire': m.shell_audit_action_framework_node_retire,
	'framework.node.reinstate': m.shell_audit_action_framework_node_reinstate,
	'framework.output.plan': m.rbp_audit_action_output_plan,
	'indicator.create': m.shell_audit_action_indicator_create,
	'indicator.update': m.shell_audit_action_indicator_update,
	'indicator.retire': m.shell_audit_action_indicator_retire,
	'indicator.reinstate': m.shell_audit_action_indicator_reinstate,
	'caveat.create': m.shell_audit_action_caveat_create,
	'caveat.update': m.shell_audit_action_caveat_update,
	'caveat.delete': m.shell_audit_action_caveat_delete,
	'rbb.text.save': m.shell_audit_action_rbb_text_save,
	'rbb.issue': m.shell_audit_action_rbb_issue,
	'rbb.language': m.shell_audit_action_rbb_language,
	'cycle.create': m.shell_audit_action_cycle_create,
	'cycle.freeze': m.shell_audit_action_cycle_freeze,
	'cycle.rate': m.shell_audit_action_cycle_rate,
	'cycle.issue': m.shell_audit_action_cycle_issue,
	'recommendation.create': m.shell_audit_action_recommendation_create,
	'recommendation.status': m.shell_audit_action_recommendation_status,
	'action.create': m.act_audit_action_create,
	'action.update': m.act_audit_action_update,
	'action.status': m.act_audit_action_status,
	'action.note': m.act_audit_action_note,
	'source.save': m.shell_audit_action_source_save,
	'list-source.create': m.shell_audit_action_list_source_create,
	'list-source.update': m.shell_audit_action_list_source_update,
	'list-source.retire': m.shell_audit_action_list_source_retire,
	'list-source.restore': m.shell_audit_action_list_source_restore,
	'list-source.rules': m.shell_audit_action_list_source_rules,
	'list-source.spellings': m.shell_audit_action_list_source_spellings,
	'verification.change': m.shell_audit_action_verification_change,
	'settings.change': m.shell_audit_action_settings_change,
	'user.create': m.shell_audit_action_user_create,
	'user.update': m.shell_audit_action_user_update,
	'user.disable': m.shell_audit_action_user_disable,
	'user.enable': m.shell_audit_action_user_enable,
	'user.password.change': m.shell_audit_action_user_password_change,
	'user.password.reset': m.shell_audit_action_user_password_reset,
	'session.login': m.shell_audit_action_session_login,
	'session.login.failed': m.shell_audit_action_session_login_failed,
	'session.logout': m.shell_audit_action_session_logout,
	'session.revoke': m.shell_audit_action_session_revoke,
	'token.create': m.shell_audit_action_token_create,
	'token.revoke': m.shell_audit_action_token_revoke,
	'backup.create': m.shell_audit_action_backup_create,
	'backup.download': m.shell_audit_action_backup_download,
	'backup.restore': m.shell_audit_action_backup_restore
};

function isAuditAction(code: string): code is AuditAction {
	return (AUDIT_ACTIONS as readonly string[]).includes(code);
}

/** What an action code means, in words; null for a family (`user`) or a code of old. */
export function auditActionText(code: string): string | null {
	return isAuditAction(code) ? DESCRIPTION[code]() : null;
}
