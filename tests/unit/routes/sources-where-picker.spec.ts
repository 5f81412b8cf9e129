import { describe, expect, test } from 'vitest';
import { splitWhere } from '../../../src/routes/sources/[name]/where-picker';

const sample = {
	columns: [
		{ name: 'event_type', values: ['Attack', 'Abduction', 'Looting'] },
		{ name: 'victim_sex', values: ['female', 'male'] },
		{ name: 'notes', values: [] }
	]
};

describe('the where picker', () => {
	test('offers the sample’s columns with values, and ticks the conditions it can show', () => {
		const { columns, rest } = splitWhere(
			'EVENT_TYPE != attack|Looting;notes=x;victim_sex=unknown',
			sample
		);
		expect(columns).toEqual([
			{
				name: 'event_type',
				values: ['Attack', 'Abduction', 'Looting'],
				checked: ['attack', 'looting'],
				negated: true
			},
			{ name: 'victim_sex', values: ['female', 'male'], checked: [], negated: false }
		]);
		// a column without values, and a value the sample does not hold, stay typed
		expect(rest).toBe('notes=x;victim_sex=unknown');
	});

	test('a second condition on one column stays typed; without a sample everything is typed', () => {
		expect(splitWhere('event_type=Attack;event_type!=Looting', sample).rest).toBe(
			'event_type!=Looting'
		);
		expect(splitWhere('a=b', null)).toEqual({ columns: [], rest: 'a=b' });
	});

	test('text that does not read stays as typed, for its error', () => {
		expect(splitWhere('event_type Attack', sample).rest).toBe('event_type Attack');
	});
});
