import { expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import { importUpload } from '../../../src/lib/server/imports/upload';
import { freshDb } from '../../helpers/db';

test('an upload without a body is an empty file, refused with a message, not a server error', async () => {
	const report = await importUpload(freshDb(), LOCAL_ADMINISTRATOR, 'upload.csv', null);
	expect(report.ok).toBe(false);
	expect(report.files[0]!.errors[0]!.message).toMatch(/empty/);
});
