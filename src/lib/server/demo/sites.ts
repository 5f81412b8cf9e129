// Where the fictional mission stands: its bases, temporary operating bases and police posts in
// Corvania, as the `sites` file a planner would import (docs/formats.md "Sites"). Each stands
// well inside its territory (placesInside), at a seeded spot; opened and closed dates fall in
// the demo's years, so the map's sites change with the period chosen. Named by their place
// alone, as missions name theirs (the map says the type): a name reads the same in French, and
// no site bears its territory's name (a page would list both under one name).

import Papa from 'papaparse';
import { SITE_COLUMNS } from '../../domain/columns';
import type { Sensitivity, SiteType } from '../../domain/vocabulary';
import { placesInside } from './boundaries';
import { streamFor } from './random';

export interface DemoSite {
	code: string;
	name: string;
	type: SiteType;
	territory: string;
	opened: string;
	/** blank: still open */
	closed: string;
	sensitivity: Sensitivity;
}

export const DEMO_SITES: readonly DemoSite[] = [
	site('HQ-MIR', 'Veltrin', 'base', 'SOL-MIR', '2021-07-01'),
	site('SEC-DUN', 'Ostmere', 'base', 'AMB-DUN', '2021-07-01'),
	site('COB-QUI', 'Lunsk', 'base', 'KES-QUI', '2022-02-14'),
	site('TOB-ORR', 'Tarrowick', 'temporary_base', 'AMB-ORR', '2022-01-10', '2022-05-31'),
	site('TOB-FEN', 'Vessany', 'temporary_base', 'KES-FEN', '2023-12-01', '2024-04-30'),
	site('TOB-BRA', 'Emberwick', 'temporary_base', 'KES-BRA', '2025-12-01'),
	site('PP-SAB', 'Sorrelby', 'police_post', 'AMB-SAB', '2022-09-01'),
	site('PP-PEL', 'Quenna', 'police_post', 'SOL-PEL', '2021-07-01', '2024-06-30'),
	// a protection team's safe house: only readers cleared for restricted data see it
	site('SAFE-FEN', 'Caddow', 'other', 'KES-FEN', '2024-03-01', '', 'restricted')
];

function site(
	code: string,
	name: string,
	type: SiteType,
	territory: string,
	opened: string,
	closed = '',
	sensitivity: Sensitivity = type === 'base' ? 'public' : 'internal'
): DemoSite {
	return { code, name, type, territory, opened, closed, sensitivity };
}

/** The demo's sites file: `sites.csv`. */
export function demoSitesFile(seed: number): { name: 'sites.csv'; content: string } {
	const place = placesInside(seed);
	const data = DEMO_SITES.map((s) => {
		const [longitude, latitude] = place(s.territory, streamFor(seed, 'sites', s.code));
		const row: Record<(typeof SITE_COLUMNS)[number], string> = {
			site_code: s.code,
			site_name: s.name,
			site_type: s.type,
			latitude: String(latitude),
			longitude: String(longitude),
			opened: s.opened,
			closed: s.closed,
			sensitivity: s.sensitivity
		};
		return SITE_COLUMNS.map((c) => row[c]);
	});
	const content = Papa.unparse(
		{ fields: [...SITE_COLUMNS], data },
		{ delimiter: ',', newline: '\n' }
	);
	return { name: 'sites.csv', content: `${content}\n` };
}
