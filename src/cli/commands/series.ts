import { m } from '../../lib/paraglide/messages.js';
import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import type { Db } from '../../lib/server/db';
import { loadSeries, type SeriesPayload } from '../../lib/server/series/load-series';
import { UsageError, type ExitCode, type Output } from '../usage';

/** `cpas series CODE [--area] [--from] [--to] [--by] [--verified-only] [--json]` */
export function seriesCommand(db: Db, actor: Actor, args: string[], io: Output): ExitCode {
	const { values, positionals } = parseArgs({
		args,
		options: {
			area: { type: 'string' },
			from: { type: 'string' },
			to: { type: 'string' },
			by: { type: 'string' },
			'verified-only': { type: 'boolean' },
			json: { type: 'boolean' }
		},
		allowPositionals: true,
		strict: true
	});
	if (positionals.length !== 1) throw new UsageError(m.impmsg_cli_series_one_code());
	const outcome = loadSeries(db, actor, positionals[0]!, {
		area: values.area,
		from: values.from,
		to: values.to,
		by: values.by,
		verifiedOnly: values['verified-only']
	});
	if (!outcome.ok) {
		if (outcome.problem === 'bad_request') throw new UsageError(outcome.message);
		io.err(outcome.message);
		return 1;
	}
	io.out(values.json ? JSON.stringify(outcome.series) : table(outcome.series));
	return 0;
}

/** `on track` / `en bonne voie`: a status as the table shows it. */
function statusText(status: string): string {
	switch (status) {
		case 'achieved':
			return m.impmsg_cli_status_achieved();
		case 'on_track':
			return m.impmsg_cli_status_on_track();
		case 'off_track':
			return m.impmsg_cli_status_off_track();
		case 'no_target':
			return m.impmsg_cli_status_no_target();
		case 'no_data':
			return m.impmsg_cli_status_no_data();
		default:
			return status.replace('_', ' ');
	}
}

function table(series: SeriesPayload): string {
	const show = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));
	const rows = series.points.map((p) => [
		p.period + (p.partial ? '*' : ''),
		show(p.actual),
		show(p.target),
		statusText(p.status)
	]);
	const header = [
		m.impmsg_cli_series_period(),
		m.impmsg_cli_series_actual(),
		m.impmsg_cli_series_target(),
		m.impmsg_cli_series_status()
	];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i]!))
			.join('  ')
			.trimEnd();
	const title = m.impmsg_cli_series_title({
		indicator: series.indicator,
		area: series.area ?? m.impmsg_cli_series_whole_mission(),
		by: series.by
	});
	const note = series.points.some((p) => p.partial) ? '\n' + m.impmsg_cli_series_partial() : '';
	return [title, line(header), ...rows.map(line)].join('\n') + note;
}
