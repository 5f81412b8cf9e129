// The real-data example's small results framework, written as the contract's files (formats.md
// §1.2, §1.3) so it goes through the importer like a planner's. Its three indicators are the DPO
// standard indicators the UCDP template writes (src/lib/server/lists/templates/ucdp-ged.csv),
// measured as counts: the example has no population figures to divide by.

import Papa from 'papaparse';
import {
	AREA_COLUMNS,
	FRAMEWORK_COLUMNS,
	FRAMEWORK_FRENCH_COLUMNS,
	INDICATOR_COLUMNS,
	INDICATOR_FRENCH_COLUMNS
} from '../../domain/columns';

type Row = Record<string, string>;

/** The country: the top area, parent of every prefecture. */
export const COUNTRY = { code: 'CF', name: 'Central African Republic' } as const;

/**
 * Where events UCDP could not place in a prefecture go (the source's `unlocated_area`): not the
 * country itself, since a list may not name an area and one of its sub-areas.
 */
export const UNLOCATED = { code: 'CF-UNK', name: 'Prefecture not recorded' } as const;

/**
 * The level of CAR's first-level areas (its 16 prefectures and Bangui) as UCDP names it: its
 * `adm_1` cells read `Ouaka province`, which then match the area Ouaka by name and level
 * (domain/lists/area-match.ts), with no spelling to map by hand.
 */
export const PREFECTURE_LEVEL = 'province';

export interface Prefecture {
	code: string;
	name: string;
}

const SOURCE_NOTE =
	'UCDP Georeferenced Event Dataset (GED) 23.1, CC BY 4.0; events of organised violence with at least one death';

const FRAMEWORK: Row[] = [
	{
		result_code: 'CAR-PO1',
		result_level: 'objective',
		result_title: 'Civilians in the Central African Republic are protected from physical violence',
		tier: 'II',
		description:
			'A real-data example: the events of organised violence UCDP recorded in the Central African Republic from 1991 to 2022, per prefecture, with the prefectures of geoBoundaries. Public data only; no mission figures, no targets.',
		result_title_fr:
			'Les civils de la République centrafricaine sont protégés contre la violence physique',
		description_fr:
			"Un exemple sur données réelles : les événements de violence organisée relevés par l'UCDP en République centrafricaine de 1991 à 2022, par préfecture, avec les préfectures de geoBoundaries. Données publiques uniquement ; ni chiffres de mission, ni cibles."
	},
	{
		result_code: 'CAR-PO1-IM1',
		result_level: 'impact',
		result_title: 'Physical violence by armed actors against civilians decreases',
		parent_result: 'CAR-PO1',
		driver_of_change: 'Threat posed by armed groups decreases',
		tier: 'II',
		result_title_fr: 'La violence physique des acteurs armés contre les civils diminue',
		driver_of_change_fr: 'La menace que représentent les groupes armés diminue'
	}
];

const indicator = (row: Row): Row => ({
	result_code: 'CAR-PO1-IM1',
	category: 'situation',
	direction: 'decrease',
	measure: 'count',
	frequency: 'quarter',
	data_source: SOURCE_NOTE,
	component: 'JOC;Human Rights',
	sensitivity: 'public',
	...row
});

const INDICATORS: Row[] = [
	indicator({
		indicator_code: '1.1.1',
		indicator_title: 'Number of armed clashes between organised armed actors',
		dimensions: 'perpetrator',
		tier: 'I',
		unit: 'events',
		definition:
			'UCDP events of state-based (type_of_violence 1) and non-state (2) conflict in the prefecture and quarter, by perpetrator (UCDP side_a). Stands in for the DPO standard indicator 1.1.1 (violations of cease-fire agreements), which no public event data measures directly.',
		indicator_title_fr: "Nombre d'affrontements entre acteurs armés organisés",
		definition_fr:
			"Événements UCDP de conflit étatique (type_of_violence 1) et non étatique (2) dans la préfecture et le trimestre, par auteur (side_a de l'UCDP). Tient lieu de l'indicateur standard du DPO 1.1.1 (violations des accords de cessez-le-feu), qu'aucune donnée publique d'événements ne mesure directement."
	}),
	indicator({
		indicator_code: '1.2.1',
		indicator_title: 'Number of civilian deaths in organised violence',
		tier: 'II',
		unit: 'deaths',
		definition:
			'Sum of UCDP deaths_civilians (best estimate) over all events in the prefecture and quarter. The DPO standard indicator 1.2.1 is a rate per 100,000 people; the example has no population figures, so it counts.',
		indicator_title_fr: 'Nombre de civils tués dans la violence organisée',
		definition_fr:
			"Somme des deaths_civilians de l'UCDP (meilleure estimation) sur tous les événements de la préfecture et du trimestre. L'indicateur standard du DPO 1.2.1 est un taux pour 100 000 habitants ; l'exemple n'a pas de chiffres de population, il compte donc."
	}),
	indicator({
		indicator_code: '1.2.3',
		indicator_title: 'Number of events of one-sided violence against civilians',
		tier: 'II',
		unit: 'events',
		definition:
			'UCDP events of one-sided violence (type_of_violence 3: an organised actor against civilians) in the prefecture and quarter.',
		indicator_title_fr: "Nombre d'événements de violence unilatérale contre des civils",
		definition_fr:
			'Événements UCDP de violence unilatérale (type_of_violence 3 : un acteur organisé contre des civils) dans la préfecture et le trimestre.'
	})
];

export interface CarFile {
	name: 'areas.csv' | 'framework.csv' | 'indicators.csv';
	content: string;
}

/** The example's files of the contract, in the order they import. */
export function carMissionFiles(prefectures: readonly Prefecture[]): CarFile[] {
	const areas: Row[] = [
		{ area_code: COUNTRY.code, area_name: COUNTRY.name, area_level: 'country' },
		...prefectures.map((p) => ({
			area_code: p.code,
			area_name: p.name,
			parent_area: COUNTRY.code,
			area_level: PREFECTURE_LEVEL
		})),
		{ area_code: UNLOCATED.code, area_name: UNLOCATED.name, parent_area: COUNTRY.code }
	];
	return [
		csv('areas.csv', AREA_COLUMNS, areas),
		csv('framework.csv', [...FRAMEWORK_COLUMNS, ...FRAMEWORK_FRENCH_COLUMNS], FRAMEWORK),
		csv('indicators.csv', [...INDICATOR_COLUMNS, ...INDICATOR_FRENCH_COLUMNS], INDICATORS)
	];
}

function csv(name: CarFile['name'], fields: readonly string[], rows: Row[]): CarFile {
	const data = rows.map((row) => fields.map((field) => row[field] ?? ''));
	const content = Papa.unparse({ fields: [...fields], data }, { delimiter: ',', newline: '\n' });
	return { name, content: `${content}\n` };
}
