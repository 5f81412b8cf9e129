import { eq } from 'drizzle-orm';
import type { Mapping } from '../../../domain/column-mapping';
import type { FileKind } from '../../../domain/vocabulary';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import { nowText } from '../../clock';
import type { Db } from '../../db';
import { importSources } from '../../db/schema';
import { authorize } from '../../permissions';

export interface SavedSource {
	name: string;
	mapping: Mapping & { kind: FileKind };
}

/** The saved source whose files have these headers, if any (the most recently saved wins). */
export function sourceForHeaders(db: Db, signature: string): SavedSource | null {
	const row = db
		.select()
		.from(importSources)
		.where(eq(importSources.headerSignature, signature))
		.all()
		.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
	if (!row) return null;
	const stored = JSON.parse(row.columnMap) as { kind: FileKind; columns: Mapping['columns'] };
	return {
		name: row.name,
		mapping: {
			kind: stored.kind,
			columns: stored.columns,
			values: JSON.parse(row.valueMap) as Mapping['values']
		}
	};
}

/** Saves (or replaces) a source's mapping under its name. */
export function saveSource(
	db: Db,
	actor: Actor,
	name: string,
	signature: string,
	mapping: Mapping & { kind: FileKind }
): void {
	authorize(actor, 'import');
	const values = {
		headerSignature: signature,
		columnMap: JSON.stringify({ kind: mapping.kind, columns: mapping.columns }),
		valueMap: JSON.stringify(mapping.values),
		actor: actor.username,
		updatedAt: nowText()
	};
	db.transaction((tx) => {
		const before = tx
			.select({
				headerSignature: importSources.headerSignature,
				columnMap: importSources.columnMap,
				valueMap: importSources.valueMap
			})
			.from(importSources)
			.where(eq(importSources.name, name))
			.get();
		tx.insert(importSources)
			.values({ name, ...values })
			.onConflictDoUpdate({ target: importSources.name, set: values })
			.run();
		const { headerSignature, columnMap, valueMap } = values;
		recordAudit(tx, actor, 'source.save', name, {
			before: before ?? null,
			after: { headerSignature, columnMap, valueMap }
		});
	});
}
