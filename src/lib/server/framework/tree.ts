import { FrameworkTree } from '../../domain/framework-tree';
import { localizedNode, type FallbackLang } from '../../domain/localized-text';
import type { Locale } from '../../i18n/locales';
import { currentLocale } from '../i18n/request-locale';
import type { ResultLevel } from '../../domain/vocabulary';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { results } from '../db/schema';
import { authorize } from '../permissions';

/** The results framework as stored. */
export function loadFramework(db: Db, actor: Actor): FrameworkTree {
	authorize(actor, 'read');
	return new FrameworkTree(db.select().from(results).all());
}

/**
 * The results framework as a reader in `locale` reads it (the request's language by default):
 * each node's title, driver of change, critical condition and description in French where
 * given, else in English marked `lang: 'en'` (domain/localized-text.ts). What pages and
 * reports show; exports and the editor's forms read the stored texts with loadFramework.
 */
export function loadReaderFramework(
	db: Db,
	actor: Actor,
	locale: Locale = currentLocale()
): FrameworkTree {
	authorize(actor, 'read');
	return new FrameworkTree(
		db
			.select()
			.from(results)
			.all()
			.map((n) => localizedNode(n, locale))
	);
}

/** A node as the editor's selects offer it. */
export interface OutlineNode {
	code: string;
	title: string;
	titleLang?: FallbackLang;
	level: ResultLevel;
	depth: number;
	retired: boolean;
}

/** Every node in reading order with its depth: the choices of the editor's node selects. */
export function frameworkOutline(db: Db, actor: Actor): OutlineNode[] {
	return loadReaderFramework(db, actor)
		.outline()
		.map(({ node, depth }) => ({
			code: node.code,
			title: node.title,
			...(node.titleLang ? { titleLang: node.titleLang } : {}),
			level: node.level,
			depth,
			retired: node.retired
		}));
}
