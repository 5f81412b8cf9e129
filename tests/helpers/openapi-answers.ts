/**
 * A real answer checked against the API description: its status is one the operation
 * documents, its content type one that status documents, and its body valid against that
 * schema (ajv, JSON Schema 2020-12, strict). Each check is recorded, so a test can tell which
 * documented answers were never seen.
 */
import type { ValidateFunction } from 'ajv';
import { rewriteRefs, schemaAjv, strictAjv } from './openapi-rules';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a document read as JSON
type Json = any;

export interface CheckedAnswer {
	status: number;
	contentType: string | null;
	body: Json;
	headers: Headers;
}

export class AnswerChecker {
	private readonly ajv;
	private readonly compiled = new Map<string, ValidateFunction>();
	/** `operationId status` of every answer checked */
	readonly seen = new Set<string>();

	constructor(private readonly doc: Json) {
		this.ajv = schemaAjv(doc, strictAjv());
	}

	private deref(node: Json): Json {
		return node?.$ref
			? node.$ref
					.slice(2)
					.split('/')
					.reduce((n: Json, k: string) => n[k], this.doc)
			: node;
	}

	/** The operation of `METHOD /path` (the document's path, `{code}` and all). */
	operation(method: string, path: string): Json {
		const op = this.doc.paths[path]?.[method.toLowerCase()];
		if (!op) throw new Error(`The document has no operation ${method} ${path}.`);
		return op;
	}

	/** Every `operationId status` the document declares. */
	documented(): string[] {
		return Object.values<Json>(this.doc.paths).flatMap((item) =>
			Object.values<Json>(item).flatMap((op) =>
				Object.keys(op.responses).map((status) => `${op.operationId} ${status}`)
			)
		);
	}

	/**
	 * Reads the response and checks it against the operation. Throws, saying what differs,
	 * when the answer is not one the document describes.
	 */
	async check(method: string, path: string, response: Response): Promise<CheckedAnswer> {
		const op = this.operation(method, path);
		const status = response.status;
		const contentType = response.headers.get('content-type');
		const text = await response.text();
		const where = `${method} ${path} answered ${status}`;
		const documented = this.deref(op.responses[String(status)]);
		if (!documented) {
			throw new Error(`${where}, which the document does not list: ${text.slice(0, 300)}`);
		}
		this.seen.add(`${op.operationId} ${status}`);
		const content = documented.content as Record<string, { schema: Json }> | undefined;
		if (!content) {
			if (text !== '') throw new Error(`${where} with a body the document says it has not.`);
			return { status, contentType, body: null, headers: response.headers };
		}
		const type = Object.keys(content).find((t) => contentType?.split(';')[0]?.trim() === t);
		if (!type) {
			throw new Error(`${where} as ${contentType}; the document says ${Object.keys(content)}.`);
		}
		const body = type.endsWith('json') ? JSON.parse(text) : text;
		const key = `${op.operationId} ${status} ${type}`;
		let validate = this.compiled.get(key);
		if (!validate) {
			validate = this.ajv.compile(rewriteRefs(content[type]!.schema));
			this.compiled.set(key, validate);
		}
		if (!validate(body)) {
			const errors = validate.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`);
			throw new Error(
				`${where}, a body the document does not describe: ${errors?.join('; ')}\n${text.slice(0, 500)}`
			);
		}
		return { status, contentType, body, headers: response.headers };
	}
}
