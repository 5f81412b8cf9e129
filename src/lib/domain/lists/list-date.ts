/**
 * The date of a list's row (formats.md §5.3 step 1): `YYYY-MM-DD`, optionally followed by a
 * time after `T` or a space (time zone included) of which only the date counts. Anything else
 * — a day-first `15/03/2024`, a month name, a day that does not exist — is refused, because a
 * date guessed wrong puts an incident in the wrong month without anyone noticing.
 */
import { dateProblem } from '../period';

export type ListDate = { ok: true; date: string } | { ok: false; message: string };

const DATE_THEN_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/s;
const DAY_FIRST = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;

export function readListDate(cell: string): ListDate {
	const text = cell.trim();
	if (text === '') return { ok: false, message: 'The date is blank: every row needs its date.' };
	const match = DATE_THEN_TIME.exec(text);
	if (!match) {
		const hint = DAY_FIRST.test(text)
			? ' Day-first and month-first dates are ambiguous (is 03/04 March or April?).'
			: '';
		return {
			ok: false,
			message: `"${text}" is not a date the product reads.${hint} Write dates as YYYY-MM-DD (e.g. 2024-03-15), optionally followed by a time.`
		};
	}
	const date = match[1]!;
	const problem = dateProblem(date);
	if (problem !== null) {
		return { ok: false, message: `"${text}" is not a real date: ${problem}.` };
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
