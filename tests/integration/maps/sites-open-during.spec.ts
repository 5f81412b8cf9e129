/**
 * The loader maps draw sites from: open during the bucket (both ends inclusive, an open end
 * unbounded), and a restricted site never reaches a reader without clearance, whatever the role.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR, NOBODY, type Actor } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { sites } from '../../../src/lib/server/db/schema';
import { sitesOpenDuring } from '../../../src/lib/server/maps/sites';
import { NotAllowed } from '../../../src/lib/server/permissions';
import { freshDb } from '../../helpers/db';

const viewer: Actor = { username: 'viewer', role: 'viewer', cleared: false };
const clearedViewer: Actor = { username: 'cleared', role: 'viewer', cleared: true };
const unclearedAdmin: Actor = { username: 'admin2', role: 'admin', cleared: false };

type NewSite = typeof sites.$inferInsert;

function site(code: string, extra: Partial<NewSite> = {}): NewSite {
	return {
		code,
		name: `Site ${code}`,
		type: 'base',
		longitude: 20.5,
		latitude: 6.1,
		changedBy: 'test',
		...extra
	};
}

const codes = (db: Db, actor: Actor, start: string, end: string) =>
	sitesOpenDuring(db, actor, start, end).map((s) => s.code);

let db: Db;
beforeEach(() => {
	db = freshDb();
});

describe('sitesOpenDuring: dates', () => {
	beforeEach(() => {
		db.insert(sites)
			.values([
				site('ALWAYS'),
				site('OPENS-2024', { opened: '2024-03-01' }),
				site('CLOSED-2023', { closed: '2023-12-31' }),
				site('SPRING-2024', { opened: '2024-04-01', closed: '2024-05-15' })
			])
			.run();
	});

	test('a site with neither date is open in any period; an unknown opening is "long ago"', () => {
		expect(codes(db, viewer, '1990-01-01', '1990-01-31')).toEqual(['ALWAYS', 'CLOSED-2023']);
		expect(codes(db, viewer, '2030-01-01', '2030-01-31')).toEqual(['ALWAYS', 'OPENS-2024']);
	});

	test('a site open on any day of the period is drawn; ends are inclusive', () => {
		// opened on the period's last day, closed on its first
		expect(codes(db, viewer, '2023-12-31', '2024-03-01')).toEqual([
			'ALWAYS',
			'CLOSED-2023',
			'OPENS-2024'
		]);
		// a period inside the site's life, and one overlapping only its end
		expect(codes(db, viewer, '2024-04-10', '2024-04-20')).toEqual([
			'ALWAYS',
			'OPENS-2024',
			'SPRING-2024'
		]);
		expect(codes(db, viewer, '2024-05-15', '2024-06-30')).toEqual([
			'ALWAYS',
			'OPENS-2024',
			'SPRING-2024'
		]);
	});

	test('a site opened after the period or closed before it is not drawn', () => {
		expect(codes(db, viewer, '2024-01-01', '2024-02-29')).toEqual(['ALWAYS']);
		expect(codes(db, viewer, '2024-05-16', '2024-06-30')).toEqual(['ALWAYS', 'OPENS-2024']);
	});

	test('each site carries what a map needs, and nothing about its sensitivity', () => {
		const [first] = sitesOpenDuring(db, viewer, '1990-01-01', '1990-01-31');
		expect(first).toEqual({
			code: 'ALWAYS',
			name: 'Site ALWAYS',
			type: 'base',
			longitude: 20.5,
			latitude: 6.1
		});
	});
});

describe('sitesOpenDuring: restricted sites', () => {
	beforeEach(() => {
		db.insert(sites)
			.values([
				site('PUB', { sensitivity: 'public' }),
				site('INT', { sensitivity: 'internal' }),
				site('RES', { sensitivity: 'restricted', type: 'police_post' })
			])
			.run();
	});

	test('an uncleared reader never receives a restricted site, whatever the role', () => {
		for (const actor of [viewer, unclearedAdmin]) {
			const found = sitesOpenDuring(db, actor, '2024-01-01', '2024-12-31');
			expect(found.map((s) => s.code)).toEqual(['INT', 'PUB']);
			expect(JSON.stringify(found)).not.toContain('RES');
		}
	});

	test('a cleared reader sees restricted sites', () => {
		expect(codes(db, clearedViewer, '2024-01-01', '2024-12-31')).toEqual(['INT', 'PUB', 'RES']);
		expect(codes(db, LOCAL_ADMINISTRATOR, '2024-01-01', '2024-12-31')).toEqual([
			'INT',
			'PUB',
			'RES'
		]);
	});

	test('nobody signed in reads no site', () => {
		expect(() => sitesOpenDuring(db, NOBODY, '2024-01-01', '2024-12-31')).toThrow(NotAllowed);
	});
});
