/**
 * The API description as the page at /api shows it: each operation with its parameters, body,
 * answers and an example command, read from the one document (openapi.ts), so the page and
 * /api/v1/openapi.json can never say different things. Plain data: the page only lays it out.
 */
import { OPENAPI } from './openapi';
import {
	HTTP_METHODS,
	type JsonSchema,
	type Operation,
	type Parameter,
	type Reference,
	type ResponseObject
} from './openapi-types';

/** What values a parameter takes, for the page to put in words. */
export type AllowedValues =
	| { kind: 'one-of'; values: string[] }
	| { kind: 'whole-number'; minimum: number | null }
	| { kind: 'text' };

export interface ParameterView {
	name: string;
	in: Parameter['in'];
	required: boolean;
	allowed: AllowedValues;
	description: string;
	example: string | null;
}

export interface AnswerView {
	status: string;
	description: string;
	/** the component schema the body follows (`Error`, `Series`…), or null */
	body: string | null;
}

export interface OperationView {
	id: string;
	method: string;
	/** the path after the server, as the document writes it: `/indicators/{code}/series` */
	path: string;
	summary: string;
	description: string;
	/** whether a read-only token may call it */
	reads: boolean;
	parameters: ParameterView[];
	body: { description: string; types: string[] } | null;
	answers: AnswerView[];
	/** a command that calls it, with `$TOKEN` for the token */
	curl: string;
}

function resolve<T>(node: T | Reference): T {
	if (node && typeof node === 'object' && '$ref' in node) {
		const found = node.$ref
			.slice(2)
			.split('/')
			.reduce<unknown>((n, key) => (n as Record<string, unknown>)[key], OPENAPI);
		return found as T;
	}
	return node as T;
}

function allowedOf(schema: JsonSchema): AllowedValues {
	if (Array.isArray(schema.enum)) return { kind: 'one-of', values: schema.enum.map(String) };
	if (schema.type === 'integer') {
		return {
			kind: 'whole-number',
			minimum: typeof schema.minimum === 'number' ? schema.minimum : null
		};
	}
	return { kind: 'text' };
}

/** The component a body's schema names, through arrays and alternatives. */
function schemaName(schema: JsonSchema | undefined): string | null {
	if (!schema) return null;
	if (typeof schema.$ref === 'string') return schema.$ref.split('/').at(-1) ?? null;
	if (schema.type === 'array') {
		const item = schemaName(schema.items as JsonSchema | undefined);
		return item ? `${item}[]` : null;
	}
	if (Array.isArray(schema.anyOf)) {
		return (schema.anyOf as JsonSchema[]).map(schemaName).filter(Boolean).join(' | ') || null;
	}
	return null;
}

function curlOf(origin: string, method: string, path: string, op: Operation): string {
	const params = (op.parameters ?? []).map((p) => resolve<Parameter>(p));
	const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const p = params.find((q) => q.in === 'path' && q.name === name);
		return encodeURIComponent(String(p?.example ?? name));
	});
	const url = `${origin}/api/v1${filled}${op['x-example']?.query ?? ''}`;
	const lines = ['curl', '-H "Authorization: Bearer $TOKEN"'];
	if (method !== 'GET') lines.push(`-X ${method}`);
	if (op.requestBody) {
		lines.push('-H "Content-Type: text/csv"', '--data-binary @figures.csv');
	}
	lines.push(`"${url}"`);
	return lines.join(' \\\n  ');
}

/** Every operation of the document, in its order, ready for the page. */
export function operationsView(origin: string): OperationView[] {
	return Object.entries(OPENAPI.paths).flatMap(([path, item]) =>
		HTTP_METHODS.flatMap((m) => {
			const op = item[m];
			if (!op) return [];
			const method = m.toUpperCase();
			return [
				{
					id: op.operationId,
					method,
					path,
					summary: op.summary,
					description: op.description,
					reads: method === 'GET',
					parameters: (op.parameters ?? []).map((p) => {
						const param = resolve<Parameter>(p);
						return {
							name: param.name,
							in: param.in,
							required: param.required ?? false,
							allowed: allowedOf(param.schema),
							description: param.description,
							example: param.example === undefined ? null : String(param.example)
						};
					}),
					body: op.requestBody
						? {
								description: op.requestBody.description,
								types: Object.keys(op.requestBody.content)
							}
						: null,
					answers: Object.entries(op.responses).map(([status, r]) => {
						const answer = resolve<ResponseObject>(r);
						const media = answer.content ? Object.values(answer.content)[0] : undefined;
						return {
							status,
							description: answer.description,
							body: schemaName(media?.schema)
						};
					}),
					curl: curlOf(origin, method, path, op)
				}
			];
		})
	);
}
