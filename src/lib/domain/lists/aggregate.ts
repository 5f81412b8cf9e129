/**
 * A list's rows become running sums (formats.md §5.3 steps 1–4), row by row, without keeping
 * any row: each rule's matched rows are added into a group keyed by (period, area, the values
 * of its dimensions), and a group holds five numbers. A million-row list costs as much memory
 * as its groups, never its rows.
 *
 * Each rule reads every row's date and area, matched by `where` or not, so a bad date or area
 * anywhere refuses the list. Errors are told to `issue` as they are found, with the line, the
 * column as the list writes it, and the cell (`""` when blank).
 */
import { m } from '../../paraglide/messages.js';
import { bucketContaining, type Granularity, type Period } from '../period';
import type { ListRule } from './rule';
import { AreaLevels, AreaMatcher, mixedLevelsMessage, type ListArea } from './area-match';
import { ListCategories } from './categories';
import { daysBetween, readListDate, type ListDate } from './list-date';
import { findListColumn, foldCell } from './list-columns';
import type { Hashtag } from '../hxl';

/** One problem of a list, as formats.md §1.7 reports it. */
export interface ListIssue {
	line: number | null;
	column: string | null;
	value: string | null;
	message: string;
}

export type NumberReading = { ok: true; value: number } | { ok: false; message: string };

/** A rule with what the engine needs of its indicator. */
export interface RulePlan {
	rule: ListRule;
	/** the indicator's reporting period (§5.3 step 3: month when it has none) */
	frequency: Granularity;
	/** a `sum` feeding a count: a negative cell is refused, as a negative count is */
	nonNegative: boolean;
}

export interface ListSetup {
	rules: readonly RulePlan[];
	areas: readonly ListArea[];
	/** spellings mapped to area codes for this source (see AreaMatcher) */
	areaAliases?: ReadonlyMap<string, string>;
	/** the categories already known per dimension */
	categories: ReadonlyMap<string, readonly string[]>;
	/** numbers as the file's delimiter writes them (§1.0) */
	readNumber(text: string): NumberReading;
}

/** The running sums of one group of rows; what a figure is made of. */
export interface Sums {
	/** rows matched (count, sum) */
	rows: number;
	/** sum: Σ cell; mean: Σ weight × cell; days: Σ weight × days */
	total: number;
	/** share: weight of the rows holding one of the values */
	hits: number;
	/** share: weight of the rows with a value; mean, days: Σ weight (the items) */
	weight: number;
	/** share, mean, days: rows used (the sample size) */
	used: number;
	/** the first row added: where a problem with the figure is reported */
	line: number;
}

/** One group of a rule: its period (an index into ListAggregate.periods), area and categories. */
export interface Group {
	period: number;
	areaId: number;
	/** the rule's dimension → category; empty for a rule without dimensions */
	categories: Readonly<Record<string, string>>;
	sums: Sums;
}

export interface RuleAggregate {
	plan: RulePlan;
	/** rows that pass `where` */
	matched: number;
	groups: Group[];
	/** the earliest and latest date in the rule's date column over every row; null without rows */
	firstDate: string | null;
	lastDate: string | null;
	/** the areas the rule's area column names (blank cells: its unlocated area), each with the first line naming it */
	namedAreas: ReadonlyMap<number, number>;
}

export interface ListAggregate {
	rows: number;
	rules: RuleAggregate[];
	periods: readonly Period[];
	newCategories: ListCategories['added'];
}

const FREQUENCY_SLOTS: readonly Granularity[] = ['month', 'quarter', 'half', 'year', 'fy'];

/** A date cell read once: the date, its day, and its period per frequency (ids, filled lazily). */
type DateRefusal = Extract<ListDate, { ok: false }>;

interface DateCell {
	ok: true;
	date: string;
	periods: (number | undefined)[];
}

/** A column many rules may share: read once per row. */
interface DateSlot {
	position: number;
	first: string | null;
	last: string | null;
	/** this row's date, null when the cell is bad */
	current: DateCell | null;
}

/** An area a row names, with its number among the areas the list names (where its sums are kept). */
interface NamedArea {
	area: ListArea;
	index: number;
}

interface AreaSlot {
	position: number;
	unlocated: NamedArea | null;
	/** area id → the first line naming it */
	named: Map<number, number>;
	current: NamedArea | null;
}

/** A column `where` reads: its cell of the current row, folded once for every rule. */
interface WhereColumn {
	position: number;
	/** cell as written → folded (a column `where` reads holds few distinct values) */
	folded: Map<string, string>;
	current: string;
}

interface Condition {
	column: WhereColumn;
	negated: boolean;
	values: ReadonlySet<string>;
}

/** A breakdown column of a rule, with the categories its cells were put in. */
interface DimensionColumn {
	dimension: string;
	position: number;
	/** cell as written → category (the first cell of a new category is told once, then known) */
	categories: Map<string, string>;
}

interface CompiledRule {
	plan: RulePlan;
	kind: ListRule['value']['kind'];
	frequencySlot: number;
	date: DateSlot;
	area: AreaSlot;
	where: Condition[];
	/** the value's column(s): sum, share, mean one; days FROM and TO */
	valueAt: number;
	toAt: number;
	shareValues: ReadonlySet<string>;
	weightAt: number;
	dimensions: DimensionColumn[];
	matched: number;
	/**
	 * The rule's sums by period id, then by area index: two array reads per row where a hash
	 * lookup in a map of thousands of groups cost a cache miss per rule and row.
	 */
	byPeriod: (GroupCell | undefined)[][];
	/** the same cells in the order their first row came (the order figures are written in) */
	cells: GroupCell[];
}

/** The sums of a rule's period and area: one, or per combination of its dimensions' categories. */
interface GroupCell {
	period: number;
	areaId: number;
	sums: Sums | null;
	byCategory: Map<string, Sums> | null;
}

const KEY_SEPARATOR = '\u0001';
/** Cells repeat (a few thousand dates, a few dozen areas); stop caching past this many. */
const CACHE_LIMIT = 50_000;

/** Opens a list: its header against the rules. The issues say why it cannot be read. */
export function openList(
	setup: ListSetup,
	headers: readonly string[],
	issue: (i: ListIssue) => void,
	/** the list's HXL tags, when it has a tag row: rules may name columns by hashtag */
	tags?: readonly (Hashtag | null)[]
): ListAggregator | null {
	const aggregator = new ListAggregator(setup, headers, issue, tags);
	return aggregator.refused ? null : aggregator;
}

export class ListAggregator {
	refused = false;
	private rows = 0;
	private readonly rules: CompiledRule[] = [];
	private readonly dateSlots: DateSlot[] = [];
	private readonly areaSlots: AreaSlot[] = [];
	private readonly matcher: AreaMatcher;
	private readonly levels: AreaLevels;
	private readonly categories: ListCategories;
	private readonly dateCells = new Map<string, DateCell | DateRefusal>();
	private readonly areaCells = new Map<string, NamedArea | string>();
	/** area id → the area with its index: areas are numbered as the list first names them */
	private readonly areaPlaces = new Map<number, NamedArea>();
	private readonly periods: Period[] = [];
	private readonly periodIds = new Map<string, number>();
	private readonly whereColumns: WhereColumn[] = [];
	/** cell as written → its number, or why it is not one */
	private readonly numberCells = new Map<string, NumberReading>();
	/** columns already reported on the current line: one error per cell */
	private reportedLine = 0;
	private readonly reportedColumns = new Set<number>();

	constructor(
		private readonly setup: ListSetup,
		private readonly headers: readonly string[],
		private readonly issue: (i: ListIssue) => void,
		private readonly tags?: readonly (Hashtag | null)[]
	) {
		this.matcher = new AreaMatcher(setup.areas, setup.areaAliases);
		this.levels = new AreaLevels(setup.areas);
		this.categories = new ListCategories(setup.categories);
		for (const plan of setup.rules) {
			const compiled = this.compile(plan);
			if (compiled) this.rules.push(compiled);
		}
	}

	private column(plan: RulePlan, name: string, role: string): number {
		const found = findListColumn(this.headers, name, this.tags);
		if (found.ok) return found.position;
		const about = { source: plan.rule.source, code: plan.rule.indicatorCode, column: name, role };
		const tagged = { ...about, tag: name };
		const message =
			found.reason === 'no_tags'
				? m.hxl_rule_no_tag_row(tagged)
				: found.reason === 'missing'
					? name.trim().startsWith('#')
						? m.hxl_rule_tag_missing(tagged)
						: m.impmsg_list_rule_column_missing(about)
					: name.trim().startsWith('#')
						? m.hxl_rule_tag_ambiguous({ ...tagged, candidates: found.candidates.join(', ') })
						: m.impmsg_list_rule_column_ambiguous({
								...about,
								candidates: found.candidates.join(', ')
							});
		this.issue({ line: 1, column: name, value: null, message });
		this.refused = true;
		return -1;
	}

	private compile(plan: RulePlan): CompiledRule | null {
		const { rule } = plan;
		const at = (name: string, role: string) => this.column(plan, name, role);
		const datePosition = at(rule.dateColumn, m.impmsg_list_role_date_column());
		const areaPosition = at(rule.areaColumn, m.impmsg_list_role_area_column());
		const where = rule.where.map((c) => ({
			column: this.whereColumn(at(c.column, m.impmsg_list_role_where())),
			negated: c.negated,
			values: new Set(c.values.map(foldCell))
		}));
		const value = rule.value;
		let valueAt = -1;
		let toAt = -1;
		let shareValues: ReadonlySet<string> = new Set();
		if (value.kind === 'sum' || value.kind === 'mean' || value.kind === 'share') {
			valueAt = at(value.column, m.impmsg_list_role_value());
		}
		if (value.kind === 'share') shareValues = new Set(value.values.map(foldCell));
		if (value.kind === 'days') {
			valueAt = at(value.from, m.impmsg_list_role_from());
			toAt = at(value.to, m.impmsg_list_role_to());
		}
		const weightAt = rule.weightColumn
			? at(rule.weightColumn, m.impmsg_list_role_weight_column())
			: -1;
		const dimensions = rule.dimensions.map((d) => ({
			dimension: d.dimension,
			position: at(d.column, m.impmsg_list_role_dimension({ dimension: d.dimension })),
			categories: new Map<string, string>()
		}));
		let unlocated: NamedArea | null = null;
		if (rule.unlocatedArea !== null) {
			const area = this.matcher.byCodeOf(rule.unlocatedArea);
			unlocated = area ? this.namedArea(area) : null;
			if (!unlocated) {
				this.issue({
					line: null,
					column: 'unlocated_area',
					value: rule.unlocatedArea,
					message: m.impmsg_list_unlocated_gone({
						source: rule.source,
						code: rule.indicatorCode,
						area: rule.unlocatedArea
					})
				});
				this.refused = true;
			}
		}
		if (this.refused) return null;
		return {
			plan,
			kind: value.kind,
			frequencySlot: FREQUENCY_SLOTS.indexOf(plan.frequency),
			date: this.dateSlot(datePosition),
			area: this.areaSlot(areaPosition, unlocated),
			where,
			valueAt,
			toAt,
			shareValues,
			weightAt,
			dimensions,
			matched: 0,
			byPeriod: [],
			cells: []
		};
	}

	private whereColumn(position: number): WhereColumn {
		let column = this.whereColumns.find((c) => c.position === position);
		if (!column) {
			column = { position, folded: new Map(), current: '' };
			this.whereColumns.push(column);
		}
		return column;
	}

	private dateSlot(position: number): DateSlot {
		let slot = this.dateSlots.find((s) => s.position === position);
		if (!slot) {
			slot = { position, first: null, last: null, current: null };
			this.dateSlots.push(slot);
		}
		return slot;
	}

	private namedArea(area: ListArea): NamedArea {
		let named = this.areaPlaces.get(area.id);
		if (!named) this.areaPlaces.set(area.id, (named = { area, index: this.areaPlaces.size }));
		return named;
	}

	private areaSlot(position: number, unlocated: NamedArea | null): AreaSlot {
		let slot = this.areaSlots.find((s) => s.position === position && s.unlocated === unlocated);
		if (!slot) {
			slot = { position, unlocated, named: new Map(), current: null };
			this.areaSlots.push(slot);
		}
		return slot;
	}

	private error(line: number, position: number, value: string, message: string): void {
		if (line !== this.reportedLine) {
			this.reportedLine = line;
			this.reportedColumns.clear();
		}
		if (this.reportedColumns.has(position)) return;
		this.reportedColumns.add(position);
		this.issue({ line, column: this.headers[position] ?? null, value, message });
	}

	private readDate(cell: string): DateCell | DateRefusal {
		let read = this.dateCells.get(cell);
		if (read) return read;
		const parsed = readListDate(cell);
		read = parsed.ok ? { ok: true, date: parsed.date, periods: [] } : parsed;
		if (this.dateCells.size < CACHE_LIMIT) this.dateCells.set(cell, read);
		return read;
	}

	private readArea(cell: string): NamedArea | string {
		let read = this.areaCells.get(cell);
		if (read) return read;
		const matched = this.matcher.match(cell);
		read = matched.ok ? this.namedArea(matched.area) : matched.message;
		if (this.areaCells.size < CACHE_LIMIT) this.areaCells.set(cell, read);
		return read;
	}

	private periodOf(cell: DateCell, slot: number): number {
		let id = cell.periods[slot];
		if (id === undefined) {
			const period = bucketContaining(cell.date, FREQUENCY_SLOTS[slot]!);
			id = this.periodIds.get(period.label);
			if (id === undefined) {
				id = this.periods.push(period) - 1;
				this.periodIds.set(period.label, id);
			}
			cell.periods[slot] = id;
		}
		return id;
	}

	/** Adds one row. `cells` are in header order. */
	row(line: number, cells: readonly string[]): void {
		this.rows++;
		// the columns `where` reads, folded once for every rule that reads them
		for (const column of this.whereColumns) {
			const cell = cells[column.position] ?? '';
			let folded = column.folded.get(cell);
			if (folded === undefined) {
				folded = foldCell(cell);
				if (column.folded.size < CACHE_LIMIT) column.folded.set(cell, folded);
			}
			column.current = folded;
		}
		for (const slot of this.dateSlots) {
			const cell = cells[slot.position] ?? '';
			const read = this.readDate(cell);
			if (!read.ok) {
				slot.current = null;
				this.error(line, slot.position, cell, read.message);
				continue;
			}
			slot.current = read;
			if (slot.first === null || read.date < slot.first) slot.first = read.date;
			if (slot.last === null || read.date > slot.last) slot.last = read.date;
		}
		for (const slot of this.areaSlots) this.locate(slot, line, cells);
		for (const rule of this.rules) this.add(rule, line, cells);
	}

	private locate(slot: AreaSlot, line: number, cells: readonly string[]): void {
		const cell = cells[slot.position] ?? '';
		slot.current = null;
		let named: NamedArea;
		if (cell === '' || cell.trim() === '') {
			if (!slot.unlocated) {
				this.error(line, slot.position, '', m.impmsg_list_area_blank());
				return;
			}
			named = slot.unlocated;
		} else {
			const read = this.readArea(cell);
			if (typeof read === 'string') {
				this.error(line, slot.position, cell, read);
				return;
			}
			named = read;
		}
		slot.current = named;
		const { area } = named;
		// an area this column named before was noted then: nothing new to check
		if (slot.named.has(area.id)) return;
		slot.named.set(area.id, line);
		const column = this.headers[slot.position] ?? '';
		for (const mixed of this.levels.name(area, { line, column, value: cell })) {
			this.issue({
				line: mixed.at.line,
				column: mixed.at.column,
				value: mixed.at.value,
				message: mixedLevelsMessage(mixed)
			});
		}
	}

	private passes(rule: CompiledRule): boolean {
		for (const c of rule.where) {
			const holds = c.values.has(c.column.current);
			if (holds === c.negated) return false;
		}
		return true;
	}

	private number(line: number, position: number, cell: string): number | null {
		let read = this.numberCells.get(cell);
		if (read === undefined) {
			read = this.setup.readNumber(cell);
			if (this.numberCells.size < CACHE_LIMIT) this.numberCells.set(cell, read);
		}
		if (read.ok) return read.value;
		this.error(
			line,
			position,
			cell,
			m.impmsg_number_refused({ value: cell, reason: read.message })
		);
		return null;
	}

	/** The row's weight for a rule that uses it: a blank, zero or negative weight is an error. */
	private weight(rule: CompiledRule, line: number, cells: readonly string[]): number | null {
		if (rule.weightAt < 0) return 1;
		const cell = cells[rule.weightAt] ?? '';
		if (cell.trim() === '') {
			this.error(line, rule.weightAt, '', m.impmsg_list_weight_blank());
			return null;
		}
		const weight = this.number(line, rule.weightAt, cell);
		if (weight === null) return null;
		if (weight <= 0) {
			this.error(line, rule.weightAt, cell, m.impmsg_list_weight_not_positive({ value: cell }));
			return null;
		}
		return weight;
	}

	private sumsOf(
		rule: CompiledRule,
		period: number,
		area: NamedArea,
		cells: readonly string[],
		line: number
	): Sums {
		let byArea = rule.byPeriod[period];
		if (byArea === undefined) {
			byArea = [];
			rule.byPeriod[period] = byArea;
		}
		let cell = byArea[area.index];
		if (cell === undefined) {
			cell = { period, areaId: area.area.id, sums: null, byCategory: null };
			byArea[area.index] = cell;
			rule.cells.push(cell);
		}
		if (rule.dimensions.length === 0) return (cell.sums ??= emptySums(line));
		let categories = '';
		for (let i = 0; i < rule.dimensions.length; i++) {
			const d = rule.dimensions[i]!;
			const text = cells[d.position] ?? '';
			let category = d.categories.get(text);
			if (category === undefined) {
				category = this.categories.categoryOf(
					d.dimension,
					text,
					line,
					this.headers[d.position] ?? d.dimension
				);
				if (d.categories.size < CACHE_LIMIT) d.categories.set(text, category);
			}
			categories = i === 0 ? category : categories + KEY_SEPARATOR + category;
		}
		const byCategory = (cell.byCategory ??= new Map());
		let sums = byCategory.get(categories);
		if (!sums) byCategory.set(categories, (sums = emptySums(line)));
		return sums;
	}

	/**
	 * The sums of the row's group. A method, not a closure made in `add`: that runs for every
	 * rule on every row, and a function made per call cost a tenth of a million-row import.
	 */
	private group(
		rule: CompiledRule,
		date: DateCell,
		area: NamedArea,
		cells: readonly string[],
		line: number
	): Sums {
		return this.sumsOf(rule, this.periodOf(date, rule.frequencySlot), area, cells, line);
	}

	private add(rule: CompiledRule, line: number, cells: readonly string[]): void {
		const date = rule.date.current;
		const area = rule.area.current;
		if (!this.passes(rule)) return;
		rule.matched++;
		if (!date || !area) return;
		let sums: Sums;
		switch (rule.kind) {
			case 'count':
				this.group(rule, date, area, cells, line).rows++;
				return;
			case 'sum': {
				const cell = cells[rule.valueAt] ?? '';
				let n = 0;
				if (cell.trim() !== '') {
					const read = this.number(line, rule.valueAt, cell);
					if (read === null) return;
					if (read < 0 && rule.plan.nonNegative) {
						this.error(line, rule.valueAt, cell, m.impmsg_list_sum_negative({ value: cell }));
						return;
					}
					n = read;
				}
				sums = this.group(rule, date, area, cells, line);
				sums.rows++;
				sums.total += n;
				return;
			}
			case 'share': {
				const cell = cells[rule.valueAt] ?? '';
				if (cell.trim() === '') return;
				const weight = this.weight(rule, line, cells);
				if (weight === null) return;
				sums = this.group(rule, date, area, cells, line);
				sums.rows++;
				sums.used++;
				sums.weight += weight;
				if (rule.shareValues.has(foldCell(cell))) sums.hits += weight;
				return;
			}
			case 'mean': {
				const cell = cells[rule.valueAt] ?? '';
				if (cell.trim() === '') return;
				const n = this.number(line, rule.valueAt, cell);
				const weight = this.weight(rule, line, cells);
				if (n === null || weight === null) return;
				sums = this.group(rule, date, area, cells, line);
				sums.rows++;
				sums.used++;
				sums.total += weight * n;
				sums.weight += weight;
				return;
			}
			case 'days': {
				const fromCell = cells[rule.valueAt] ?? '';
				const toCell = cells[rule.toAt] ?? '';
				if (fromCell.trim() === '' || toCell.trim() === '') return;
				const from = this.readDate(fromCell);
				const to = this.readDate(toCell);
				if (!from.ok) this.error(line, rule.valueAt, fromCell, from.message);
				if (!to.ok) this.error(line, rule.toAt, toCell, to.message);
				if (!from.ok || !to.ok) return;
				const days = daysBetween(from.date, to.date);
				if (days < 0) {
					this.error(
						line,
						rule.toAt,
						toCell,
						m.impmsg_list_days_backwards({
							to: toCell,
							from: fromCell,
							column: this.headers[rule.valueAt] ?? ''
						})
					);
					return;
				}
				const weight = this.weight(rule, line, cells);
				if (weight === null) return;
				sums = this.group(rule, date, area, cells, line);
				sums.rows++;
				sums.used++;
				sums.total += weight * days;
				sums.weight += weight;
				return;
			}
		}
	}

	/** The sums of every rule, once every row has been added. */
	finish(): ListAggregate {
		return {
			rows: this.rows,
			periods: this.periods,
			newCategories: this.categories.added,
			rules: this.rules.map((rule) => ({
				plan: rule.plan,
				matched: rule.matched,
				groups: [...groupsOf(rule)],
				firstDate: rule.date.first,
				lastDate: rule.date.last,
				namedAreas: rule.area.named
			}))
		};
	}
}

function emptySums(line: number): Sums {
	return { rows: 0, total: 0, hits: 0, weight: 0, used: 0, line };
}

function* groupsOf(rule: CompiledRule): Generator<Group> {
	for (const { period, areaId, sums, byCategory } of rule.cells) {
		if (sums) yield { period, areaId, categories: {}, sums };
		for (const [joined, sums] of byCategory ?? []) {
			const values = joined.split(KEY_SEPARATOR);
			const categories: Record<string, string> = {};
			rule.dimensions.forEach((d, i) => (categories[d.dimension] = values[i]!));
			yield { period, areaId, categories, sums };
		}
	}
}
