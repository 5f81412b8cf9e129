/**
 * The lists benchmark's data: a 1,000,000-row incident list (one row per incident: id, date,
 * area, event type, the victim's sex, fatalities, a free-text note) over 50 areas and 10 years
 * of daily dates, and the mission it feeds: the 50 areas, 6 monthly indicators and the
 * source's 6 rules, each with a `where`, one of them broken down by sex. Deterministic.
 * Writes areas.csv, framework.csv, indicators.csv, rules.csv and incidents.csv into DIR.
 * Usage: [ROWS=1000000] tsx scripts/bench/generate-list-file.ts DIR
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'bench-data';
const rows = Number(process.env.ROWS ?? 1_000_000);
mkdirSync(dir, { recursive: true });

const areas = Array.from({ length: 50 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`);
writeFileSync(
	join(dir, 'areas.csv'),
	'area_code,area_name,parent_area,area_level\n' +
		areas.map((a) => `${a},Area ${a},,province`).join('\n') +
		'\n'
);
writeFileSync(
	join(dir, 'framework.csv'),
	'result_code,result_level,result_title,parent_result\nPO1,objective,Civilians protected,\nPO1-IM1,impact,Violence decreases,PO1\n'
);
/** indicator, dimensions, value, where (dimensions: only the first) */
export const RULES = [
	['ATT', 'sex', 'count', 'event_type=attack'],
	['ABD', '', 'count', 'event_type=abduction'],
	['LOOT', '', 'count', 'event_type=looting'],
	['CLASH', '', 'count', 'event_type=clash|armed clash'],
	['FAT', '', 'sum(fatalities)', 'event_type!=threat'],
	['THR', '', 'count', 'event_type=threat|other']
] as const;
writeFileSync(
	join(dir, 'indicators.csv'),
	'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions\n' +
		RULES.map(([c, d]) => `${c},Incidents ${c},PO1-IM1,situation,decrease,count,month,${d}`).join(
			'\n'
		) +
		'\n'
);
writeFileSync(
	join(dir, 'rules.csv'),
	'source,indicator_code,value,date_column,area_column,where,dimensions,weight_column,unlocated_area,verification\n' +
		RULES.map(
			([c, d, v, w]) =>
				`incidents,${c},${v},date,area,${w},${d ? 'sex=victim_sex' : ''},,,unverified`
		).join('\n') +
		'\n'
);

const TYPES = ['attack', 'abduction', 'looting', 'clash', 'threat', 'other', 'Attack'];
const SEXES = ['female', 'male', ''];
const DAY = 86_400_000;
const first = Date.UTC(2015, 0, 1);
const days = 3652;
// a small deterministic generator (mulberry32): the same file on every run
let seed = 20261206;
function random(): number {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const out = createWriteStream(join(dir, 'incidents.csv'));
out.write('id,date,area,event_type,victim_sex,fatalities,notes\n');
let buffer = '';
for (let i = 1; i <= rows; i++) {
	const date = new Date(first + Math.floor(random() * days) * DAY).toISOString().slice(0, 10);
	const fatalities = random() < 0.6 ? 0 : Math.floor(random() * 5);
	buffer += `${i},${date},${pick(areas)},${pick(TYPES)},${pick(SEXES)},${fatalities},Note on incident ${i}\n`;
	if (buffer.length > 1 << 16) {
		if (!out.write(buffer)) await once(out, 'drain');
		buffer = '';
	}
}
out.end(buffer);
await once(out, 'finish');
console.log(JSON.stringify({ rows, areas: areas.length, rules: RULES.length }));
