/**
 * The API description itself: a sound OpenAPI 3.1 document (checked offline, by the rules of
 * tests/helpers/openapi-rules.ts), with exactly the operations the app serves: every route of
 * the access table under /api/v1 (but the catch-all 404) and each of its methods has one, and
 * the document names no operation that no route serves. The responses are checked against it
 * in openapi-responses.spec.ts.
 */
import { describe, expect, test } from 'vitest';
import { OPENAPI } from '../../../src/lib/server/api/openapi';
import { ROUTE_ACCESS } from '../../../src/lib/server/http/route-access';
import { openApiProblems } from '../../helpers/openapi-rules';
import { declaredRoutes } from '../../helpers/routes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents broken on purpose
type Json = any;

const SERVER = '/api/v1';
const CATCH_ALL = '/api/v1/[...path]';

/** `/api/v1/imports/[id]/undo` as the document writes it: `/imports/{id}/undo`. */
const documentPath = (routeId: string) =>
	routeId.slice(SERVER.length).replace(/\[(\w+)\]/g, '{$1}');

/** The operations the routes serve, as `METHOD /path` of the document. */
function servedOperations(): string[] {
	return Object.entries(ROUTE_ACCESS)
		.filter(([id]) => id.startsWith(`${SERVER}/`) && id !== CATCH_ALL)
		.flatMap(([id, rule]) =>
			Object.keys(rule.methods ?? {}).map((method) => `${method} ${documentPath(id)}`)
		)
		.sort();
}

function documentedOperations(doc: Json): string[] {
	return Object.entries<Json>(doc.paths)
		.flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
		.sort();
}

/** What the completeness test says: operations served and not described, and the reverse. */
function mismatch(doc: Json) {
	const served = servedOperations();
	const documented = documentedOperations(doc);
	return {
		undocumented: served.filter((o) => !documented.includes(o)),
		unserved: documented.filter((o) => !served.includes(o))
	};
}

const copy = (): Json => structuredClone(OPENAPI);

describe('the document is OpenAPI 3.1', () => {
	test('sound: structure, references, path parameters, operation ids, schemas', () => {
		expect(openApiProblems(OPENAPI)).toEqual([]);
		expect(OPENAPI.openapi).toBe('3.1.0');
		expect(OPENAPI.servers).toEqual([expect.objectContaining({ url: SERVER })]);
	});

	test('served as JSON it is the same document', () => {
		expect(JSON.parse(JSON.stringify(OPENAPI))).toEqual(OPENAPI);
	});

	test('a document broken on purpose is caught, each way', () => {
		const noVersion = copy();
		delete noVersion.info.version;
		expect(openApiProblems(noVersion).join('\n')).toMatch(/info.*version/);

		const badStatus = copy();
		badStatus.paths['/indicators'].get.responses['20'] = { description: 'x' };
		expect(openApiProblems(badStatus)).not.toEqual([]);

		const noDescription = copy();
		delete noDescription.paths['/imports'].post.responses['422'].description;
		expect(openApiProblems(noDescription)).not.toEqual([]);

		const dangling = copy();
		dangling.paths['/indicators'].get.responses['200'].content['application/json'].schema.items = {
			$ref: '#/components/schemas/Nothing'
		};
		expect(openApiProblems(dangling).join('\n')).toMatch(/Nothing resolves to nothing/);

		const pathParam = copy();
		pathParam.paths['/indicators/{code}/series'].get.parameters.shift();
		expect(openApiProblems(pathParam).join('\n')).toMatch(/\{code\} has no path parameter/);

		const optionalPath = copy();
		optionalPath.paths['/indicators/{code}/series'].get.parameters[0].required = false;
		expect(openApiProblems(optionalPath)).not.toEqual([]);

		const twice = copy();
		twice.paths['/imports'].post.operationId = 'listIndicators';
		expect(openApiProblems(twice).join('\n')).toMatch(/operationId listIndicators twice/);

		const badSchema = copy();
		badSchema.components.schemas.Error.properties.error = { type: 'text' };
		expect(openApiProblems(badSchema)).not.toEqual([]);

		const unknownKeyword = copy();
		unknownKeyword.components.schemas.Error.requird = ['error'];
		expect(openApiProblems(unknownKeyword)).not.toEqual([]);

		const noScheme = copy();
		noScheme.security = [{ apiKey: [] }];
		expect(openApiProblems(noScheme).join('\n')).toMatch(/names no scheme: apiKey/);
	});
});

describe('the document describes every endpoint, and only those', () => {
	test('every route under /api/v1 and each of its methods has an operation, and no more', () => {
		expect(mismatch(OPENAPI)).toEqual({ undocumented: [], unserved: [] });
		expect(servedOperations()).toEqual(
			expect.arrayContaining([
				'GET /indicators',
				'GET /indicators/{code}/series',
				'POST /imports',
				'POST /imports/{id}/undo',
				'GET /openapi.json'
			])
		);
	});

	test('the access table and the route files agree on the API’s endpoints', () => {
		const files = declaredRoutes()
			.filter((r) => r.id.startsWith(`${SERVER}/`) && r.id !== CATCH_ALL)
			.flatMap((r) => r.methods.map((m) => `${m} ${documentPath(r.id)}`))
			.sort();
		expect(files).toEqual(servedOperations());
	});

	test('a missing operation and one no route serves both fail it', () => {
		const missing = copy();
		delete missing.paths['/imports/{id}/undo'];
		expect(mismatch(missing).undocumented).toEqual(['POST /imports/{id}/undo']);
		const extra = copy();
		extra.paths['/indicators'].delete = extra.paths['/indicators'].get;
		expect(mismatch(extra).unserved).toEqual(['DELETE /indicators']);
	});

	test('every operation says what it needs, and documents 401 and 403', () => {
		for (const [path, item] of Object.entries<Json>(OPENAPI.paths)) {
			for (const [method, op] of Object.entries<Json>(item)) {
				expect(op.summary, `${method} ${path}`).toBeTruthy();
				expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
					expect.arrayContaining(['200', '401', '403'])
				);
			}
		}
	});
});
