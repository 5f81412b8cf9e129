/**
 * The tracker's filters as a URL gives them (`?origin=…&owner=…&area=…&status=…&overdue=1`,
 * `&due_soon=1`):
 * read once here for the page, its CSV/xlsx export and the overview's links. A value that names
 * nothing is reported and ignored, never silently matching nothing.
 */
import {
	ACTION_ORIGINS,
	ACTION_STATUSES,
	isActionOrigin,
	isActionStatus
} from '../../domain/action-points';
import { m } from '../../paraglide/messages.js';
import type { ActionFilter } from './list';

export function filterFromUrl(params: URLSearchParams): {
	filter: ActionFilter;
	problems: string[];
} {
	const problems: string[] = [];
	const text = (name: string) => params.get(name)?.trim() || null;
	let origin = text('origin');
	if (origin && !isActionOrigin(origin)) {
		problems.push(m.act_bad_origin({ origin, origins: ACTION_ORIGINS.join(', ') }));
		origin = null;
	}
	let status = text('status');
	if (status && !isActionStatus(status)) {
		problems.push(m.act_bad_status({ status, statuses: ACTION_STATUSES.join(', ') }));
		status = null;
	}
	const yes = (name: string) => ['1', 'on', 'yes', 'true'].includes(text(name) ?? '');
	return {
		filter: {
			origin,
			status,
			owner: text('owner'),
			area: text('area'),
			overdue: yes('overdue'),
			dueSoon: yes('due_soon')
		},
		problems
	};
}

/** The filter as a query string (for export links and the overview's links). */
export function filterQuery(filter: ActionFilter): string {
	const params = new URLSearchParams();
	if (filter.origin) params.set('origin', filter.origin);
	if (filter.owner) params.set('owner', filter.owner);
	if (filter.area) params.set('area', filter.area);
	if (filter.status) params.set('status', filter.status);
	if (filter.overdue) params.set('overdue', '1');
	if (filter.dueSoon) params.set('due_soon', '1');
	const query = params.toString();
	return query ? `?${query}` : '';
}
