import { describe, expect, test } from 'vitest';
import { AreaLevels, AreaMatcher, foldAreaText, type ListArea } from '$lib/domain/lists/area-match';

const AREAS: ListArea[] = [
	{ id: 1, code: 'NK', name: 'Nord-Kivu', parentId: null, level: 'province' },
	{ id: 2, code: 'BNI', name: 'Béni', parentId: 1, level: 'territory' },
	{ id: 3, code: 'LUB', name: 'Lubero', parentId: 1, level: 'territory' },
	{ id: 4, code: 'IT', name: 'Ituri', parentId: null, level: 'province' },
	{ id: 5, code: 'DJU', name: 'Djugu', parentId: 4, level: 'territory' },
	{ id: 6, code: 'MAH', name: 'Mahagi', parentId: 4, level: 'territory' },
	{ id: 7, code: 'MAH2', name: 'mahagi ', parentId: 1, level: 'territory' },
	{ id: 8, code: 'MP', name: "Ombella M'Poko", parentId: null, level: 'province' },
	{ id: 9, code: 'HS', name: 'Mambéré-Kadéï', parentId: null, level: 'province' },
	{ id: 10, code: 'BB', name: 'Béni Beach', parentId: 5, level: 'locality' }
];

const matcher = new AreaMatcher(AREAS);

function code(cell: string, m = matcher): string {
	const found = m.match(cell);
	if (!found.ok) throw new Error(`expected "${cell}" to match, got: ${found.message}`);
	return found.area.code;
}

function refusal(cell: string, m = matcher): string {
	const found = m.match(cell);
	if (found.ok) throw new Error(`expected "${cell}" to be refused, got ${found.area.code}`);
	return found.message;
}

describe('matching a cell to an area (formats.md §5.3 step 2)', () => {
	test('codes first, ignoring case and surrounding spaces', () => {
		expect(code('NK')).toBe('NK');
		expect(code(' nk ')).toBe('NK');
		expect(code('dju')).toBe('DJU');
	});

	test('then names, ignoring case, accents and surrounding spaces', () => {
		expect(code('Nord-Kivu')).toBe('NK');
		expect(code('NORD-KIVU')).toBe('NK');
		expect(code('Beni')).toBe('BNI');
		expect(code('  BÉNI ')).toBe('BNI');
		expect(code('Mambéré-Kadéi')).toBe('HS');
	});

	test('a code wins over a name that reads the same', () => {
		const m = new AreaMatcher([
			{ id: 1, code: 'IT', name: 'Ituri', parentId: null },
			{ id: 2, code: 'X', name: 'it', parentId: null }
		]);
		expect(code('it', m)).toBe('IT');
	});

	test('punctuation is ignored when nothing matches with it', () => {
		expect(code("Ombella-M'Poko")).toBe('MP');
		expect(code('Nord Kivu')).toBe('NK');
	});

	test("a name followed by the area's level, as UCDP writes provinces", () => {
		expect(code('Nord-Kivu province')).toBe('NK');
		expect(code("Ombella-M'Poko province")).toBe('MP');
		expect(code('Province Nord-Kivu')).toBe('NK');
		expect(code('Djugu territory')).toBe('DJU');
		expect(refusal('Djugu province')).toMatch(/matches no area/);
	});

	test('a name two areas share is an error naming both, never a guess', () => {
		const message = refusal('Mahagi');
		expect(message).toMatch(/several areas/);
		expect(message).toContain('MAH (Mahagi)');
		expect(message).toContain('MAH2');
		expect(message).toMatch(/write the area's code/);
	});

	test('a cell matching nothing is an error, with the nearest names', () => {
		expect(refusal('Atlantis')).toMatch(/"Atlantis" matches no area/);
		expect(refusal('Lubro')).toMatch(/Did you mean Lubero \(LUB\)/);
	});

	test('spellings mapped for the source are tried after codes and names', () => {
		const m = new AreaMatcher(
			AREAS,
			new Map([
				['Beni-Ville', 'BNI'],
				['Lubero', 'DJU'],
				['Nowhere', 'GONE']
			])
		);
		expect(code('beni-ville', m)).toBe('BNI');
		// the areas' own names come first
		expect(code('Lubero', m)).toBe('LUB');
		expect(refusal('Nowhere', m)).toMatch(/matches no area/);
	});

	test('folding keeps letters of other scripts', () => {
		expect(foldAreaText('  Ñuñoa  ')).toBe('nunoa');
		expect(
			code('Ñuñoa', new AreaMatcher([{ id: 1, code: 'N', name: 'Nunoa', parentId: null }]))
		).toBe('N');
	});
});

describe('areas of mixed levels in one list', () => {
	const at = (line: number, value: string) => ({ line, column: 'area', value });
	const byCode = new Map(AREAS.map((a) => [a.code, a]));
	const area = (c: string) => byCode.get(c)!;

	test('a list at one level is fine, whatever the order and repetition', () => {
		const levels = new AreaLevels(AREAS);
		expect(levels.name(area('BNI'), at(2, 'BNI'))).toEqual([]);
		expect(levels.name(area('LUB'), at(3, 'LUB'))).toEqual([]);
		expect(levels.name(area('DJU'), at(4, 'DJU'))).toEqual([]);
		expect(levels.name(area('BNI'), at(5, 'BNI'))).toEqual([]);
		expect(levels.name(area('MP'), at(6, 'MP'))).toEqual([]);
	});

	test('the coarser area named first: the error is on its first row', () => {
		const levels = new AreaLevels(AREAS);
		expect(levels.name(area('NK'), at(2, 'Nord-Kivu'))).toEqual([]);
		expect(levels.name(area('NK'), at(3, 'NK'))).toEqual([]);
		const found = levels.name(area('BNI'), at(7, 'Beni'));
		expect(found).toHaveLength(1);
		expect(found[0]!.coarser.code).toBe('NK');
		expect(found[0]!.finer.code).toBe('BNI');
		expect(found[0]!.at).toEqual(at(2, 'Nord-Kivu'));
		// said once for the coarser area
		expect(levels.name(area('LUB'), at(8, 'LUB'))).toEqual([]);
	});

	test("the finer area named first: the error is on the coarser area's first row, now", () => {
		const levels = new AreaLevels(AREAS);
		expect(levels.name(area('BB'), at(2, 'BB'))).toEqual([]);
		const found = levels.name(area('IT'), at(5, 'Ituri'));
		expect(found.map((m) => [m.coarser.code, m.finer.code, m.at.line])).toEqual([['IT', 'BB', 5]]);
		const more = levels.name(area('DJU'), at(9, 'DJU'));
		expect(more.map((m) => [m.coarser.code, m.at.line])).toEqual([['DJU', 9]]);
	});

	test('three levels at once: each coarser area once', () => {
		const levels = new AreaLevels(AREAS);
		levels.name(area('IT'), at(2, 'IT'));
		levels.name(area('DJU'), at(3, 'DJU'));
		const found = levels.name(area('BB'), at(4, 'BB'));
		expect(found.map((m) => m.coarser.code)).toEqual(['DJU']);
	});
});
