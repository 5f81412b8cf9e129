/**
 * The benchmark's data: by default 50 areas (5 provinces × 9 territories), 42 monthly count
 * indicators (14 under each of 3 objectives) broken down by sex × age, 10 years —
 * 50 × 42 × 120 × 4 ≈ 1,008,000 figures in long form. `PROVINCES` scales the areas
 * (25 provinces give 250 areas and about 5 million figures).
 * Writes areas.csv, framework.csv, indicators.csv and observations.csv into DIR.
 * Usage: [PROVINCES=25] tsx scripts/bench/generate-import-file.ts DIR
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'bench-data';
mkdirSync(dir, { recursive: true });

const provinces = Array.from({ length: Number(process.env.PROVINCES ?? 5) }, (_, p) => `P${p + 1}`);
const areas = provinces.flatMap((p) => [
	p,
	...Array.from({ length: 9 }, (_, t) => `${p}-T${t + 1}`)
]);
writeFileSync(
	join(dir, 'areas.csv'),
	'area_code,area_name,parent_area,area_level,population,population_year\n' +
		areas
			.map((a) =>
				a.includes('-T')
					? `${a},Territory ${a},${a.split('-')[0]},territory,${100000 + a.length * 1000},2020`
					: `${a},Province ${a},,province,,`
			)
			.join('\n') +
		'\n'
);
writeFileSync(
	join(dir, 'framework.csv'),
	'result_code,result_level,result_title,parent_result\n' +
		[1, 2, 3]
			.map((o) => `PO${o},objective,Objective ${o},\nPO${o}-IM1,impact,Violence decreases,PO${o}`)
			.join('\n') +
		'\n'
);
const indicators = Array.from({ length: 42 }, (_, i) => `B${String(i + 1).padStart(2, '0')}`);
writeFileSync(
	join(dir, 'indicators.csv'),
	'indicator_code,indicator_title,result_code,category,direction,measure,frequency,dimensions\n' +
		indicators
			.map(
				(c, i) =>
					`${c},Incidents ${c},PO${1 + Math.floor(i / 14)}-IM1,situation,decrease,count,month,sex;age`
			)
			.join('\n') +
		'\n'
);

const months: string[] = [];
for (let y = 2015; y < 2025; y++)
	for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
const out = createWriteStream(join(dir, 'observations.csv'));
out.write('indicator_code,period,area_code,value,sex,age\n');
let rows = 0;
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 50;
let buffer = '';
for (const month of months) {
	for (const indicator of indicators) {
		for (const area of areas) {
			for (const sex of ['female', 'male']) {
				for (const age of ['child', 'adult']) {
					buffer += `${indicator},${month},${area},${random()},${sex},${age}\n`;
					rows++;
				}
			}
		}
	}
	out.write(buffer);
	buffer = '';
}
out.end(() => console.log(JSON.stringify({ dir, rows })));
