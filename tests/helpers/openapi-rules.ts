/**
 * What an OpenAPI 3.1 document must be, checked offline: a JSON Schema (2020-12) of the
 * document's structure, written for this project from the OpenAPI Specification 3.1.0
 * (spec.openapis.org/oas/v3.1.0: the OpenAPI, Info, Server, Paths, Path Item, Operation,
 * Parameter, Request Body, Media Type, Responses, Response, Header, Components, Security
 * Scheme and Reference objects, their fixed fields and which are REQUIRED), plus the rules a
 * schema cannot say (references resolve, path templates declare their parameters, operation
 * ids are unique, security names a scheme). It covers the objects our document may use; an
 * object it does not know (callbacks, links, webhooks) is refused rather than waved through.
 * Every schema inside the document is itself compiled by ajv in strict mode.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const EXTENSIONS = { '^x-': {} };
const closed = (
	properties: Record<string, unknown>,
	required: string[] = []
): Record<string, unknown> => ({
	type: 'object',
	properties,
	required,
	patternProperties: EXTENSIONS,
	additionalProperties: false
});
const text = { type: 'string' };
const map = (value: unknown) => ({ type: 'object', additionalProperties: value });
const orRef = (name: string) => ({
	oneOf: [{ $ref: '#/$defs/reference' }, { $ref: `#/$defs/${name}` }]
});

export const OPENAPI_31_STRUCTURE = {
	$schema: 'https://json-schema.org/draft/2020-12/schema',
	$id: 'https://cpas.invalid/openapi-3.1-structure',
	...closed(
		{
			// "the semantic version number of the OpenAPI Specification version that the document uses"
			openapi: { type: 'string', pattern: '^3\\.1\\.\\d+(-.+)?$' },
			info: { $ref: '#/$defs/info' },
			jsonSchemaDialect: { type: 'string', format: 'uri' },
			servers: { type: 'array', items: { $ref: '#/$defs/server' } },
			paths: { $ref: '#/$defs/paths' },
			components: { $ref: '#/$defs/components' },
			security: { type: 'array', items: { $ref: '#/$defs/securityRequirement' } },
			tags: { type: 'array', items: { $ref: '#/$defs/tag' } },
			externalDocs: { $ref: '#/$defs/externalDocs' }
		},
		['openapi', 'info']
	),
	// "at least one of the components, paths field or webhooks field MUST be present"
	anyOf: [{ required: ['paths'] }, { required: ['components'] }],
	$defs: {
		reference: {
			type: 'object',
			properties: {
				$ref: { type: 'string', format: 'uri-reference' },
				summary: text,
				description: text
			},
			required: ['$ref'],
			additionalProperties: false
		},
		info: closed(
			{
				title: text,
				summary: text,
				description: text,
				termsOfService: { type: 'string', format: 'uri' },
				contact: map({}),
				license: closed({ name: text, identifier: text, url: { type: 'string', format: 'uri' } }, [
					'name'
				]),
				version: text
			},
			['title', 'version']
		),
		server: closed({ url: text, description: text, variables: map({}) }, ['url']),
		externalDocs: closed({ description: text, url: { type: 'string', format: 'uri' } }, ['url']),
		tag: closed({ name: text, description: text, externalDocs: { $ref: '#/$defs/externalDocs' } }, [
			'name'
		]),
		paths: {
			type: 'object',
			// "The field name MUST begin with a forward slash (/)."
			patternProperties: { '^/': { $ref: '#/$defs/pathItem' }, ...EXTENSIONS },
			additionalProperties: false
		},
		pathItem: closed({
			summary: text,
			description: text,
			get: { $ref: '#/$defs/operation' },
			put: { $ref: '#/$defs/operation' },
			post: { $ref: '#/$defs/operation' },
			delete: { $ref: '#/$defs/operation' },
			options: { $ref: '#/$defs/operation' },
			head: { $ref: '#/$defs/operation' },
			patch: { $ref: '#/$defs/operation' },
			trace: { $ref: '#/$defs/operation' },
			servers: { type: 'array', items: { $ref: '#/$defs/server' } },
			parameters: { type: 'array', items: orRef('parameter') }
		}),
		operation: closed({
			tags: { type: 'array', items: text },
			summary: text,
			description: text,
			externalDocs: { $ref: '#/$defs/externalDocs' },
			operationId: text,
			parameters: { type: 'array', items: orRef('parameter') },
			requestBody: orRef('requestBody'),
			responses: { $ref: '#/$defs/responses' },
			deprecated: { type: 'boolean' },
			security: { type: 'array', items: { $ref: '#/$defs/securityRequirement' } },
			servers: { type: 'array', items: { $ref: '#/$defs/server' } }
		}),
		parameter: {
			...closed(
				{
					name: text,
					in: { enum: ['query', 'header', 'path', 'cookie'] },
					description: text,
					required: { type: 'boolean' },
					deprecated: { type: 'boolean' },
					allowEmptyValue: { type: 'boolean' },
					style: text,
					explode: { type: 'boolean' },
					allowReserved: { type: 'boolean' },
					schema: { type: ['object', 'boolean'] },
					example: true,
					examples: map({}),
					content: map({ $ref: '#/$defs/mediaType' })
				},
				['name', 'in']
			),
			// "If the parameter location is "path", this property is REQUIRED and its value MUST be true."
			if: { properties: { in: { const: 'path' } } },
			then: { properties: { required: { const: true } }, required: ['required'] },
			// "A parameter MUST contain either a schema property, or a content property, but not both."
			oneOf: [{ required: ['schema'] }, { required: ['content'] }]
		},
		requestBody: closed(
			{
				description: text,
				content: map({ $ref: '#/$defs/mediaType' }),
				required: { type: 'boolean' }
			},
			['content']
		),
		mediaType: closed({
			schema: { type: ['object', 'boolean'] },
			example: true,
			examples: map({}),
			encoding: map({})
		}),
		responses: {
			type: 'object',
			// "HTTP Status Codes … MUST be enclosed in quotation marks"; 1XX-5XX ranges; default
			patternProperties: { '^([1-5][0-9]{2}|[1-5]XX)$': orRef('response'), ...EXTENSIONS },
			properties: { default: orRef('response') },
			additionalProperties: false,
			minProperties: 1
		},
		response: closed(
			{
				description: text,
				headers: map(orRef('header')),
				content: map({ $ref: '#/$defs/mediaType' }),
				links: map({})
			},
			['description']
		),
		header: closed({
			description: text,
			required: { type: 'boolean' },
			deprecated: { type: 'boolean' },
			schema: { type: ['object', 'boolean'] },
			example: true
		}),
		securityRequirement: map({ type: 'array', items: text }),
		securityScheme: {
			...closed(
				{
					type: { enum: ['apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'] },
					description: text,
					name: text,
					in: { enum: ['query', 'header', 'cookie'] },
					scheme: text,
					bearerFormat: text,
					flows: map({}),
					openIdConnectUrl: { type: 'string', format: 'uri' }
				},
				['type']
			),
			allOf: [
				{ if: { properties: { type: { const: 'apiKey' } } }, then: { required: ['name', 'in'] } },
				{ if: { properties: { type: { const: 'http' } } }, then: { required: ['scheme'] } }
			]
		},
		components: closed({
			schemas: map({ type: ['object', 'boolean'] }),
			responses: map(orRef('response')),
			parameters: map(orRef('parameter')),
			requestBodies: map(orRef('requestBody')),
			headers: map(orRef('header')),
			securitySchemes: map(orRef('securityScheme'))
		})
	}
} as const;

/** An ajv as the tests use it: JSON Schema 2020-12, strict, formats known. */
export function strictAjv(options: { strictRequired?: boolean } = {}): Ajv2020 {
	const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, ...options });
	addFormats(ajv);
	// the OpenAPI vocabulary's keywords a schema may carry (spec §4.8.24.1)
	ajv.addKeyword({ keyword: 'discriminator' });
	ajv.addKeyword({ keyword: 'xml' });
	ajv.addKeyword({ keyword: 'externalDocs' });
	ajv.addKeyword({ keyword: 'example' });
	return ajv;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a document read as JSON
type Json = any;

function pointer(doc: Json, ref: string): unknown {
	if (!ref.startsWith('#/')) return undefined;
	return ref
		.slice(2)
		.split('/')
		.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce<Json>((node, key) => (node === undefined ? undefined : node[key]), doc);
}

function* refsIn(node: Json, at = '#'): Generator<[string, string]> {
	if (Array.isArray(node)) {
		for (const [i, item] of node.entries()) yield* refsIn(item, `${at}/${i}`);
	} else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === '$ref' && typeof value === 'string') yield [at, value];
			else yield* refsIn(value, `${at}/${key}`);
		}
	}
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Every way the document breaks OpenAPI 3.1, as sentences; empty when it is sound. The
 * structure first, then the rules between its parts.
 */
export function openApiProblems(doc: Json): string[] {
	const ajv = strictAjv();
	const problems: string[] = [];
	// the structure's `required` inside if/then and anyOf name properties declared beside them
	const structure = strictAjv({ strictRequired: false }).compile(OPENAPI_31_STRUCTURE);
	// asked of a copy of the reference: ajv's type guard would narrow `doc` itself to unknown
	const asked: unknown = doc;
	if (!structure(asked)) {
		for (const e of structure.errors ?? [])
			problems.push(`structure ${e.instancePath}: ${e.message}`);
		return problems;
	}
	for (const [at, ref] of refsIn(doc)) {
		if (pointer(doc, ref) === undefined) problems.push(`${at}: $ref ${ref} resolves to nothing`);
	}
	const schemes = Object.keys(doc.components?.securitySchemes ?? {});
	const requirements = [
		...(doc.security ?? []),
		...METHODS.flatMap((m) =>
			Object.values<Json>(doc.paths ?? {}).flatMap((item) => item[m]?.security ?? [])
		)
	];
	for (const requirement of requirements) {
		for (const name of Object.keys(requirement)) {
			if (!schemes.includes(name)) problems.push(`security names no scheme: ${name}`);
		}
	}
	const ids = new Set<string>();
	const deref = (p: Json) => (p?.$ref ? pointer(doc, p.$ref) : p) as Json;
	for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
		const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const where = `${method.toUpperCase()} ${path}`;
			if (op.operationId) {
				// "The id MUST be unique among all operations described in the API."
				if (ids.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} twice`);
				ids.add(op.operationId);
			}
			const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
			const seen = new Set<string>();
			for (const p of params) {
				// "A unique parameter is defined by a combination of a name and location."
				const key = `${p.in}:${p.name}`;
				if (seen.has(key)) problems.push(`${where}: parameter ${key} twice`);
				seen.add(key);
				if (p.in === 'path' && !templated.includes(p.name)) {
					problems.push(`${where}: path parameter ${p.name} is not in the path`);
				}
			}
			// "each template expression in the path MUST correspond to a path parameter"
			for (const name of templated) {
				if (!seen.has(`path:${name}`)) problems.push(`${where}: {${name}} has no path parameter`);
			}
		}
	}
	// every schema of the document is a sound JSON Schema 2020-12 schema, refs rewritten to
	// point into the components
	let withComponents: Ajv2020;
	try {
		withComponents = schemaAjv(doc, ajv);
	} catch (e) {
		return [...problems, `#/components/schemas: ${(e as Error).message}`];
	}
	for (const [at, schema] of schemasIn(doc)) {
		try {
			withComponents.compile(rewriteRefs(schema));
		} catch (e) {
			problems.push(`${at}: ${(e as Error).message}`);
		}
	}
	return problems;
}

const COMPONENTS_ID = 'https://cpas.invalid/openapi-components';

/** A schema with `#/components/schemas/X` references pointing at the components' schema. */
export function rewriteRefs<T>(schema: T): T {
	return JSON.parse(
		JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`)
	) as T;
}

/** An ajv that knows the document's component schemas, for the schemas that refer to them. */
export function schemaAjv(doc: Json, ajv = strictAjv()): Ajv2020 {
	if (!ajv.getSchema(COMPONENTS_ID)) {
		ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(doc.components?.schemas ?? {}) });
	}
	return ajv;
}

function* schemasIn(doc: Json): Generator<[string, Json]> {
	for (const [name, s] of Object.entries<Json>(doc.components?.schemas ?? {})) {
		yield [`#/components/schemas/${name}`, s];
	}
	for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			for (const p of op.parameters ?? [])
				if (p.schema) yield [`${path} ${method} ${p.name}`, p.schema];
			for (const [type, media] of Object.entries<Json>(op.requestBody?.content ?? {})) {
				yield [`${path} ${method} body ${type}`, media.schema];
			}
			for (const [status, r] of Object.entries<Json>(op.responses ?? {})) {
				for (const [type, media] of Object.entries<Json>(r.content ?? {})) {
					yield [`${path} ${method} ${status} ${type}`, media.schema];
				}
			}
		}
	}
}
