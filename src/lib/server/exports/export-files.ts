import {
	AREA_COLUMNS,
	FIGURE_COLUMNS,
	FRAMEWORK_COLUMNS,
	FRAMEWORK_FRENCH_COLUMNS,
	INDICATOR_COLUMNS,
	INDICATOR_FRENCH_COLUMNS,
	INDICATOR_STAGE_COLUMNS,
	OBSERVATION_COLUMNS,
	RULE_COLUMNS,
	SITE_COLUMNS
} from '../../domain/columns';
import type { ResultNode } from '../../domain/framework-tree';
import { ruleCells } from '../../domain/lists/rule-text';
import { loadSources } from '../lists/sources';
import { hidesFigure, rawFiguresFor, suppressedExportText } from '../../domain/small-cells';
import { FILE_KINDS, type FileKind, type Measure, type Sensitivity } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import { loadAreaTree } from '../areas/tree';
import type { Db } from '../db';
import { indicators } from '../db/schema';
import { visibleSites } from '../sites/visible';
import { loadFramework } from '../framework/tree';
import {
	findVisibleIndicator,
	visibleIndicatorCondition,
	visibleIndicators
} from '../indicators/visible';
import { loadDimensionSets } from '../observations/dimension-sets';
import { authorize } from '../permissions';
import { smallCellThreshold } from '../settings/small-cells';
import { csvChunks, type Cell, type CsvOptions } from './csv';
import { actionPointsCsv } from '../action-points/export';
import { listActionPoints } from '../action-points/list';
import { today } from '../clock';
import { exportOutputs, exportResources } from './rbb-files';

export interface ExportOptions {
	/** observations only: one indicator's figures */
	indicator?: string;
	/**
	 * observations only: small cells of restricted indicators as stored, for a cleared actor
	 * (anyone else gets them suppressed); without it they are written `<5`.
	 */
	raw?: boolean;
	/** every kind: the HXL hashtag row under the header (docs/formats.md "HXL") */
	hxl?: boolean;
}

export type ExportResult =
	| { ok: true; chunks: Iterable<string> }
	| { ok: false; problem: 'not_found' | 'bad_request'; message: string };

/**
 * Exports one kind in exactly its import format (formats.md §3 `export`), so that importing
 * the export changes nothing. Rows come in a stable order: the same data exports byte for byte
 * the same.
 */
export function exportKind(
	db: Db,
	actor: Actor,
	kind: string,
	options: ExportOptions = {}
): ExportResult {
	authorize(actor, 'read');
	if (!(FILE_KINDS as readonly string[]).includes(kind)) {
		return {
			ok: false,
			problem: 'bad_request',
			message: `"${kind}" is not a kind of file; use one of: ${FILE_KINDS.join(', ')}.`
		};
	}
	for (const option of ['indicator', 'raw'] as const) {
		if (options[option] !== undefined && kind !== 'observations') {
			return {
				ok: false,
				problem: 'bad_request',
				message: `--${option} applies to observations only.`
			};
		}
	}
	// each kind tags its columns by its own table
	const csv: CsvOptions = { hxl: options.hxl ? (kind as FileKind) : null };
	switch (kind as FileKind) {
		case 'areas':
			return { ok: true, chunks: exportAreas(db, csv) };
		case 'framework':
			return { ok: true, chunks: exportFramework(db, actor, csv) };
		case 'indicators':
			return { ok: true, chunks: exportIndicators(db, actor, csv) };
		case 'rules':
			return { ok: true, chunks: exportRules(db, actor, csv) };
		case 'sites':
			return { ok: true, chunks: exportSites(db, actor, csv) };
		case 'actions':
			return {
				ok: true,
				// by reference: the same action points export the same bytes whatever the day
				chunks: actionPointsCsv(
					listActionPoints(db, actor, today()).sort((a, b) => a.id - b.id),
					csv
				)
			};
		case 'outputs':
			return { ok: true, chunks: exportOutputs(db, csv) };
		case 'resources':
			return { ok: true, chunks: exportResources(db, csv) };
		case 'observations': {
			let indicatorId: number | undefined;
			if (options.indicator !== undefined) {
				const found = findVisibleIndicator(db, actor, options.indicator);
				if (!found) {
					return {
						ok: false,
						problem: 'not_found',
						message: `Unknown indicator "${options.indicator}".`
					};
				}
				indicatorId = found.id;
			}
			const suppression = rawFiguresFor(actor, options.raw ?? false)
				? null
				: smallCellThreshold(db);
			return {
				ok: true,
				chunks: exportObservations(db, actor, suppression, indicatorId, csv)
			};
		}
	}
}

/** Every source's rules, by source and indicator; rules of indicators the actor may not see are left out. */
function* exportRules(db: Db, actor: Actor, csv: CsvOptions): Generator<string> {
	const seen = new Set(
		visibleIndicators(
			actor,
			db
				.select({ code: indicators.code, sensitivity: indicators.sensitivity })
				.from(indicators)
				.all()
		).map((i) => i.code)
	);
	const rows = loadSources(db).flatMap((source) =>
		source.rules
			.filter((rule) => seen.has(rule.indicatorCode))
			.map((rule) => {
				const cells = ruleCells(rule);
				return RULE_COLUMNS.map((c) => cells[c]);
			})
	);
	yield* csvChunks(RULE_COLUMNS, rows, csv);
}

/** The sites the actor may see, by code; a restricted site is left out for an uncleared actor. */
function* exportSites(db: Db, actor: Actor, csv: CsvOptions): Generator<string> {
	const rows = visibleSites(db, actor).map((s) => [
		s.code,
		s.name,
		s.type,
		s.latitude,
		s.longitude,
		s.opened,
		s.closed,
		s.sensitivity
	]);
	yield* csvChunks(SITE_COLUMNS, rows, csv);
}

/** numerator, denominator, sample_size, ci_low, ci_high of a hidden small cell */
const HIDDEN_NUMBERS = [null, null, null, null, null];

function* exportAreas(db: Db, csv: CsvOptions): Generator<string> {
	const tree = loadAreaTree(db);
	const rows: Cell[][] = [];
	const walk = (parent: number | null, parentCode: string | null) => {
		for (const area of tree.childrenOf(parent)) {
			const populations = [...area.populations].sort((a, b) => (a.year ?? -1) - (b.year ?? -1));
			const level = area.level ?? null;
			if (populations.length === 0)
				rows.push([area.code, area.name, parentCode, level, null, null]);
			for (const p of populations) {
				rows.push([area.code, area.name, parentCode, level, p.population, p.year]);
			}
			walk(area.id, area.code);
		}
	};
	walk(null, null);
	yield* csvChunks(AREA_COLUMNS, rows, csv);
}

function* exportFramework(db: Db, actor: Actor, csv: CsvOptions): Generator<string> {
	const framework = loadFramework(db, actor);
	const nodes: ResultNode[] = [];
	const walk = (ids: number[]) => {
		for (const id of ids) {
			const node = framework.branch(id)!;
			nodes.push(node);
			walk(node.children.map((c) => c.id));
		}
	};
	walk(framework.objectives().map((o) => o.id));
	// the French columns are our extension of the format: written only when some node has one
	const withFrench = nodes.some(
		(n) => n.titleFr || n.driverOfChangeFr || n.criticalConditionFr || n.descriptionFr
	);
	const rows = nodes.map((node) => {
		const parent = node.parentId === null ? null : framework.get(node.parentId)!.code;
		const row: Cell[] = [
			node.code,
			node.level,
			node.title,
			parent,
			node.driverOfChange,
			node.criticalCondition,
			node.components,
			node.tier,
			node.description
		];
		if (withFrench) {
			row.push(node.titleFr, node.driverOfChangeFr, node.criticalConditionFr, node.descriptionFr);
		}
		return row;
	});
	yield* csvChunks(
		withFrench ? [...FRAMEWORK_COLUMNS, ...FRAMEWORK_FRENCH_COLUMNS] : FRAMEWORK_COLUMNS,
		rows,
		csv
	);
}

function* exportIndicators(db: Db, actor: Actor, csv: CsvOptions): Generator<string> {
	const framework = loadFramework(db, actor);
	const all = visibleIndicators(actor, db.select().from(indicators).all());
	all.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
	// dpo_code is our extension of the format: written only when some indicator has one
	const withDpo = all.some((i) => i.dpoCode);
	// and so are the French columns, after it
	const withFrench = all.some((i) => i.titleFr || i.definitionFr);
	// and a milestone's stages, last
	const withStages = all.some((i) => i.stages);
	const fields: string[] = [...INDICATOR_COLUMNS];
	if (withDpo) fields.push('dpo_code');
	if (withFrench) fields.push(...INDICATOR_FRENCH_COLUMNS);
	if (withStages) fields.push(...INDICATOR_STAGE_COLUMNS);
	const rows = all.map((i) => {
		const row: Cell[] = [
			i.code,
			i.title,
			framework.get(i.resultId)?.code,
			i.category,
			i.direction,
			i.measure,
			i.aggregation,
			i.frequency,
			i.dimensions,
			i.baselineValue,
			i.baselinePeriod,
			i.tier,
			i.unit,
			i.dataSource,
			i.component,
			i.definition,
			i.sensitivity
		];
		if (withDpo) row.push(i.dpoCode);
		if (withFrench) row.push(i.titleFr, i.definitionFr);
		if (withStages) row.push(i.stages, i.stagesFr);
		return row;
	});
	yield* csvChunks(fields, rows, csv);
}

/**
 * `threshold` null writes every figure as stored; otherwise a small cell of a restricted
 * indicator has `<5` for its value and none of the numbers that would reveal it (numerator,
 * denominator, sample size, interval). Such a file no longer imports back unchanged: a
 * round trip needs the raw export.
 */
function* exportObservations(
	db: Db,
	actor: Actor,
	threshold: number | null,
	indicatorId: number | undefined,
	csv: CsvOptions
): Generator<string> {
	const sets = loadDimensionSets(db);
	// every dimension any indicator declares, in the order indicators declare them
	const dimensions: string[] = [];
	const declaring = db
		.select({ d: indicators.dimensions, sensitivity: indicators.sensitivity })
		.from(indicators)
		.orderBy(indicators.code)
		.all();
	for (const i of visibleIndicators(actor, declaring)) {
		for (const d of i.d ? i.d.split(';') : []) if (!dimensions.includes(d)) dimensions.push(d);
	}
	const visible = visibleIndicatorCondition(db, actor, 'o.indicator_id');
	const stmt = db.$client
		.prepare(
			`SELECT i.code, o.period, a.code, o.value_type, ${FIGURE_COLUMNS.map((c) => `o.${c}`).join(', ')},
			 i.measure, i.sensitivity, o.dimension_set_id
			 FROM observations o JOIN indicators i ON i.id = o.indicator_id
			 LEFT JOIN areas a ON a.id = o.area_id
			 WHERE ${visible.sql} ${indicatorId === undefined ? '' : 'AND o.indicator_id = ?'}
			 ORDER BY i.code, o.period_start, o.period_end, a.code, o.dimension_set_id, o.value_type`
		)
		.raw(true);
	const rows = function* () {
		const args = [...visible.params, ...(indicatorId === undefined ? [] : [indicatorId])];
		for (const raw of stmt.iterate(...args) as Iterable<Cell[]>) {
			const [code, period, area, valueType, ...rest] = raw;
			const dims = sets.get(rest.pop() as number) ?? {};
			const sensitivity = rest.pop() as Sensitivity;
			const measure = rest.pop() as Measure;
			if (threshold !== null) {
				const [value, , numerator, denominator, sampleSize] = rest as (number | null)[];
				const figure = { valueType: valueType as string, dimensions: dims };
				const numbers = {
					value: value!,
					numerator: numerator!,
					denominator: denominator!,
					sampleSize: sampleSize!
				};
				if (hidesFigure({ measure, sensitivity }, { ...figure, ...numbers }, threshold)) {
					// value, verification kept, then numerator … ci_high left out, source and comment kept
					rest.splice(0, 7, suppressedExportText('small', threshold), rest[1], ...HIDDEN_NUMBERS);
				}
			}
			yield [
				code,
				period,
				area,
				rest[0],
				valueType,
				...rest.slice(1),
				...dimensions.map((d) => dims[d])
			] as Cell[];
		}
	};
	yield* csvChunks([...OBSERVATION_COLUMNS, ...dimensions], rows(), csv);
}
