import { indicators } from '../../db/schema';
import { loadAreaTree } from '../../areas/tree';
import { didYouMean } from '../../../domain/suggest';
import { VALUE_TYPES, VERIFICATIONS, type Measure } from '../../../domain/vocabulary';
import { RowReader, addError } from '../row-reader';
import { requireColumns, warnUnknownColumns, type KindImport } from './context';
import { FIGURE_COLUMNS, OBSERVATION_COLUMNS } from '../../../domain/columns';
import {
	storedPeriodsLookup,
	writeObservations,
	type ObservationDraft
} from './write-observations';
import { findPartialOverlaps } from './overlaps';

interface IndicatorInfo {
	id: number;
	code: string;
	measure: Measure;
	dimensions: string[];
}

/** Imports figures in the long form (formats.md §1.4, §1.5). */
export function importObservations(ctx: KindImport): void {
	const { db, report, table } = ctx;
	if (!requireColumns(ctx, ['indicator_code', 'period'])) return;
	if (!['value', 'numerator'].some((c) => table.headers.includes(c))) {
		addError(report, {
			line: 1,
			column: 'value',
			value: null,
			message:
				'The required column "value" is missing from the header (or "numerator" for percent and per_100k indicators).'
		});
		return;
	}

	const known = new Map<string, IndicatorInfo>(
		db
			.select({
				id: indicators.id,
				code: indicators.code,
				measure: indicators.measure,
				dimensions: indicators.dimensions
			})
			.from(indicators)
			.all()
			.map((i) => [i.code, { ...i, dimensions: i.dimensions ? i.dimensions.split(';') : [] }])
	);
	const declaredAnywhere = new Set([...known.values()].flatMap((i) => i.dimensions));
	const dimensionColumns = table.headers.filter(
		(h) =>
			h !== '' && !(OBSERVATION_COLUMNS as readonly string[]).includes(h) && declaredAnywhere.has(h)
	);
	warnUnknownColumns(ctx, new Set([...OBSERVATION_COLUMNS, ...dimensionColumns]));
	const tree = loadAreaTree(db);
	const areaCodes = tree.all().map((a) => a.code);

	const drafts: ObservationDraft[] = [];
	const byKey = new Map<string, { line: number; content: string; reported: boolean }>();
	for (const record of table.records) {
		report.rows++;
		const r = new RowReader(record, report, table.delimiter);
		const errorsBefore = report.errorCount ?? 0;
		const code = r.required('indicator_code');
		const indicator = code ? known.get(code) : undefined;
		if (code && !indicator) {
			r.error(
				'indicator_code',
				code,
				`Unknown indicator "${code}".${didYouMean(code, known.keys())}`
			);
		}
		const period = r.period('period');
		if (period === null && r.text('period') === null) r.error('period', '', 'period is required.');
		const areaCode = r.text('area_code') ?? null;
		const area = areaCode ? tree.byCodeOf(areaCode) : undefined;
		if (areaCode && !area) {
			r.error(
				'area_code',
				areaCode,
				`Unknown area "${areaCode}".${didYouMean(areaCode, areaCodes)}`
			);
		}
		const valueType = r.oneOf('value_type', VALUE_TYPES) ?? 'actual';
		const verification = r.oneOf('verification', VERIFICATIONS);
		const measure = indicator?.measure;
		const value = r.number('value', { percent: measure === 'percent' });
		const numerator = r.number('numerator', { min: 0 });
		const denominator = r.number('denominator', { min: 0 });
		const sampleSize = r.number('sample_size', { min: 0 });
		const ciLow = r.number('ci_low');
		const ciHigh = r.number('ci_high');

		const dimensions: Record<string, string> = {};
		for (const column of dimensionColumns) {
			const category = r.text(column);
			if (!category) continue;
			if (indicator && !indicator.dimensions.includes(column)) {
				r.error(
					column,
					category,
					`Indicator ${indicator.code} has no dimension "${column}"${indicator.dimensions.length ? ` (its dimensions: ${indicator.dimensions.join(', ')})` : ''}; leave this cell blank.`
				);
			}
			dimensions[column] = category;
		}

		if (indicator && measure) {
			checkFigure(r, measure, { value, numerator, denominator });
		}
		if ((report.errorCount ?? 0) > errorsBefore || !indicator || !period) continue;

		const dims = canonicalDimensions(dimensions);
		const key = [indicator.id, period.start, period.end, area?.id ?? 0, dims, valueType].join('|');
		const content = JSON.stringify(record.cells);
		const earlier = byKey.get(key);
		if (earlier) {
			if (earlier.content !== content) {
				r.error(
					'period',
					r.text('period') ?? '',
					`This figure (same indicator, period, area, dimensions and value type) is also on line ${earlier.line} with different content; keep one.`
				);
				if (!earlier.reported) {
					addError(report, {
						line: earlier.line,
						column: 'period',
						value: r.text('period') ?? '',
						message: `This figure (same indicator, period, area, dimensions and value type) is also on line ${r.line} with different content; keep one.`
					});
					earlier.reported = true;
				}
			}
			continue;
		}
		byKey.set(key, { line: r.line, content, reported: false });

		const draft: ObservationDraft = {
			line: r.line,
			indicatorId: indicator.id,
			period,
			areaId: area?.id ?? null,
			dimensions: dims,
			valueType,
			present: {}
		};
		const values = {
			value,
			verification,
			numerator,
			denominator,
			sample_size: sampleSize,
			ci_low: ciLow,
			ci_high: ciHigh,
			source: r.text('source'),
			comment: r.text('comment')
		};
		for (const column of FIGURE_COLUMNS) {
			if (values[column] !== undefined) draft.present[column] = values[column];
		}
		if (measure === 'per_100k' && !needsNoPopulation(draft)) {
			const year = Number(period.start.slice(0, 4));
			if (tree.populationOf(draft.areaId, year) === null) {
				r.error(
					'area_code',
					areaCode ?? '',
					`No population is known for ${areaCode ? `area ${areaCode}` : 'the mission'}, so a rate per 100,000 cannot be used: import the area's population or give the population in "denominator".`
				);
				continue;
			}
		}
		drafts.push(draft);
	}

	for (const overlap of findPartialOverlaps(drafts, storedPeriodsLookup(db))) {
		addError(report, {
			line: overlap.line,
			column: 'period',
			value: overlap.period,
			message: overlap.message
		});
	}
	// Valid figures are written even when others are refused: the transaction is rolled back,
	// and the counts then say what would have been written (formats.md §1.7).
	writeObservations(ctx, drafts);
}

function needsNoPopulation(draft: ObservationDraft): boolean {
	return draft.present.denominator != null;
}

/** The measure's own rules on one figure (formats.md §1.4). */
function checkFigure(
	r: RowReader,
	measure: Measure,
	f: {
		value: number | null | undefined;
		numerator: number | null | undefined;
		denominator: number | null | undefined;
	}
): void {
	if (f.value == null && f.numerator == null) {
		// a cell that failed to parse has already been reported
		if (r.text('value') == null && r.text('numerator') == null) {
			r.error(
				'value',
				'',
				measure === 'count' || measure === 'number'
					? 'value is required.'
					: 'value (or numerator) is required.'
			);
		}
		return;
	}
	if ((measure === 'count' || measure === 'number') && f.value == null) {
		r.error('value', '', `value is required for a ${measure} indicator.`);
		return;
	}
	if (measure === 'count' && f.value != null && f.value < 0) {
		r.error('value', r.text('value') ?? '', `A count cannot be negative.`);
	}
	if (measure === 'percent') {
		if ((f.numerator == null) !== (f.denominator == null)) {
			r.error(
				f.numerator == null ? 'numerator' : 'denominator',
				'',
				'A percent figure needs both numerator and denominator, or neither.'
			);
		}
		if (f.value != null && (f.value < 0 || f.value > 100)) {
			r.error('value', r.text('value') ?? '', 'A percentage must lie between 0 and 100.');
		}
		if (f.numerator != null && f.denominator != null) {
			if (f.denominator === 0) r.error('denominator', '0', 'The denominator cannot be 0.');
			else if (f.numerator > f.denominator) {
				r.error(
					'numerator',
					r.text('numerator') ?? '',
					'The numerator is larger than the denominator: the percentage would exceed 100.'
				);
			}
		}
	}
	if (measure === 'per_100k' && f.value != null && f.value < 0) {
		r.error('value', r.text('value') ?? '', 'A rate cannot be negative.');
	}
	if (measure === 'per_100k' && f.denominator === 0) {
		r.error('denominator', '0', 'The population (denominator) cannot be 0.');
	}
}

/** Dimension values as a stable JSON object: keys sorted, blanks left out. */
export function canonicalDimensions(dimensions: Record<string, string>): string {
	const sorted: Record<string, string> = {};
	for (const key of Object.keys(dimensions).sort()) sorted[key] = dimensions[key]!;
	return JSON.stringify(sorted);
}
