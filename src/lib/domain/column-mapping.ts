/**
 * Mapping a file's own headers onto the contract's columns (formats.md §1), and its local
 * values onto ours: the file an incident database or a partner exports says `Indicateur`,
 * `Province`, `Total` and `F`; the importer wants `indicator_code`, `area_code`, `value` and
 * `female`. Pure: the planner confirms what is suggested here, and the importer then checks
 * the mapped file by the same rules as any other.
 */
import { m } from '../paraglide/messages.js';
import {
	AREA_COLUMNS,
	FRAMEWORK_COLUMNS,
	INDICATOR_COLUMNS,
	OBSERVATION_COLUMNS,
	RULE_COLUMNS,
	SITE_COLUMNS,
	ACTION_COLUMNS,
	OUTPUT_COLUMNS,
	RESOURCE_COLUMNS
} from './columns';
import { parsePeriod } from './period';
import { editDistance } from './suggest';
import type { FileKind } from './vocabulary';

/** File header (as written) → contract column, or null to leave the column out. */
export type ColumnMap = Record<string, string | null>;

/** Contract column → { value as written in the file → value as the contract wants }. */
export type ValueMap = Record<string, Record<string, string>>;

export interface Mapping {
	columns: ColumnMap;
	values: ValueMap;
}

/** The columns a file of each kind can map onto; observations also take dimension names. */
export function targetColumns(kind: FileKind, dimensions: readonly string[] = []): string[] {
	switch (kind) {
		case 'areas':
			return [...AREA_COLUMNS];
		case 'framework':
			return [...FRAMEWORK_COLUMNS];
		case 'indicators':
			return [...INDICATOR_COLUMNS];
		case 'rules':
			return [...RULE_COLUMNS];
		case 'observations':
			return [...OBSERVATION_COLUMNS, ...dimensions.filter((d) => !isContractFigure(d))];
		case 'sites':
			return [...SITE_COLUMNS];
		case 'actions':
			return [...ACTION_COLUMNS];
		case 'outputs':
			return [...OUTPUT_COLUMNS];
		case 'resources':
			return [...RESOURCE_COLUMNS];
	}
}

function isContractFigure(name: string): boolean {
	return (OBSERVATION_COLUMNS as readonly string[]).includes(name);
}

/**
 * Other names the same column goes by in real exports, in English and French (headers are
 * compared without case, accents or punctuation). The first column to claim a header wins.
 */
const SYNONYMS: Record<string, string[]> = {
	indicator_code: ['indicator', 'indicateur', 'code indicateur', 'indicator id', 'indicateur code'],
	period: [
		'month',
		'mois',
		'periode',
		'reporting period',
		'periode de rapport',
		'quarter',
		'trimestre',
		'year',
		'annee',
		'date'
	],
	area_code: [
		'area',
		'province',
		'region',
		'zone',
		'county',
		'district',
		'territory',
		'territoire',
		'state',
		'etat',
		'location',
		'localite',
		'lieu'
	],
	value: ['total', 'valeur', 'count', 'nombre', 'number', 'incidents', 'amount', 'figure'],
	value_type: ['type', 'type de valeur', 'actual or target'],
	verification: ['verified', 'verification status', 'statut de verification', 'statut'],
	numerator: ['numerateur', 'yes', 'oui'],
	denominator: ['denominateur', 'population'],
	sample_size: [
		'n',
		'sample',
		'echantillon',
		'taille de l echantillon',
		'respondents',
		'repondants'
	],
	ci_low: ['lower bound', 'borne inferieure'],
	ci_high: ['upper bound', 'borne superieure'],
	source: ['data source', 'source des donnees'],
	comment: ['comments', 'note', 'notes', 'remarks', 'remarque', 'commentaire', 'commentaires'],
	sex: ['gender', 'sexe', 'genre'],
	age: ['age group', 'tranche d age', 'groupe d age'],
	perpetrator: ['perpetrators', 'auteur', 'auteurs', 'alleged perpetrator', 'auteur presume'],
	area_name: ['name', 'nom'],
	parent_area: ['parent', 'parent area'],
	area_level: ['level', 'niveau'],
	population_year: ['census year', 'annee de recensement'],
	result_code: ['result', 'resultat', 'code resultat'],
	result_level: ['level', 'niveau'],
	result_title: ['title', 'titre', 'result title'],
	parent_result: ['parent', 'parent result'],
	indicator_title: ['title', 'titre', 'intitule', 'indicator title'],
	baseline_value: ['baseline', 'base', 'valeur de reference', 'reference'],
	baseline_period: ['baseline year', 'annee de reference']
};

/** A header as compared: lower case, accents and punctuation gone, words single-spaced. */
export function comparable(header: string): string {
	return header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** How a file is recognised when it comes again: its headers, compared as above. */
export function headerSignature(headers: readonly string[]): string {
	return headers.map(comparable).join('|');
}

/** True when a header is itself a period: a column of a wide observations file. */
export function isPeriodHeader(header: string): boolean {
	return header.trim() !== '' && parsePeriod(header.trim()).ok;
}

/**
 * The suggested column for each header: the contract name itself, then a known synonym, then
 * a close spelling (a typo or a plural). Period headers stay as they are (wide form); a
 * header nothing resembles is left out. No contract column is claimed twice.
 */
export function suggestColumns(headers: readonly string[], targets: readonly string[]): ColumnMap {
	const map: ColumnMap = {};
	const taken = new Set<string>();
	const byName = new Map(targets.map((t) => [comparable(t), t]));
	const claim = (header: string, target: string | undefined) => {
		if (!target || taken.has(target) || header in map) return;
		map[header] = target;
		taken.add(target);
	};
	// exact names first, so a synonym never takes a column a later header names outright
	for (const h of headers) claim(h, byName.get(comparable(h)));
	for (const h of headers) {
		if (h in map) continue;
		const c = comparable(h);
		claim(
			h,
			targets.find((t) => SYNONYMS[t]?.includes(c))
		);
	}
	for (const h of headers) {
		if (h in map) continue;
		const c = comparable(h);
		if (c.length < 4) continue;
		let best: string | undefined;
		let bestDistance = Infinity;
		for (const [name, target] of byName) {
			const within = Math.max(1, Math.floor(name.length / 5));
			// lengths further apart than that cannot be close enough: skip the costly distance
			if (Math.abs(c.length - name.length) > within) continue;
			const d = editDistance(c, name);
			if (d < bestDistance && d <= within) {
				best = target;
				bestDistance = d;
			}
		}
		claim(h, best);
	}
	for (const h of headers) {
		if (!(h in map)) map[h] = isPeriodHeader(h) ? h.trim() : null;
	}
	return map;
}

/** Two headers mapped onto one column: the planner must choose. */
export function mappingProblems(columns: ColumnMap): string[] {
	const seen = new Map<string, string>();
	const problems: string[] = [];
	for (const [header, target] of Object.entries(columns)) {
		if (target === null) continue;
		const other = seen.get(target);
		if (other !== undefined) {
			problems.push(m.impmsg_mapping_twice({ other, header, target }));
		} else seen.set(target, header);
	}
	return problems;
}

/**
 * Turns rows of the file into rows of the mapped file, row for row, so every line keeps its
 * number and errors point at the line the planner sees in the original.
 */
export class RowMapper {
	/** [position in the file's row, value map of its column] per mapped column */
	private readonly plan: [number, Record<string, string> | undefined][];
	readonly header: string[];

	constructor(headers: readonly string[], mapping: Mapping) {
		this.plan = [];
		this.header = [];
		headers.forEach((h, i) => {
			const target = mapping.columns[h];
			if (target === null || target === undefined) return;
			this.plan.push([i, mapping.values[target]]);
			this.header.push(target);
		});
	}

	map(row: readonly string[]): string[] {
		const out = new Array<string>(this.plan.length);
		for (let i = 0; i < this.plan.length; i++) {
			const [position, values] = this.plan[i]!;
			const cell = (row[position] ?? '').trim();
			out[i] = values?.[cell] ?? cell;
		}
		return out;
	}
}

/** A value the contract knows (an area code, a category), with a name it also goes by. */
export interface KnownValue {
	code: string;
	name?: string;
}

/** Local words for the contract's usual categories and vocabularies, English and French. */
const VALUE_SYNONYMS: Record<string, string[]> = {
	female: ['f', 'femme', 'femmes', 'feminin', 'women', 'woman', 'girl', 'girls', 'fille', 'filles'],
	male: ['m', 'h', 'homme', 'hommes', 'masculin', 'men', 'man', 'boy', 'boys', 'garcon', 'garcons'],
	child: ['enfant', 'enfants', 'children', 'minor', 'minors', 'mineur', 'mineurs'],
	adult: ['adulte', 'adultes', 'adults'],
	verified: ['verifie', 'verifiee', 'confirmed', 'confirme', 'yes', 'oui'],
	unverified: ['non verifie', 'unconfirmed', 'non confirme', 'no', 'non'],
	actual: ['reel', 'realise', 'actuals', 'observed'],
	target: ['cible', 'objectif', 'targets']
};

/**
 * The known value a file's value most likely means: its code in another case, the name of an
 * area ("Nord-Kivu" → NK), a local word (F → female), the one code it abbreviates, or a close
 * spelling. Null when nothing is convincing: the planner chooses.
 */
export function suggestValue(value: string, known: readonly KnownValue[]): string | null {
	const v = comparable(value);
	if (v === '') return null;
	const exact = known.find((k) => comparable(k.code) === v || (k.name && comparable(k.name) === v));
	if (exact) return exact.code;
	const synonym = known.find((k) => VALUE_SYNONYMS[k.code]?.includes(v));
	if (synonym) return synonym.code;
	const prefixed = known.filter((k) => comparable(k.code).startsWith(v));
	if (prefixed.length === 1) return prefixed[0]!.code;
	let best: string | null = null;
	let bestDistance = Infinity;
	for (const k of known) {
		for (const name of [k.code, k.name]) {
			if (!name) continue;
			const d = editDistance(v, comparable(name));
			if (d < bestDistance && d <= Math.max(1, Math.floor(v.length / 4))) {
				best = k.code;
				bestDistance = d;
			}
		}
	}
	return best;
}

/**
 * A saved mapping applied to a file whose headers differ only in case, accents or spacing
 * (the same signature): each header takes the column of the saved header it matches.
 */
export function rekeyColumns(columns: ColumnMap, headers: readonly string[]): ColumnMap {
	const byComparable = new Map(Object.entries(columns).map(([h, t]) => [comparable(h), t]));
	return Object.fromEntries(headers.map((h) => [h, byComparable.get(comparable(h)) ?? null]));
}
