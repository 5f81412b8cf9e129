/**
 * HXL hashtags (domain/hxl.ts): reading a tag, matching by tag and attributes (case and order
 * ignored, more attributes still match, the closest wins), telling a tag row from data, the
 * table every tag row is written from and read by.
 */
import { describe, expect, test } from 'vitest';
import {
	HXL_TABLES,
	TAGGED_KINDS,
	closestTag,
	columnsFromTags,
	dimensionTag,
	extraAttributes,
	formatHashtag,
	parseHashtag,
	readTagRow,
	tagRow,
	type Hashtag,
	type TaggedColumn
} from '../../../src/lib/domain/hxl';

const tag = (text: string) => parseHashtag(text)!;
const tags = (...texts: string[]) => texts.map((t) => (t ? parseHashtag(t) : null));

describe('a hashtag', () => {
	test('is # and a name, then +attributes; case and spaces before + are ignored', () => {
		expect(parseHashtag('#adm1+name')).toEqual({ tag: 'adm1', attributes: ['name'] });
		expect(parseHashtag(' #Affected +Killed+F ')).toEqual({
			tag: 'affected',
			attributes: ['killed', 'f']
		});
		expect(parseHashtag('#date')).toEqual({ tag: 'date', attributes: [] });
		expect(formatHashtag(tag('#Indicator +Value+NUM'))).toBe('#indicator+value+num');
	});

	test.each(['adm1', '#', '#1abc', '#adm 1', '#adm1+', '#adm1++name', '#adm1+na-me', '#é', '#a+1'])(
		'%s is not one',
		(text) => expect(parseHashtag(text)).toBeNull()
	);
});

describe('matching', () => {
	test('same tag, every wanted attribute present, in any order: the extra attributes counted', () => {
		expect(extraAttributes(tag('#adm1+code'), tag('#ADM1+CODE'))).toBe(0);
		expect(extraAttributes(tag('#affected+killed'), tag('#affected+f+killed'))).toBe(1);
		expect(extraAttributes(tag('#indicator+value+num'), tag('#indicator+num+value'))).toBe(0);
		expect(extraAttributes(tag('#affected+killed'), tag('#affected+injured'))).toBeNull();
		expect(extraAttributes(tag('#adm1+name'), tag('#adm2+name'))).toBeNull();
		// fewer attributes than wanted do not match
		expect(extraAttributes(tag('#event+type+sub'), tag('#event+type'))).toBeNull();
	});

	test('the closest column wins; equally close ones are ambiguous; none is missing', () => {
		const row = tags('#event+type', '#event+type+sub', '#adm1+name', '#adm1+code', '');
		expect(closestTag(tag('#event+type'), row)).toEqual({ ok: true, position: 0 });
		expect(closestTag(tag('#event+sub'), row)).toEqual({ ok: true, position: 1 });
		expect(closestTag(tag('#adm1'), row)).toEqual({
			ok: false,
			reason: 'ambiguous',
			candidates: [2, 3]
		});
		expect(closestTag(tag('#affected+killed'), row)).toEqual({ ok: false, reason: 'missing' });
	});
});

describe('a tag row', () => {
	test('every non-blank cell a hashtag (blank cells are untagged columns)', () => {
		const read = readTagRow(['#date+occurred', '', ' #adm1+name ', '#affected+killed']);
		expect(read.kind).toBe('tags');
		expect(read.kind === 'tags' && read.tags.map((t) => t && formatHashtag(t))).toEqual([
			'#date+occurred',
			null,
			'#adm1+name',
			'#affected+killed'
		]);
	});

	test('a cell not starting with # makes the row data, even when the first one does', () => {
		expect(readTagRow(['#12', 'N1', '2024-01-03']).kind).toBe('data');
		expect(readTagRow(['#date', 'N1']).kind).toBe('data');
		// # cells none of which is a hashtag are data too
		expect(readTagRow(['#1', '#2']).kind).toBe('data');
	});

	test('all # but one no hashtag: a mistake in the tag row, at that cell', () => {
		expect(readTagRow(['#date', '#adm 1', '#affected+killed'])).toEqual({
			kind: 'bad',
			position: 1
		});
	});
});

describe('the table', () => {
	test('each table tags each column once, with a well-formed hashtag', () => {
		for (const [name, columns] of Object.entries(HXL_TABLES)) {
			const names = columns.map((c) => c.column);
			expect(new Set(names).size, name).toBe(names.length);
			for (const c of columns as readonly TaggedColumn[]) {
				for (const t of [c.tag, ...(c.alsoRead ?? [])]) {
					expect(parseHashtag(t), `${name}.${c.column}: ${t}`).not.toBeNull();
					expect(formatHashtag(tag(t))).toBe(t);
				}
			}
		}
	});

	test('each tagged kind reads back its own tag row as its own columns', () => {
		for (const kind of TAGGED_KINDS) {
			const columns = HXL_TABLES[kind].map((c) => c.column);
			const read = columnsFromTags(
				kind,
				tagRow(kind, columns).map((t) => parseHashtag(t))
			);
			expect(
				[...read.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c),
				kind
			).toEqual(columns);
		}
	});

	test('observations: the figure columns and a dimension, as in the issue', () => {
		expect(
			tagRow('observations', [
				'indicator_code',
				'period',
				'area_code',
				'value',
				'value_type',
				'sex'
			])
		).toEqual([
			'#indicator+code',
			'#date+period',
			'#loc+code',
			'#indicator+value+num',
			'#indicator+type',
			'#indicator+dimension+sex'
		]);
		expect(dimensionTag('Age Group')).toBe('#indicator+dimension+age_group');
		expect(dimensionTag('2nd')).toBe('#indicator+dimension+d_2nd');
	});

	test('a column the table does not tag gets an empty cell', () => {
		expect(tagRow('series', ['indicator', 'mystery'])).toEqual(['#indicator+code', '']);
		expect(tagRow('iptt', ['indicator_code', '2024-Q1_target', '2024-Q1_percent_met'])).toEqual([
			'#indicator+code',
			'#indicator+target+num',
			'#indicator+met+pct'
		]);
	});

	test('by level: the finest administrative level is the area code, whatever the order', () => {
		const read = columnsFromTags(
			'observations',
			tags(
				'#adm1+code',
				'#indicator+code+v_hdx',
				'#date+period',
				'#adm2+code',
				'#indicator+value+num'
			)
		);
		expect(Object.fromEntries(read)).toEqual({
			1: 'indicator_code',
			2: 'period',
			3: 'area_code',
			4: 'value'
		});
		// our own tag comes before any level
		const ours = columnsFromTags('observations', tags('#adm2+code', '#loc+code'));
		expect(ours.get(1)).toBe('area_code');
	});

	test('more attributes still match; the closer column takes the column first', () => {
		const read = columnsFromTags(
			'framework',
			tags('#activity+code+parent', '#activity+name', '#activity+code', '#activity+type')
		);
		expect(Object.fromEntries(read)).toEqual({
			0: 'parent_result',
			1: 'result_title',
			2: 'result_code',
			3: 'result_level'
		});
		const dims = columnsFromTags('observations', tags('#indicator+dimension+sex', '#affected+f'));
		expect(Object.fromEntries(dims)).toEqual({ 0: 'sex' });
	});

	test('a column the file already has by name is not given again by a tag', () => {
		const read = columnsFromTags(
			'observations',
			tags('#indicator+code', '#indicator+code+other'),
			new Set(['indicator_code'])
		);
		expect(read.size).toBe(0);
	});

	test('tags are compared as sets: attribute order never matters', () => {
		const a: Hashtag = { tag: 'indicator', attributes: ['num', 'value'] };
		expect(columnsFromTags('observations', [a]).get(0)).toBe('value');
	});
});

describe('a rule naming a column by hashtag', () => {
	test('takes a hashtag wherever a column goes; a # that is no hashtag is refused', async () => {
		const { parseRuleValue, parseWhere } = await import('../../../src/lib/domain/lists/rule-text');
		expect(parseRuleValue('sum(#affected+killed)')).toEqual({
			ok: true,
			value: { kind: 'sum', column: '#affected+killed' }
		});
		expect(parseWhere('#event+type=Battles|Riots')).toEqual({
			ok: true,
			value: [{ column: '#event+type', negated: false, values: ['Battles', 'Riots'] }]
		});
		const bad = parseRuleValue('sum(#affected killed)');
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.message).toContain('is not an HXL hashtag');
	});
});
