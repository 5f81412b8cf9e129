/**
 * The editors' French texts beyond french-texts.spec.ts: saved with a new node and a new
 * indicator, audited before and after, kept by a move, not written by a refused edit; and the
 * editors' refusals written in the reader's language.
 */
import { desc, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { LOCAL_ADMINISTRATOR } from '../../../src/lib/server/actor';
import type { Db } from '../../../src/lib/server/db';
import { auditLog, indicators } from '../../../src/lib/server/db/schema';
import {
	createIndicator,
	editIndicator,
	findStoredIndicator,
	indicatorFields,
	type IndicatorFields
} from '../../../src/lib/server/framework/indicators';
import {
	createNode,
	editNode,
	findNode,
	moveNode,
	nodeFields,
	type NodeFields
} from '../../../src/lib/server/framework/nodes';
import { retireNode } from '../../../src/lib/server/framework/retire';
import { inLocale } from '../../../src/lib/server/i18n/request-locale';
import { freshDb, importBasic } from '../../helpers/db';

const admin = LOCAL_ADMINISTRATOR;

async function basic(): Promise<Db> {
	const db = freshDb();
	expect((await importBasic(db)).ok).toBe(true);
	return db;
}

const outcome: NodeFields = {
	result_code: 'PO1-OC2',
	result_level: 'outcome',
	result_title: 'Communities warn early',
	parent_result: 'PO1-IM1',
	driver_of_change: '',
	critical_condition: 'Community alert networks in place',
	component: 'Civil Affairs',
	tier: 'II',
	description: '',
	result_title_fr: 'Les communautés alertent tôt',
	critical_condition_fr: 'Des réseaux d’alerte communautaires en place'
};

const indicator: IndicatorFields = {
	indicator_code: 'PO1-K9',
	indicator_title: 'Number of community alert networks in place',
	result_code: 'PO1-OC1',
	category: 'capacity',
	direction: 'increase',
	measure: 'count',
	aggregation: 'last',
	frequency: 'quarter',
	dimensions: '',
	baseline_value: '',
	baseline_period: '',
	tier: 'II',
	unit: 'networks',
	data_source: 'Civil Affairs mapping',
	component: 'Civil Affairs',
	definition: 'A network with at least one focal point',
	sensitivity: '',
	indicator_title_fr: 'Nombre de réseaux d’alerte communautaires en place',
	definition_fr: 'Un réseau avec au moins un point focal'
};

const lastAudit = (db: Db) => db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;

describe('a node’s French texts', () => {
	test('are saved with a new node, shown back in its form, and audited', async () => {
		const db = await basic();
		expect(await createNode(db, admin, outcome)).toEqual({ ok: true });
		const stored = findNode(db, 'PO1-OC2')!;
		expect(stored).toMatchObject({
			title: 'Communities warn early',
			titleFr: 'Les communautés alertent tôt',
			criticalConditionFr: 'Des réseaux d’alerte communautaires en place',
			driverOfChangeFr: null,
			descriptionFr: null
		});
		expect(nodeFields(db, stored)).toMatchObject({
			result_title_fr: 'Les communautés alertent tôt',
			critical_condition_fr: 'Des réseaux d’alerte communautaires en place',
			description_fr: ''
		});
		const entry = lastAudit(db);
		expect(entry.action).toBe('framework.node.create');
		expect(JSON.parse(entry.detail).after.result_title_fr).toBe('Les communautés alertent tôt');
	});

	test('round trip: edited, cleared with a blank, kept when the form does not send them', async () => {
		const db = await basic();
		await createNode(db, admin, outcome);
		const { result_code: _c, result_level: _l, parent_result: _p, ...edit } = outcome;
		const result = await editNode(db, admin, 'PO1-OC2', {
			...edit,
			result_title_fr: '  Les communautés donnent l’alerte tôt ',
			critical_condition_fr: '',
			description_fr: 'Avant les attaques.'
		});
		expect(result).toEqual({ ok: true });
		expect(findNode(db, 'PO1-OC2')).toMatchObject({
			titleFr: 'Les communautés donnent l’alerte tôt',
			criticalConditionFr: null,
			descriptionFr: 'Avant les attaques.'
		});
		const detail = JSON.parse(lastAudit(db).detail);
		expect(detail.before.result_title_fr).toBe('Les communautés alertent tôt');
		expect(detail.after.result_title_fr).toBe('Les communautés donnent l’alerte tôt');
		expect(detail.after.critical_condition_fr).toBe('');

		// only the English sent (a file-shaped caller, an older form): the French texts stay
		const { result_title_fr: _t, critical_condition_fr: _cc, ...english } = edit;
		expect(await editNode(db, admin, 'PO1-OC2', { ...english, tier: 'III' })).toEqual({
			ok: true
		});
		expect(findNode(db, 'PO1-OC2')).toMatchObject({
			tier: 'III',
			titleFr: 'Les communautés donnent l’alerte tôt',
			descriptionFr: 'Avant les attaques.'
		});
	});

	test('a refused edit writes no French text either', async () => {
		const db = await basic();
		await createNode(db, admin, outcome);
		const { result_code: _c, result_level: _l, parent_result: _p, ...edit } = outcome;
		const result = await editNode(db, admin, 'PO1-OC2', {
			...edit,
			result_title: '',
			result_title_fr: 'Autre titre'
		});
		expect(result.ok).toBe(false);
		expect(findNode(db, 'PO1-OC2')!.titleFr).toBe('Les communautés alertent tôt');
	});

	test('moving a node keeps its French texts', async () => {
		const db = await basic();
		await createNode(db, admin, outcome);
		await createNode(db, admin, {
			...outcome,
			result_code: 'PO1-IM9',
			result_level: 'impact',
			parent_result: 'PO1',
			critical_condition: '',
			critical_condition_fr: '',
			result_title_fr: ''
		});
		expect(await moveNode(db, admin, 'PO1-OC2', 'PO1-IM9')).toEqual({ ok: true });
		expect(findNode(db, 'PO1-OC2')!.titleFr).toBe('Les communautés alertent tôt');
	});
});

describe('an indicator’s French texts', () => {
	test('round trip: created, shown back, edited, audited', async () => {
		const db = await basic();
		expect(await createIndicator(db, admin, indicator, [])).toEqual({ ok: true });
		const stored = findStoredIndicator(db, 'PO1-K9')!;
		expect(stored).toMatchObject({
			titleFr: 'Nombre de réseaux d’alerte communautaires en place',
			definitionFr: 'Un réseau avec au moins un point focal'
		});
		expect(indicatorFields('PO1-OC1', stored)).toMatchObject({
			indicator_title_fr: 'Nombre de réseaux d’alerte communautaires en place',
			definition_fr: 'Un réseau avec au moins un point focal'
		});

		const { indicator_code: _code, ...edit } = indicator;
		const result = await editIndicator(
			db,
			admin,
			'PO1-K9',
			{ ...edit, indicator_title_fr: 'Réseaux d’alerte en place', definition_fr: ' ' },
			[]
		);
		expect(result).toEqual({ ok: true });
		const row = db.select().from(indicators).where(eq(indicators.code, 'PO1-K9')).get()!;
		expect(row.titleFr).toBe('Réseaux d’alerte en place');
		expect(row.definitionFr).toBeNull();
		const entry = lastAudit(db);
		expect(entry.action).toBe('indicator.update');
		const detail = JSON.parse(entry.detail);
		expect(detail.before.indicator_title_fr).toBe(
			'Nombre de réseaux d’alerte communautaires en place'
		);
		expect(detail.after.indicator_title_fr).toBe('Réseaux d’alerte en place');
	});
});

describe('the editors’ refusals in French', () => {
	test('a taken code, an unknown node, a node still holding indicators', async () => {
		const db = await basic();
		await createNode(db, admin, outcome);
		const taken = await inLocale('fr', () => createNode(db, admin, outcome));
		expect(taken).toEqual({
			ok: false,
			errors: expect.objectContaining({
				result_code: 'PO1-OC2 existe déjà\u00a0: choisissez un autre code, ou modifiez PO1-OC2.'
			})
		});
		const unknown = await inLocale('fr', () => editNode(db, admin, 'NOPE', outcome));
		expect(unknown).toEqual({
			ok: false,
			errors: { form: 'Nœud du cadre inconnu\u00a0: «\u00a0NOPE\u00a0».' }
		});
		const busy = inLocale('fr', () => retireNode(db, admin, 'PO1-OC1'));
		expect(busy.ok).toBe(false);
		expect(!busy.ok && busy.message).toMatch(
			/^PO1-OC1 a encore des indicateurs actifs \(.+\)\u00a0: retirez-les d’abord/
		);
		// English stays the default
		const english = retireNode(db, admin, 'PO1-OC1');
		expect(!english.ok && english.message).toMatch(/^PO1-OC1 still has active indicators/);
	});
});
