/**
 * What an undo says, in French (the English is tested in tests/unit/domain/undo.spec.ts): whole
 * sentences that agree with their counts, French numbers and typography.
 */
import { describe, expect, test } from 'vitest';
import { conflictWarning, undoSummary } from '../../../src/lib/format/undo-text';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';

const fr = <T>(work: () => T) => inLocale('fr', work);
const NBSP = '\u00a0';

describe('what an undo says, in French', () => {
	test('counts in words, singular and plural', () => {
		expect(fr(() => undoSummary(4, { deleted: 1, restored: 2, keptLater: 0 }))).toBe(
			`Importation n°${NBSP}4 annulée${NBSP}: 1 valeur qu’elle avait ajoutée a été supprimée, et 2 valeurs qu’elle avait modifiées ont retrouvé leur valeur précédente.`
		);
		expect(fr(() => undoSummary(4, { deleted: 0, restored: 1, keptLater: 3 }))).toBe(
			`Importation n°${NBSP}4 annulée${NBSP}: 1 valeur qu’elle avait modifiée a retrouvé sa valeur précédente. 3 valeurs modifiées par une importation ultérieure ont été laissées telles quelles.`
		);
	});

	test('an undo that changes nothing, and grouped numbers', () => {
		expect(fr(() => undoSummary(9, { deleted: 0, restored: 0, keptLater: 0 }))).toBe(
			`Importation n°${NBSP}9 annulée${NBSP}: aucune de ses valeurs n’était encore en place, aucune valeur n’a donc changé.`
		);
		expect(fr(() => undoSummary(2, { deleted: 12345, restored: 0, keptLater: 0 }))).toBe(
			`Importation n°${NBSP}2 annulée${NBSP}: 12\u202f345 valeurs qu’elle avait ajoutées ont été supprimées.`
		);
	});

	test('the warning names the later imports and what undoing anyway does', () => {
		expect(fr(() => conflictWarning(3, { deleted: 2, restored: 1, keptLater: 4 }, 2))).toBe(
			`4 valeurs écrites par l’importation n°${NBSP}3 ont depuis été modifiées par 2 importations ultérieures. L’annuler quand même supprime 2 valeurs qu’elle a ajoutées, rend à 1 valeur qu’elle a modifiée sa valeur précédente, et laisse ces valeurs telles quelles.`
		);
		expect(fr(() => conflictWarning(3, { deleted: 0, restored: 0, keptLater: 1 }, 1))).toBe(
			`1 valeur écrite par l’importation n°${NBSP}3 a depuis été modifiée par une importation ultérieure. L’annuler quand même ne change aucune autre valeur et laisse cette valeur telle quelle.`
		);
	});

	test('outside French, the English wording', () => {
		expect(undoSummary(2, { deleted: 1, restored: 0, keptLater: 0 })).toBe(
			'Import #2 undone: 1 figure it had added deleted.'
		);
	});
});
