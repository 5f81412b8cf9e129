import { describe, expect, test } from 'vitest';
import {
	localizedIndicator,
	localizedNode,
	localizedText
} from '../../../src/lib/domain/localized-text';

describe('localizedText', () => {
	test('a French reader reads the French text where it is given', () => {
		expect(localizedText('Threat reduced', 'Menace réduite', 'fr')).toEqual({
			text: 'Menace réduite',
			lang: undefined
		});
	});

	test('without a French text a French reader reads the English one, marked English', () => {
		expect(localizedText('Threat reduced', null, 'fr')).toEqual({
			text: 'Threat reduced',
			lang: 'en'
		});
		expect(localizedText('Threat reduced', undefined, 'fr').lang).toBe('en');
		// a blank French text is no French text
		expect(localizedText('Threat reduced', '  ', 'fr')).toEqual({
			text: 'Threat reduced',
			lang: 'en'
		});
	});

	test('an English reader reads the English text, unmarked, even when a French one is given', () => {
		expect(localizedText('Threat reduced', 'Menace réduite', 'en')).toEqual({
			text: 'Threat reduced',
			lang: undefined
		});
	});

	test('a missing optional text stays missing and unmarked, unless French is given', () => {
		expect(localizedText(null, null, 'fr')).toEqual({ text: null, lang: undefined });
		expect(localizedText(null, 'Routes ouvertes', 'fr')).toEqual({
			text: 'Routes ouvertes',
			lang: undefined
		});
		expect(localizedText(null, 'Routes ouvertes', 'en')).toEqual({ text: null, lang: undefined });
	});
});

describe('localizedNode and localizedIndicator', () => {
	const node = {
		code: 'PO1-IM1',
		title: 'Threat reduced',
		titleFr: 'Menace réduite',
		driverOfChange: 'Armed groups weaken',
		driverOfChangeFr: null,
		criticalCondition: null,
		criticalConditionFr: null,
		description: null,
		descriptionFr: 'Description en français'
	};

	test('each text of a node in the reader’s language, the English fallbacks marked', () => {
		expect(localizedNode(node, 'fr')).toEqual({
			...node,
			title: 'Menace réduite',
			driverOfChange: 'Armed groups weaken',
			driverOfChangeLang: 'en',
			description: 'Description en français'
		});
	});

	test('an English reader’s node is the node as stored', () => {
		expect(localizedNode(node, 'en')).toBe(node);
	});

	test('an indicator’s title and definition', () => {
		const indicator = {
			code: 'K1',
			title: 'Incidents',
			titleFr: null,
			definition: 'Incidents recorded',
			definitionFr: 'Incidents enregistrés'
		};
		expect(localizedIndicator(indicator, 'fr')).toEqual({
			...indicator,
			titleLang: 'en',
			definition: 'Incidents enregistrés'
		});
		expect(localizedIndicator(indicator, 'en')).toBe(indicator);
		// a view without the definition gets none
		expect(localizedIndicator({ title: 'Incidents', titleFr: 'Incidents' }, 'fr')).toEqual({
			title: 'Incidents',
			titleFr: 'Incidents'
		});
	});
});
