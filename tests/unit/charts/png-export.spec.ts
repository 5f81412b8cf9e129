import { expect, test } from 'vitest';
import { wrap } from '../../../src/lib/charts/png-export';

test('long titles wrap at word boundaries within the width', () => {
	// every character 1 unit wide
	const measure = (t: string) => t.length;
	expect(wrap(measure, 'Decrease in the number of recorded casualties', 20)).toEqual([
		'Decrease in the',
		'number of recorded',
		'casualties'
	]);
	expect(wrap(measure, 'short', 20)).toEqual(['short']);
});
