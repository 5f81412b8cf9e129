import { m } from '../../lib/paraglide/messages.js';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Actor } from '../../lib/server/actor';
import type { Db } from '../../lib/server/db';
import { isDemoMission } from '../../lib/server/demo/load-demo';
import { rbbCsv } from '../../lib/server/reports/rbb/csv';
import { loadRbbReport } from '../../lib/server/reports/rbb/load-report';
import { rbbWorkbook } from '../../lib/server/reports/rbb/xlsx';
import { UsageError, type ExitCode, type Output } from '../usage';

const FORMATS = ['xlsx', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** `cpas report rbb BUDGET_YEAR --format xlsx|csv|html [--out FILE]` */
export async function reportCommand(
	db: Db,
	actor: Actor,
	args: string[],
	io: Output
): Promise<ExitCode> {
	const { values, positionals } = parseArgs({
		args,
		options: { format: { type: 'string' }, out: { type: 'string' } },
		allowPositionals: true,
		strict: true
	});
	const [kind, budgetYear, ...rest] = positionals;
	if (kind !== 'rbb') {
		throw new UsageError(
			kind === undefined ? m.impmsg_cli_report_kind() : m.impmsg_cli_report_not_kind({ kind })
		);
	}
	if (budgetYear === undefined || rest.length > 0) {
		throw new UsageError(m.impmsg_cli_report_one_year());
	}
	const format = values.format;
	if (!format || !(FORMATS as readonly string[]).includes(format)) {
		throw new UsageError(
			format
				? m.impmsg_cli_report_not_format({ format, formats: FORMATS.join(', ') })
				: m.impmsg_cli_report_format_required({ formats: FORMATS.join(', ') })
		);
	}
	if (format === 'xlsx' && !values.out) {
		throw new UsageError(m.impmsg_cli_report_xlsx_out());
	}
	const loaded = loadRbbReport(db, actor, budgetYear);
	if (!loaded.ok) {
		if (loaded.problem === 'bad_request') throw new UsageError(loaded.message);
		io.err(loaded.message);
		return 1;
	}
	const content = await render(format as Format, loaded.report, db);
	if (values.out) {
		writeFileSync(values.out, content);
		io.err(
			m.impmsg_cli_report_written({ year: loaded.report.year.label, format, file: values.out })
		);
	} else {
		await io.write(content as string);
	}
	return 0;
}

async function render(
	format: Format,
	report: Parameters<typeof rbbCsv>[0],
	db: Db
): Promise<string | Buffer> {
	switch (format) {
		case 'xlsx':
			return rbbWorkbook(report);
		case 'csv':
			return rbbCsv(report);
		case 'html':
			return (await import('../../lib/server/reports/rbb/html')).rbbHtml(report, isDemoMission(db));
	}
}
