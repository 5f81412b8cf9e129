/**
 * Content in two languages: indicator titles and definitions, framework node titles, drivers
 * of change, critical conditions and descriptions may have a French text beside the English
 * one (docs/formats.md "Beyond the contract"). A French reader reads the French text where it
 * is given, else the English one, which is then marked `lang="en"` so that screen readers read
 * it with an English voice. An English reader reads the English text. Pure.
 */

import { splitStages } from './milestones';

/** The reader's language (src/lib/i18n/locales.ts, which the domain does not import). */
type Locale = 'en' | 'fr';

/** The language of a text when it is not the reader's: only ever English shown to others. */
export type FallbackLang = 'en' | undefined;

export interface LocalizedText<T extends string | null = string> {
	text: T;
	/** 'en' when the reader's language is another and the text is the English one */
	lang: FallbackLang;
}

/** A blank French text is no French text. */
function given(text: string | null | undefined): text is string {
	return text != null && text.trim() !== '';
}

/**
 * The text a reader in `locale` reads, from the English text and the French one. A missing
 * English text (an optional column left blank) stays missing, unless there is a French one
 * for a French reader.
 */
export function localizedText<T extends string | null>(
	en: T,
	fr: string | null | undefined,
	locale: Locale
): LocalizedText<T> {
	if (locale === 'en') return { text: en, lang: undefined };
	if (given(fr)) return { text: fr as T, lang: undefined };
	return { text: en, lang: en === null ? undefined : 'en' };
}

/**
 * A title as views hand it to pages: the text in the reader's language where given, and
 * `titleLang: 'en'` only when it is the English one read by a reader of another language.
 */
export function localizedTitle(
	en: string,
	fr: string | null | undefined,
	locale: Locale
): { title: string; titleLang?: FallbackLang } {
	const { text, lang } = localizedText(en, fr, locale);
	return lang ? { title: text, titleLang: lang } : { title: text };
}

/** The texts of a framework node that may be French, and where each one's French text is. */
const NODE_TEXTS = [
	['title', 'titleFr', 'titleLang'],
	['driverOfChange', 'driverOfChangeFr', 'driverOfChangeLang'],
	['criticalCondition', 'criticalConditionFr', 'criticalConditionLang'],
	['description', 'descriptionFr', 'descriptionLang']
] as const;

export interface NodeTexts {
	title: string;
	driverOfChange: string | null;
	criticalCondition: string | null;
	description: string | null;
	titleFr?: string | null;
	driverOfChangeFr?: string | null;
	criticalConditionFr?: string | null;
	descriptionFr?: string | null;
}

/** Where a node's text is English read by a reader of another language. */
export interface NodeTextLangs {
	titleLang?: FallbackLang;
	driverOfChangeLang?: FallbackLang;
	criticalConditionLang?: FallbackLang;
	descriptionLang?: FallbackLang;
}

/** A framework node as a reader in `locale` reads it: each text in their language where given. */
export function localizedNode<N extends NodeTexts>(node: N, locale: Locale): N & NodeTextLangs {
	if (locale === 'en') return node;
	const read: N & NodeTextLangs = { ...node };
	for (const [field, french, lang] of NODE_TEXTS) {
		const { text, lang: fallback } = localizedText<string | null>(
			node[field],
			node[french],
			locale
		);
		Object.assign(read, { [field]: text });
		if (fallback) read[lang] = fallback;
	}
	return read;
}

export interface IndicatorTexts {
	title: string;
	definition?: string | null;
	titleFr?: string | null;
	definitionFr?: string | null;
	/** A milestone's stages, `;`-separated (English, French). */
	stages?: string | null;
	stagesFr?: string | null;
}

export interface IndicatorTextLangs {
	titleLang?: FallbackLang;
	definitionLang?: FallbackLang;
	/** A milestone's stage names in the reader's language (formatValue names stages with them). */
	stageNames?: string[];
	stagesLang?: FallbackLang;
}

/** An indicator as a reader in `locale` reads it: title and definition in their language where given. */
export function localizedIndicator<I extends IndicatorTexts>(
	indicator: I,
	locale: Locale
): I & IndicatorTextLangs {
	const stages = localizedStages(indicator.stages, indicator.stagesFr, locale);
	const withStages: I & IndicatorTextLangs = stages
		? {
				...indicator,
				stageNames: stages.names,
				...(stages.lang ? { stagesLang: stages.lang } : {})
			}
		: indicator;
	if (locale === 'en') return withStages;
	const title = localizedText(indicator.title, indicator.titleFr, locale);
	const read: I & IndicatorTextLangs = { ...withStages, title: title.text };
	if (title.lang) read.titleLang = title.lang;
	if (indicator.definition !== undefined) {
		const definition = localizedText(indicator.definition, indicator.definitionFr, locale);
		read.definition = definition.text;
		if (definition.lang) read.definitionLang = definition.lang;
	}
	return read;
}

/**
 * A milestone's stage names as a reader in `locale` reads them: the French names where given
 * (all or none: the importer checks their count), else the English ones, marked `lang="en"`
 * for a reader of another language. Null for an indicator without stages.
 */
export function localizedStages(
	stages: string | null | undefined,
	stagesFr: string | null | undefined,
	locale: Locale
): { names: string[]; lang?: 'en' } | null {
	const english = splitStages(stages);
	if (english.length === 0) return null;
	const french = splitStages(stagesFr);
	if (locale === 'en') return { names: english };
	return french.length === english.length ? { names: french } : { names: english, lang: 'en' };
}
