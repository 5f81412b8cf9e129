/**
 * formats.md §1.0 "Reading any file", through the command line as users run it:
 * encodings, delimiters, headers, line numbers, numbers, unknown columns and personal data.
 */
import { describe, expect, test } from 'vitest';
import {
	FRAMEWORK,
	actuals,
	cpas,
	exportCsv,
	file,
	importJson,
	importTexts,
	indicators,
	load,
	useTempDatabase
} from '../../helpers/contract';

useTempDatabase();

/** A `number` indicator shows each month's figure as read (mean of one figure). */
const SETUP = {
	'framework.csv': FRAMEWORK,
	'indicators.csv': indicators(
		'N,Average response time,PO1-OC1,capacity,decrease,number,mean,month,',
		'P,% feeling safe,PO1-IM1,perception,increase,percent,,month,',
		'C,Incidents,PO1-IM1,situation,decrease,count,,month,'
	)
};

const AREAS = 'area_code,area_name\nNK,Nördlich €\n';

function utf16le(text: string): Uint8Array {
	return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}

function utf16be(text: string): Uint8Array {
	const le = Buffer.from(text, 'utf16le');
	const be = Buffer.alloc(le.length);
	for (let i = 0; i < le.length; i += 2) {
		be[i] = le[i + 1]!;
		be[i + 1] = le[i]!;
	}
	return new Uint8Array([0xfe, 0xff, ...be]);
}

/** Imports one file and returns the area names `export areas` gives back. */
async function areaNamesOf(bytes: Uint8Array): Promise<{ kind: string | null; names: string[] }> {
	const { code, report } = await importJson([file('areas.csv', bytes)]);
	expect(report.files[0]!.errors).toEqual([]);
	expect(code).toBe(0);
	const exported = await exportCsv('areas');
	const names = exported.stdout
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => line.split(',')[1]!);
	return { kind: report.files[0]!.kind, names };
}

describe('§1.0 encoding', () => {
	test('a UTF-8 file with BOM is read as UTF-8, the BOM is not part of the first header', async () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(AREAS, 'utf8')]);
		expect(await areaNamesOf(bytes)).toEqual({ kind: 'areas', names: ['Nördlich €'] });
	});

	test('a UTF-16 little-endian file with BOM is read', async () => {
		expect(await areaNamesOf(utf16le(AREAS))).toEqual({ kind: 'areas', names: ['Nördlich €'] });
	});

	test('a UTF-16 big-endian file with BOM is read', async () => {
		expect(await areaNamesOf(utf16be(AREAS))).toEqual({ kind: 'areas', names: ['Nördlich €'] });
	});

	test('a valid UTF-8 file without BOM is read as UTF-8, not Windows-1252', async () => {
		// "ö" is C3 B6 in UTF-8; read as Windows-1252 it would become "Ã¶"
		expect(await areaNamesOf(Buffer.from(AREAS, 'utf8'))).toEqual({
			kind: 'areas',
			names: ['Nördlich €']
		});
	});

	test('a file that is not valid UTF-8 is read as Windows-1252', async () => {
		// "Région €" as Excel writes it on Windows: é = E9, € = 80
		const bytes = Buffer.concat([
			Buffer.from('area_code,area_name\nNK,R'),
			Buffer.from([0xe9]),
			Buffer.from('gion '),
			Buffer.from([0x80]),
			Buffer.from('\n')
		]);
		expect(await areaNamesOf(bytes)).toEqual({ kind: 'areas', names: ['Région €'] });
	});

	test.each([
		['NUL bytes without a UTF-16 BOM', Buffer.from('area_code,area_name\nNK,A\u0000B\n')],
		[
			'a byte Windows-1252 leaves undefined (81)',
			Buffer.concat([
				Buffer.from('area_code,area_name\nNK,R'),
				Buffer.from([0xe9, 0x81]),
				Buffer.from('gion\n')
			])
		],
		[
			'2 control characters in 100 (more than 1 %)',
			// 20 + 3 + 76 + 1 = 100 characters, two of them U+0001
			Buffer.from(`area_code,area_name\nNK,\u0001\u0001${'x'.repeat(74)}\n`)
		]
	])('a file with %s is refused as "not a text file", line null', async (_, bytes) => {
		const { code, report } = await importJson([file('f.csv', bytes)]);
		expect(code).toBe(1);
		expect(report.ok).toBe(false);
		expect(report.files[0]!.errors).toEqual([
			expect.objectContaining({ line: null, message: expect.stringMatching(/not a text file/i) })
		]);
	});

	test('1 control character in 100 (exactly 1 %) is still a text file', async () => {
		// 20 + 3 + 76 + 1 = 100 characters, one of them U+0001
		const bytes = Buffer.from(`area_code,area_name\nNK,\u0001${'x'.repeat(75)}\n`);
		const { code, report } = await importJson([file('f.csv', bytes)]);
		expect(report.files[0]!.errors).toEqual([]);
		expect(code).toBe(0);
	});
});

describe('§1.0 delimiter and quoting', () => {
	test.each([
		['comma', 'indicator_code,period,value\nN,2024-01,"1,234.5"\nN,2024-02,12.5\n'],
		['semicolon', 'indicator_code;period;value\nN;2024-01;1.234,5\nN;2024-02;12,5\n'],
		['tab', 'indicator_code\tperiod\tvalue\nN\t2024-01\t1,234.5\nN\t2024-02\t12.5\n']
	])('a %s-separated file is read', async (_, text) => {
		await load(SETUP);
		await load({ 'obs.csv': text });
		expect(await actuals('N')).toEqual({ '2024-01': 1234.5, '2024-02': 12.5 });
	});

	test('the delimiter comes from the header line, not from the data', async () => {
		await load(SETUP);
		// the data line has more commas than semicolons; the header decides
		await load({
			'obs.csv': 'indicator_code;period;value;comment\nN;2024-01;3;north, by the river, east\n'
		});
		const csv = (await exportCsv('observations')).stdout;
		expect(csv).toContain('"north, by the river, east"');
		expect(await actuals('N')).toEqual({ '2024-01': 3 });
	});

	test('RFC 4180 quoting: quoted delimiters, doubled quotes, and a value spanning lines', async () => {
		await load(SETUP);
		await load({
			'obs.csv':
				'indicator_code,period,value,comment\nN,2024-01,3,"said ""safe"", mostly\nsecond line"\n'
		});
		const { stdout } = await exportCsv('observations');
		expect(stdout).toContain('"said ""safe"", mostly\nsecond line"');
	});
});

describe('§1.0 line endings', () => {
	test('Windows line endings (CRLF) are read like LF, inside quoted values too', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv': 'indicator_code,period,value,comment\r\nN,2024-01,1,"a\r\nb"\r\nN,2024-02,x,\r\n'
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[3, 'value', 'x']
		]);
	});
});

describe('§1.0 headers', () => {
	test('headers match case-insensitively, with spaces, hyphens and underscores equivalent', async () => {
		await load(SETUP);
		const { report } = await importTexts({
			'obs.csv': 'Indicator Code,PERIOD,Value-Type,value\nN,2024-01,actual,4\nN,2024-01,TARGET,5\n'
		});
		expect(report.files[0]).toMatchObject({ kind: 'observations', inserted: 2, errors: [] });
		const s = await actuals('N');
		expect(s).toEqual({ '2024-01': 4 });
	});
});

describe('§1.0 line numbers', () => {
	test('the header is line 1 after blank lines; blank records count but are skipped; a multi-line value is one record', async () => {
		await load(SETUP);
		const text = [
			'',
			'',
			'indicator_code,period,value,comment', // line 1
			'N,2024-01,1,"two', // line 2 …
			'lines"', // … still line 2
			'', // line 3, blank
			',,,', // line 4, blank
			'N,2024-13,2,', // line 5
			'N,2024-02,x,' // line 6
		].join('\n');
		const { code, report } = await importTexts({ 'obs.csv': text });
		expect(code).toBe(1);
		expect(report.files[0]!.rows).toBe(3);
		expect(report.files[0]!.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[5, 'period', '2024-13'],
			[6, 'value', 'x']
		]);
	});
});

describe('§1.0 numbers', () => {
	// One number figure per month, so each month shows exactly the number read.
	const months = (values: string[], delimiter: string) =>
		['indicator_code', 'period', 'value'].join(delimiter) +
		'\n' +
		values
			.map((v, i) => ['N', `2024-${String(i + 1).padStart(2, '0')}`, v].join(delimiter))
			.join('\n');

	test('comma files: "." is the decimal mark, "," groups thousands, a space groups three digits', async () => {
		await load(SETUP);
		await load({ 'obs.csv': months(['"1,234"', '"1,234,567.5"', '1 234', '12.5', '-3.25'], ',') });
		expect(await actuals('N')).toEqual({
			'2024-01': 1234,
			'2024-02': 1234567.5,
			'2024-03': 1234,
			'2024-04': 12.5,
			'2024-05': -3.25
		});
	});

	test('tab files read numbers like comma files', async () => {
		await load(SETUP);
		await load({ 'obs.csv': months(['1,234', '1 234.5'], '\t') });
		expect(await actuals('N')).toEqual({ '2024-01': 1234, '2024-02': 1234.5 });
	});

	test('semicolon files: "," is the decimal mark, "." groups thousands', async () => {
		await load(SETUP);
		await load({ 'obs.csv': months(['12,5', '1.234,5', '1.234', '1 234,5'], ';') });
		expect(await actuals('N')).toEqual({
			'2024-01': 12.5,
			'2024-02': 1234.5,
			'2024-03': 1234,
			'2024-04': 1234.5
		});
	});

	test('a trailing % is allowed on percent values', async () => {
		await load(SETUP);
		await load({ 'obs.csv': 'indicator_code;period;value\nP;2024-01;45%\nP;2024-02;45,5 %\n' });
		expect(await actuals('P')).toEqual({ '2024-01': 45, '2024-02': 45.5 });
	});

	test.each([
		[',', '1e3', '1234.5'],
		[',', '1,5', '1234.5'],
		[',', 'abc', '1234.5'],
		[',', '1.2.3', '1234.5'],
		[';', '12.5', '1234,5'],
		[';', '1,234.5', '1234,5']
	])(
		'in a "%s" file "%s" is not a number, and the message shows the form %s',
		async (d, v, form) => {
			await load(SETUP);
			const text =
				['indicator_code', 'period', 'value'].join(d) +
				'\n' +
				['N', '2024-01', v.includes(d) ? `"${v}"` : v].join(d);
			const { code, report } = await importTexts({ 'obs.csv': text });
			expect(code).toBe(1);
			expect(report.files[0]!.errors).toEqual([
				expect.objectContaining({ line: 2, column: 'value', value: v })
			]);
			expect(report.files[0]!.errors[0]!.message).toMatch(/not a number/);
			expect(report.files[0]!.errors[0]!.message).toContain(form);
		}
	);

	test('a % on a value that is not a percent is not a number', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv': 'indicator_code,period,value\nC,2024-01,45%\n'
		});
		expect(code).toBe(1);
		expect(report.files[0]!.errors[0]).toMatchObject({ line: 2, column: 'value', value: '45%' });
	});
});

describe('§1.0 unknown columns', () => {
	test('unknown columns are ignored with a warning naming them', async () => {
		await load(SETUP);
		const { code, report } = await importTexts({
			'obs.csv': 'indicator_code,period,value,notes,Entered By\nN,2024-01,3,x,y\n'
		});
		expect(code).toBe(0);
		expect(report.files[0]).toMatchObject({ inserted: 1, errors: [] });
		const warning = report.files[0]!.warnings.map((w) => w.message).join(' ');
		expect(warning).toContain('notes');
		expect(warning).toContain('entered_by');
		expect(await actuals('N')).toEqual({ '2024-01': 3 });
	});

	test('unknown columns of an areas file are ignored with a warning too', async () => {
		const { code, report } = await importTexts({
			'areas.csv': 'area_code,area_name,head_office\nNK,North,Goma\n'
		});
		expect(code).toBe(0);
		expect(report.files[0]!.warnings.map((w) => w.message).join(' ')).toContain('head_office');
	});
});

describe('§1.0 personal data', () => {
	const PERSONAL = [
		'name',
		'first_name',
		'last_name',
		'surname',
		'full_name',
		'given_name',
		'family_name',
		'victim',
		'victim_name',
		'witness',
		'witness_name',
		'informant',
		'informant_name',
		'phone',
		'phone_number',
		'telephone',
		'mobile',
		'email',
		'e_mail',
		'national_id',
		'id_number',
		'passport',
		'passport_number',
		'address',
		'home_address',
		'date_of_birth',
		'dob',
		'birth_date',
		// normalised forms of the same headers
		'First Name',
		'E-mail',
		'Date of Birth',
		// any other header ending in _name
		'village_name',
		'Perpetrator Name'
	];

	test.each(PERSONAL)('a file with the header "%s" is refused, with an explanation', async (h) => {
		const { code, report } = await importTexts({
			'obs.csv': `indicator_code,period,value,${h}\nN,2024-01,3,x\n`
		});
		expect(code).toBe(1);
		expect(report.ok).toBe(false);
		const [error] = report.files[0]!.errors;
		expect(error!.message).toMatch(/personal/i);
		expect(error!.message).toContain(h);
		expect(error!.message.length).toBeGreaterThan(80);
	});

	test('area_name ends in _name but is a column of the contract', async () => {
		const { code } = await importTexts({ 'areas.csv': 'area_code,area_name\nNK,North\n' });
		expect(code).toBe(0);
	});

	test('a personal-data header refuses an areas file too, and nothing is written', async () => {
		const { code } = await importTexts({
			'areas.csv': 'area_code,area_name,phone\nNK,North,+243 000\n'
		});
		expect(code).toBe(1);
		expect((await exportCsv('areas')).stdout.trim().split('\n')).toHaveLength(1);
	});

	test('the command line prints the explanation in plain words', async () => {
		const r = await cpas(
			'import',
			file('obs.csv', 'indicator_code,period,value,victim\nN,2024-01,1,x\n')
		);
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(/victim/);
		expect(r.stdout).not.toMatch(/at .*\.ts:\d+/);
	});
});
