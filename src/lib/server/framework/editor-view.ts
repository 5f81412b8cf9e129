/**
 * What the framework page shows: the whole tree, retired nodes included (their history stays),
 * and under each node its indicators with their category and latest status.
 */
import type { ResultBranch } from '../../domain/framework-tree';
import type { Category, Status } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import { indicatorViews } from '../dashboard/indicator-views';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { visibleIndicators } from '../indicators/visible';
import { authorize, can } from '../permissions';
import { localizedTitle, type FallbackLang } from '../../domain/localized-text';
import { currentLocale } from '../i18n/request-locale';
import { loadReaderFramework } from './tree';

export interface FrameworkIndicator {
	code: string;
	/** in the reader's language where given (domain/localized-text.ts) */
	title: string;
	titleLang?: FallbackLang;
	category: Category;
	/** the latest period's status; retired indicators have none */
	status: Status | null;
	retired: boolean;
	dpoCode: string | null;
}

export interface FrameworkEditorView {
	objectives: ResultBranch[];
	indicatorsByResult: Record<string, FrameworkIndicator[]>;
	canEdit: boolean;
}

export function loadFrameworkEditor(db: Db, actor: Actor): FrameworkEditorView {
	authorize(actor, 'read');
	const locale = currentLocale();
	const framework = loadReaderFramework(db, actor, locale);
	const rows = visibleIndicators(actor, db.select().from(indicators).all()).sort((a, b) =>
		a.code.localeCompare(b.code, undefined, { numeric: true })
	);
	// the same series and status as the dashboards, for the indicators they show
	const active = rows.filter((r) => !r.retired);
	const status = new Map(
		indicatorViews(db, active, framework, loadAreaTree(db), {
			areaId: null,
			verifiedOnly: false
		}).map((v) => [v.code, v.latest?.status ?? 'no_data'])
	);
	const indicatorsByResult: Record<string, FrameworkIndicator[]> = {};
	for (const r of rows) {
		const node = framework.get(r.resultId);
		if (!node) continue;
		(indicatorsByResult[node.code] ??= []).push({
			code: r.code,
			...localizedTitle(r.title, r.titleFr, locale),
			category: r.category,
			status: status.get(r.code) ?? null,
			retired: r.retired,
			dpoCode: r.dpoCode
		});
	}
	return {
		objectives: framework.objectives().map((o) => framework.branch(o.id)!),
		indicatorsByResult,
		canEdit: can(actor, 'framework')
	};
}
