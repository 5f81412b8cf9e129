import { expect, test } from '@playwright/test';

test('GET /api/v1/indicators lists indicators of several objectives and every category', async ({
	request
}) => {
	const response = await request.get('/api/v1/indicators');
	expect(response.status()).toBe(200);
	const list = (await response.json()) as Record<string, string>[];
	expect(list.length).toBeGreaterThanOrEqual(15);
	expect(Object.keys(list[0]!).sort()).toEqual(
		['category', 'code', 'direction', 'measure', 'objective_code', 'result_code', 'title'].sort()
	);
	expect(new Set(list.map((i) => i.objective_code)).size).toBeGreaterThanOrEqual(2);
	expect(new Set(list.map((i) => i.category))).toEqual(
		new Set(['situation', 'perception', 'capacity'])
	);
});

test('the series API answers 404 for unknown codes and 400 for bad parameters', async ({
	request
}) => {
	const unknown = await request.get('/api/v1/indicators/NOPE/series');
	expect(unknown.status()).toBe(404);
	expect((await unknown.json()).error).toContain('NOPE');
	const list = (await (await request.get('/api/v1/indicators')).json()) as { code: string }[];
	const bad = await request.get(`/api/v1/indicators/${list[0]!.code}/series?by=week`);
	expect(bad.status()).toBe(400);
	const ok = await request.get(`/api/v1/indicators/${list[0]!.code}/series?by=year`);
	expect(ok.status()).toBe(200);
	const series = await ok.json();
	expect(series.by).toBe('year');
	expect(series.points.length).toBeGreaterThan(0);
});
