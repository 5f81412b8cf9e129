/**
 * Reading a boundaries file (docs/formats.md "Boundaries"): a GeoJSON FeatureCollection whose
 * features carry an outline and a property naming their area. Each feature is checked on its
 * own and every problem is told with the feature's 1-based index and its value of that
 * property, so a file is corrected in one pass. Pure: bytes in, features or refusals out.
 */
import { m } from '../../paraglide/messages.js';
import { flatOutline, outlineProblem, type Outline } from './outline-geometry';

/** A feature that can be an outline, with the value that names its area. */
export interface BoundaryFeature {
	/** 1-based, in the file's order */
	feature: number;
	value: string;
	outline: Outline;
}

/** A refusal: `feature` and `value` null when it is about the whole file. */
export interface BoundaryProblem {
	feature: number | null;
	value: string | null;
	message: string;
}

export interface BoundaryReading {
	features: BoundaryFeature[];
	problems: BoundaryProblem[];
}

/** A file of thousands of broken features tells this many, then how many more. */
export const PROBLEMS_TOLD = 200;

const whole = (message: string): BoundaryReading => ({
	features: [],
	problems: [{ feature: null, value: null, message }]
});

/** Line and column of a character offset, for a JSON syntax error. */
function lineAndColumn(text: string, offset: number): { line: string; column: string } {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	return { line: String(line), column: String(offset - before.lastIndexOf('\n')) };
}

/** The JSON of the file, or why it is not JSON (where, when the parser says). */
function parseJson(text: string): { ok: true; json: unknown } | { ok: false; message: string } {
	try {
		return { ok: true, json: JSON.parse(text) };
	} catch (e) {
		const offset = /position (\d+)/.exec((e as Error).message)?.[1];
		// a file cut short: the parser says so without a position, or with the position of its end
		if (offset === undefined || Number(offset) >= text.trimEnd().length) {
			return { ok: false, message: m.bnd_not_json_end() };
		}
		return { ok: false, message: m.bnd_not_json_at(lineAndColumn(text, Number(offset))) };
	}
}

/** The value of the match property as text, or null when it is missing or blank. */
function valueText(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

const propertiesOf = (feature: unknown): Record<string, unknown> => {
	const properties = (feature as { properties?: unknown } | null)?.properties;
	return properties !== null && typeof properties === 'object'
		? (properties as Record<string, unknown>)
		: {};
};

/**
 * The features of a boundaries file and the problems that refuse it. `match` is the property
 * naming each feature's area (as the uploader chose it: `shapeName`, `shapeISO`…).
 */
export function readBoundaries(bytes: Uint8Array, match: string): BoundaryReading {
	let text: string;
	try {
		// RFC 7946: GeoJSON is UTF-8; a byte order mark is dropped
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return whole(m.bnd_not_utf8());
	}
	const parsed = parseJson(text);
	if (!parsed.ok) return whole(parsed.message);
	const json = parsed.json as { type?: unknown; features?: unknown } | null;
	if (json === null || typeof json !== 'object' || Array.isArray(json)) {
		return whole(
			m.bnd_not_feature_collection({ type: Array.isArray(json) ? 'array' : typeof json })
		);
	}
	if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
		return whole(m.bnd_not_feature_collection({ type: String(json.type ?? '—') }));
	}
	const all: unknown[] = json.features;
	if (all.length === 0) return whole(m.bnd_no_features());

	// the properties features have, to say which to match by when the chosen one is missing
	const known = new Set<string>();
	for (const f of all) for (const key of Object.keys(propertiesOf(f))) known.add(key);
	const properties = [...known].join(', ') || m.bnd_no_properties();
	if (!all.some((f) => valueText(propertiesOf(f)[match]) !== null)) {
		return whole(m.bnd_match_property_nowhere({ match, properties }));
	}

	const features: BoundaryFeature[] = [];
	const problems: BoundaryProblem[] = [];
	let untold = 0;
	const refuse = (problem: BoundaryProblem) => {
		if (problems.length < PROBLEMS_TOLD) problems.push(problem);
		else untold++;
	};
	all.forEach((f, i) => {
		const feature = i + 1;
		if (f === null || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
			refuse({ feature, value: null, message: m.bnd_not_feature() });
			return;
		}
		const value = valueText(propertiesOf(f)[match]);
		if (value === null) {
			refuse({
				feature,
				value: null,
				message: m.bnd_match_property_missing({ match, properties })
			});
		}
		const geometry = (f as { geometry?: unknown }).geometry;
		const problem = outlineProblem(geometry);
		if (problem) refuse({ feature, value, message: problem });
		else if (value !== null)
			features.push({ feature, value, outline: flatOutline(geometry as Outline) });
	});
	if (untold > 0) {
		problems.push({
			feature: null,
			value: null,
			message: m.bnd_more_problems({ count: untold, n: String(untold) })
		});
	}
	return { features, problems };
}
