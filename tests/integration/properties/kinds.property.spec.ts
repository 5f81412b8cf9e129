/**
 * Each file kind through `importFiles`, against a real SQLite database holding a small mission:
 * mostly valid files with random mutations are accepted, or refused with every error located;
 * never a throw; a refusal or dry run leaves the database byte for byte as it was; an accepted
 * file imported again inserts and updates nothing (import-checks.ts).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { propertyTest } from '../../helpers/properties';
import { MissionDb, importChecked } from './import-checks';
import {
	areasFile,
	frameworkFile,
	indicatorsFile,
	observationsFile,
	wideObservationsFile,
	written,
	type KindFile
} from './kind-files';

const KINDS: [string, fc.Arbitrary<KindFile>, number][] = [
	['areas', areasFile, 0.15],
	['framework', frameworkFile, 0.15],
	['indicators', indicatorsFile, 0.15],
	['observations, long form', observationsFile, 0.2],
	['observations, wide form', wideObservationsFile, 0.15]
];

for (const [kind, file, share] of KINDS) {
	propertyTest(
		'kinds',
		`${kind}: accepted, or refused with located errors and nothing written`,
		{ short: 60, share },
		() => {
			const mission = new MissionDb();
			return fc.asyncProperty(written(file), fc.boolean(), async (facts, dryRun) => {
				const db = await mission.get();
				const { report } = await importChecked(db, [facts], dryRun);
				expect(report.files[0]!.rows).toBeGreaterThanOrEqual(0);
			});
		}
	);
}

propertyTest(
	'kinds',
	'several kinds in one call are accepted together or refused together',
	{ short: 40, share: 0.15 },
	() => {
		const mission = new MissionDb();
		return fc.asyncProperty(
			fc.tuple(...[areasFile, frameworkFile, indicatorsFile, observationsFile].map(written)),
			fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
			async (files, chosen) => {
				const picked = files.filter((_, i) => chosen[i]);
				fc.pre(picked.length >= 2);
				const db = await mission.get();
				const { report } = await importChecked(db, picked);
				expect(report.files).toHaveLength(picked.length);
			}
		);
	}
);

propertyTest(
	'kinds',
	'any bytes as a file are refused with a message or read as a table, never a throw',
	{ short: 100, share: 0.05 },
	() => {
		const mission = new MissionDb();
		return fc.asyncProperty(
			fc.oneof(
				fc.uint8Array({ maxLength: 80 }),
				fc
					.string({
						unit: fc.constantFrom(
							'indicator_code',
							'period',
							'value',
							'area_code',
							'K1',
							'2024-01',
							',',
							';',
							'"',
							'\n',
							'\r\n',
							'5',
							' '
						),
						maxLength: 30
					})
					.map((s) => new TextEncoder().encode(s))
			),
			async (bytes) => {
				const db = await mission.get();
				const { report } = await importChecked(db, [{ file: { name: 'any.csv', bytes } }]);
				expect(report.files).toHaveLength(1);
			}
		);
	}
);
