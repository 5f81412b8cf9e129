/**
 * The parts of OpenAPI 3.1 that our document uses, as types: enough for the compiler to catch a
 * misspelt field in openapi.ts, and for the /api page to read the document back. Schemas are
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect), kept as plain objects.
 */

/** A JSON Schema 2020-12 schema, or a `$ref` to one in components. */
export type JsonSchema = { [keyword: string]: unknown };

export interface Reference {
	$ref: string;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

export interface Parameter {
	name: string;
	in: 'query' | 'header' | 'path' | 'cookie';
	description: string;
	required?: boolean;
	schema: JsonSchema;
	example?: unknown;
}

export interface MediaType {
	schema: JsonSchema;
	example?: unknown;
}

export interface Header {
	description: string;
	schema: JsonSchema;
}

export interface ResponseObject {
	description: string;
	headers?: Record<string, Header>;
	content?: Record<string, MediaType>;
}

export interface Operation {
	operationId: string;
	summary: string;
	description: string;
	tags?: string[];
	parameters?: (Parameter | Reference)[];
	requestBody?: { description: string; required: boolean; content: Record<string, MediaType> };
	responses: Record<string, ResponseObject | Reference>;
	security?: Record<string, string[]>[];
	/** what the page at /api shows as the example command: the path and query after the server */
	'x-example'?: { query?: string; body?: string };
}

export type PathItem = Partial<Record<HttpMethod, Operation>>;

export interface SecurityScheme {
	type: 'http' | 'apiKey';
	description: string;
	scheme?: string;
	in?: 'cookie' | 'header' | 'query';
	name?: string;
}

export interface OpenApiDocument {
	openapi: '3.1.0';
	jsonSchemaDialect: string;
	info: { title: string; version: string; description: string };
	servers: { url: string; description: string }[];
	security: Record<string, string[]>[];
	tags: { name: string; description: string }[];
	paths: Record<string, PathItem>;
	components: {
		schemas: Record<string, JsonSchema>;
		parameters: Record<string, Parameter>;
		responses: Record<string, ResponseObject>;
		securitySchemes: Record<string, SecurityScheme>;
	};
}

export const HTTP_METHODS: readonly HttpMethod[] = [
	'get',
	'put',
	'post',
	'delete',
	'patch',
	'head',
	'options'
];
