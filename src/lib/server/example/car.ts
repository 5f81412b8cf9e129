/**
 * The real-data example (`npm run example:car`, README "A real-data example"): the Central
 * African Republic from public data only, loaded through the same paths a planner's files take.
 *
 * 1. areas (the country, its prefectures from the geoBoundaries file), a small framework and the
 *    three indicators the UCDP template writes, with the template's rules — one import;
 * 2. the prefectures' outlines, and the country's (their union), through importBoundaries;
 * 3. the UCDP GED events through the list importer, by the template's rules.
 *
 * Both data files are CC BY 4.0; the app shows their attribution while it runs on the example
 * (example/car-flag.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { RULE_COLUMNS } from '../../domain/columns';
import { outlineUnions } from '../../domain/maps/outline-union';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { results } from '../db/schema';
import { importFiles, type IncomingFile } from '../imports/import-files';
import type { ImportReport } from '../imports/report';
import { importLists } from '../lists/import-lists';
import { findTemplate, templateFor } from '../lists/templates';
import { importBoundaries, type BoundariesReport } from '../maps/import-boundaries';
import { authorize } from '../permissions';
import { markCarExample } from './car-flag';
import { carMissionFiles, COUNTRY, UNLOCATED, type Prefecture } from './car-mission';

/** The example's two data files, in the folder given to loadCarExample. */
export const CAR_DATA = {
	boundaries: 'geoboundaries-caf-adm1.geojson',
	events: 'ucdp-ged-central-african-republic.csv'
} as const;

/** The list source the UCDP template becomes, and the feature property outlines match by. */
export const UCDP_SOURCE = 'ucdp-ged';
export const BOUNDARY_MATCH = 'shapeISO';

export interface CarExampleReport {
	ok: boolean;
	/** the contract's files and the rules, then the UCDP events (kind `list`) */
	imports: ImportReport;
	/** the outlines' import; null when the files before it were refused */
	boundaries: BoundariesReport | null;
}

type Outline = Polygon | MultiPolygon;
interface BoundaryProperties {
	shapeName?: unknown;
	shapeISO?: unknown;
}

/**
 * Loads the example into `db`, which must hold no framework yet (the example is a database of
 * its own). Stops at the first step refused; each step writes all or nothing.
 */
export async function loadCarExample(
	db: Db,
	actor: Actor,
	dataDir: string
): Promise<CarExampleReport> {
	authorize(actor, 'import');
	const [{ n }] = db.select({ n: count() }).from(results).all() as [{ n: number }];
	if (n > 0) {
		throw new Error('The CAR example loads into an empty database; this one has a framework.');
	}
	const outlines = readPrefectures(join(dataDir, CAR_DATA.boundaries));
	const prefectures = outlines.features.map((f) => prefectureOf(f));

	const encoder = new TextEncoder();
	const file = (name: string, content: string): IncomingFile => ({
		name,
		bytes: encoder.encode(content)
	});
	const imports = await importFiles(db, actor, [
		...carMissionFiles(prefectures).map((f) => file(f.name, f.content)),
		file('ucdp-ged-rules.csv', ucdpRules())
	]);
	if (!imports.ok) return { ok: false, imports, boundaries: null };

	const boundaries = importBoundaries(
		db,
		actor,
		{ name: CAR_DATA.boundaries, bytes: encoder.encode(JSON.stringify(withCountry(outlines))) },
		{ match: BOUNDARY_MATCH }
	);
	if (!boundaries.ok) return { ok: false, imports, boundaries };

	const events = await importLists(db, actor, UCDP_SOURCE, [
		{ name: CAR_DATA.events, bytes: readFileSync(join(dataDir, CAR_DATA.events)) }
	]);
	imports.ok = events.ok;
	imports.files.push(...events.files);
	if (imports.ok) markCarExample(db);
	return { ok: imports.ok, imports, boundaries };
}

/**
 * The UCDP template's rules as shipped, for the source `ucdp-ged`, with the example's area for
 * events without a province: the one thing a template leaves to the mission.
 */
export function ucdpRules(): string {
	const template = findTemplate('ucdp-ged');
	if (!template) throw new Error('The UCDP GED template is missing from the product.');
	const rows = Papa.parse<Record<string, string>>(templateFor(template, UCDP_SOURCE).trim(), {
		header: true
	}).data;
	const data = rows.map((row) =>
		RULE_COLUMNS.map((c) => (c === 'unlocated_area' ? UNLOCATED.code : (row[c] ?? '')))
	);
	return `${Papa.unparse({ fields: [...RULE_COLUMNS], data }, { newline: '\n' })}\n`;
}

function readPrefectures(path: string): FeatureCollection<Outline, BoundaryProperties> {
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<
		Outline,
		BoundaryProperties
	>;
	if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
		throw new Error(`${path}: not a GeoJSON FeatureCollection`);
	}
	return parsed;
}

function prefectureOf(feature: Feature<Outline, BoundaryProperties>): Prefecture {
	const { shapeName, shapeISO } = feature.properties ?? {};
	if (typeof shapeName !== 'string' || typeof shapeISO !== 'string') {
		throw new Error(`a geoBoundaries feature without shapeName and shapeISO: ${String(shapeName)}`);
	}
	// shapeISO as published, even where it is not the ISO 3166-2 code (CF-HS for Mambéré-Kadéï)
	return { code: shapeISO, name: shapeName };
}

/**
 * The prefectures and, as one more feature, the country: their union. The mission's own map
 * (the level below the whole mission) is then the country, outlined like its prefectures.
 */
function withCountry(
	prefectures: FeatureCollection<Outline, BoundaryProperties>
): FeatureCollection<Outline, BoundaryProperties> {
	const [country] = outlineUnions(
		prefectures.features.map((f) => f.geometry),
		[prefectures.features.map((_, i) => i)]
	);
	return {
		type: 'FeatureCollection',
		features: [
			...prefectures.features,
			{
				type: 'Feature',
				properties: { shapeName: COUNTRY.name, shapeISO: COUNTRY.code },
				geometry: country!
			}
		]
	};
}
