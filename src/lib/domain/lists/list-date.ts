/**
 * The date of a list's row (formats.md §5.3 step 1): `YYYY-MM-DD`, optionally followed by a
 * time after `T` or a space (time zone included) of which only the date counts. Anything else
 * — a day-first `15/03/2024`, a month name, a day that does not exist — is refused, because a
 * date guessed wrong puts an incident in the wrong month without anyone noticing.
 */
import { m } from '../../paraglide/messages.js';
import { dateProblem } from '../period';

export type ListDate = { ok: true; date: string } | { ok: false; message: string };

const DATE_THEN_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/s;
const DAY_FIRST = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;

export function readListDate(cell: string): ListDate {
	const text = cell.trim();
	if (text === '') return { ok: false, message: m.impmsg_list_date_blank() };
	const match = DATE_THEN_TIME.exec(text);
	if (!match) {
		return {
			ok: false,
			message: DAY_FIRST.test(text)
				? m.impmsg_list_date_ambiguous({ text })
				: m.impmsg_list_date_unread({ text })
		};
	}
	const date = match[1]!;
	const problem = dateProblem(date);
	if (problem !== null) {
		return { ok: false, message: m.impmsg_list_date_not_real({ text, problem }) };
	}
	return { ok: true, date };
}

/** Whole days from one valid `YYYY-MM-DD` date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return (utcDay(to) - utcDay(from)) / 86_400_000;
}

function utcDay(date: string): number {
	return Date.UTC(
		Number(date.slice(0, 4)),
		Number(date.slice(5, 7)) - 1,
		Number(date.slice(8, 10))
	);
}
