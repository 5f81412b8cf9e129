/**
 * The API described for machines: one OpenAPI 3.1 document for every endpoint under /api/v1,
 * served at /api/v1/openapi.json and read back by the page at /api. Its schemas are JSON Schema
 * 2020-12, built from the same vocabulary lists the importer and the database use, so an enum
 * here cannot disagree with what the code accepts.
 *
 * tests/integration/api/openapi-*.spec.ts keep it true: every route of route-access.ts under
 * /api/v1 has its operations here (and nothing more), and every endpoint's real answers —
 * successes and each error — are validated against it with ajv. Change an endpoint, change
 * this file: the tests say where.
 */
import { CATEGORIES, DIRECTIONS, BATCH_KINDS, MEASURES, STATUSES } from '../../domain/vocabulary';
import { GRANULARITIES } from '../../domain/period';
import { TOKEN_SCOPES } from '../../domain/token-scope';
import { SESSION_COOKIE } from '../auth/sessions';
import { TOKEN_PREFIX } from '../auth/tokens';
import { DEFAULT_UPLOAD_LIMIT_MB } from '../settings/upload-limit.js';
import { RETRY_AFTER_SECONDS } from '../http/busy';
import type { JsonSchema, OpenApiDocument, Parameter, Reference } from './openapi-types';

export type { OpenApiDocument } from './openapi-types';

/** The version of this description; the API's own version is the `v1` of its paths. */
export const API_DESCRIPTION_VERSION = '1.0.0';

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string): Reference => ({
	$ref: `#/components/${kind}/${name}`
});
const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const nullable = (type: string) => ({ type: [type, 'null'] });
const count = { type: 'integer', minimum: 0 };

const FLAG =
	'A yes/no flag: absent, empty, `0`, `false` or `no` (any case) mean no; any other value ' +
	'(`1`, `true`, `yes`) means yes.';

const PERIOD_FORMS =
	'A period as formats.md §2 writes it: `2024`, `2024-H1` (or `2024H1`, `2024-S1`), ' +
	'`2024-Q3` (or `2024Q3`), `2024-07`, `2024-07-15`, `FY2024/25` (or `2024/25`), or ' +
	'`2024-01-01/2024-03-31`; letters in any case. Anything else answers 400 naming the ' +
	'accepted forms.';

const schemas: Record<string, JsonSchema> = {
	Error: {
		type: 'object',
		description:
			'Every refusal that is not an import report: a sentence for people, in the language ' +
			'asked for (`lang`, else Accept-Language, else English). No stack trace, ever.',
		required: ['error'],
		properties: { error: { type: 'string', minLength: 1 } },
		additionalProperties: false
	},
	IndicatorSummary: {
		type: 'object',
		required: [
			'code',
			'title',
			'category',
			'direction',
			'measure',
			'result_code',
			'objective_code'
		],
		properties: {
			code: { type: 'string', minLength: 1, description: 'The indicator code.' },
			title: {
				type: 'string',
				description: 'The title as imported (the files’ language, whatever the reader’s).'
			},
			category: { enum: [...CATEGORIES] },
			direction: { enum: [...DIRECTIONS] },
			measure: { enum: [...MEASURES] },
			result_code: { type: 'string', description: 'The result the indicator measures.' },
			objective_code: {
				type: 'string',
				description: 'The objective above that result in the framework.'
			}
		},
		additionalProperties: false
	},
	SeriesPoint: {
		type: 'object',
		required: ['period', 'start', 'end', 'partial', 'actual', 'target', 'status'],
		properties: {
			period: { type: 'string', description: 'The bucket’s label: `2024-Q1`, `FY2024/25`…' },
			start: { type: 'string', format: 'date' },
			end: { type: 'string', format: 'date' },
			partial: {
				type: 'boolean',
				description:
					'The bucket reaches beyond the asked range and is computed from the figures inside it.'
			},
			actual: nullable('number'),
			target: nullable('number'),
			status: { enum: [...STATUSES] },
			stages: {
				type: 'array',
				items: count,
				description:
					'Milestone indicators only: how many reporting areas reached each stage or a later one.'
			},
			due: {
				type: 'object',
				description: 'Milestone indicators only: the target stage the status was judged against.',
				required: ['period', 'target'],
				properties: { period: { type: 'string' }, target: { type: 'number' } },
				additionalProperties: false
			}
		},
		additionalProperties: false
	},
	Series: {
		type: 'object',
		description:
			'The series a chart of the indicator shows (formats.md §3 `series`): one point per ' +
			'bucket overlapping the range, with target and status.',
		required: ['indicator', 'area', 'by', 'points'],
		properties: {
			indicator: { type: 'string' },
			area: { ...nullable('string'), description: 'null: the whole mission.' },
			by: { enum: [...GRANULARITIES] },
			points: { type: 'array', items: schemaRef('SeriesPoint') }
		},
		additionalProperties: false
	},
	ImportIssue: {
		type: 'object',
		description: 'One problem of a file: its line (as a spreadsheet counts), column and value.',
		required: ['line', 'column', 'value', 'message'],
		properties: {
			line: { ...nullable('integer'), description: 'null: not on one line.' },
			column: nullable('string'),
			value: nullable('string'),
			message: { type: 'string' }
		},
		additionalProperties: false
	},
	FigureChange: {
		type: 'object',
		required: ['line', 'period', 'column', 'old', 'new'],
		properties: {
			line: { type: 'integer' },
			period: { type: 'string' },
			column: { type: 'string' },
			old: { type: ['string', 'number', 'null'] },
			new: { type: ['string', 'number', 'null'] }
		},
		additionalProperties: false
	},
	ImportReport: {
		type: 'object',
		description:
			'One element of `files` of the command line’s `import --json` report, plus `ok` and ' +
			'`dryRun` (formats.md §3, §4; lists §5.2).',
		required: [
			'ok',
			'dryRun',
			'file',
			'kind',
			'rows',
			'inserted',
			'updated',
			'unchanged',
			'errors',
			'warnings'
		],
		properties: {
			ok: { type: 'boolean', description: 'Applied, or clean on a dry run.' },
			dryRun: { type: 'boolean' },
			file: { type: 'string', description: 'The name given by `file_name` or X-File-Name.' },
			kind: {
				enum: [...BATCH_KINDS, null],
				description:
					'Recognised from the header (§1.0); `list` with `source`; null: not recognised.'
			},
			rows: count,
			inserted: count,
			updated: count,
			unchanged: count,
			errors: { type: 'array', items: schemaRef('ImportIssue') },
			warnings: { type: 'array', items: schemaRef('ImportIssue') },
			errorCount: { ...count, description: 'All errors found; `errors` holds the first 1000.' },
			changes: {
				type: 'array',
				items: schemaRef('FigureChange'),
				description: 'Stored figures the file changes, old → new (the first 1000).'
			},
			batchId: {
				type: 'integer',
				minimum: 1,
				description: 'The import written, once applied: the id to undo it by.'
			},
			removed: { ...count, description: 'A list: figures its rules wrote before, now gone.' },
			rules: {
				type: 'array',
				description: 'A list: per rule, the rows matched and the figures produced.',
				items: {
					type: 'object',
					required: ['indicator', 'matched', 'figures'],
					properties: { indicator: { type: 'string' }, matched: count, figures: count },
					additionalProperties: false
				}
			}
		},
		additionalProperties: false
	},
	UndoCounts: {
		type: 'object',
		required: ['deleted', 'restored', 'keptLater'],
		properties: {
			deleted: { ...count, description: 'Figures the import inserted, deleted.' },
			restored: { ...count, description: 'Figures it updated, given their previous version back.' },
			keptLater: {
				...count,
				description: 'Figures a later import changed since, left as they are.'
			}
		},
		additionalProperties: false
	},
	LaterChanges: {
		type: 'object',
		description: 'Figures of the import that later imports changed since, and those imports.',
		required: ['count', 'batches', 'figures'],
		properties: {
			count,
			batches: {
				type: 'array',
				items: {
					type: 'object',
					required: ['id', 'fileName', 'importedAt', 'actor', 'figures'],
					properties: {
						id: { type: 'integer' },
						fileName: { type: 'string' },
						importedAt: { type: 'string' },
						actor: { type: 'string' },
						figures: count
					},
					additionalProperties: false
				}
			},
			figures: {
				type: 'array',
				description: 'The first few such figures: what the import wrote and what they hold now.',
				items: {
					type: 'object',
					required: ['indicator', 'period', 'area', 'dimensions', 'valueType', 'written', 'now'],
					properties: {
						indicator: { type: 'string' },
						period: { type: 'string' },
						area: nullable('string'),
						dimensions: { type: 'object', additionalProperties: { type: 'string' } },
						valueType: { type: 'string' },
						written: { type: 'object' },
						now: { type: 'object' }
					}
				}
			}
		},
		additionalProperties: false
	},
	UndoDone: {
		type: 'object',
		required: ['ok', 'batchId', 'counts', 'later', 'message'],
		properties: {
			ok: { const: true },
			batchId: { type: 'integer' },
			counts: schemaRef('UndoCounts'),
			later: schemaRef('LaterChanges'),
			message: { type: 'string' }
		},
		additionalProperties: false
	},
	UndoRefused: {
		type: 'object',
		description:
			'An undo not done, and why (`problem`); `error` repeats `message` so every refusal has one.',
		required: ['ok', 'problem', 'batchId', 'message', 'error'],
		properties: {
			ok: { const: false },
			problem: {
				enum: [
					'confirmation_required',
					'not_found',
					'already_undone',
					'not_undoable',
					'outside_scope',
					'busy'
				]
			},
			batchId: { type: 'integer' },
			message: { type: 'string' },
			error: { type: 'string' },
			counts: schemaRef('UndoCounts'),
			later: schemaRef('LaterChanges')
		},
		additionalProperties: false
	},
	OpenApiDocument: {
		type: 'object',
		description: 'This document (OpenAPI 3.1).',
		required: ['openapi', 'info', 'paths'],
		properties: {
			openapi: { const: '3.1.0' },
			info: {
				type: 'object',
				required: ['title', 'version'],
				properties: { title: { type: 'string' }, version: { type: 'string' } }
			},
			paths: { type: 'object' }
		}
	}
};

const parameters: Record<string, Parameter> = {
	lang: {
		name: 'lang',
		in: 'query',
		description:
			'The language of the messages (errors, import problems): `en` or `fr`. Without it, ' +
			'Accept-Language decides; else English. Keys, codes and values never change.',
		schema: { enum: ['en', 'fr'] }
	},
	ifNoneMatch: {
		name: 'If-None-Match',
		in: 'header',
		description: 'The ETag of an answer already held: 304 with no body when it is unchanged.',
		schema: { type: 'string' }
	}
};

const retryAfter = {
	'Retry-After': {
		description: `Seconds to wait before trying again (${RETRY_AFTER_SECONDS}).`,
		schema: { type: 'string' }
	}
};
const etag = {
	ETag: {
		description: 'A tag of this answer for If-None-Match.',
		schema: { type: 'string' }
	}
};

const responses = {
	NotModified: {
		description: 'Unchanged since the ETag sent in If-None-Match: no body.',
		headers: etag
	},
	BadRequest: {
		description: 'A parameter is malformed; the message names it.',
		content: json(schemaRef('Error'))
	},
	Unauthorized: {
		description:
			'No credentials, a token unknown, revoked or of a disabled account, an ended session, ' +
			'or no account exists yet.',
		headers: {
			'WWW-Authenticate': {
				description: '`Bearer realm="cpas"` when a token or a session was expected.',
				schema: { type: 'string' }
			}
		},
		content: json(schemaRef('Error'))
	},
	Forbidden: {
		description:
			'The account’s role may not do this; the account must change its password first; or ' +
			'the token is read-only and the method is not GET (nothing is written).',
		content: json(schemaRef('Error'))
	},
	NotFound: { description: 'An unknown code.', content: json(schemaRef('Error')) },
	TooManyRequests: {
		description:
			'Without credentials, while the public view is on: this client asked more often than ' +
			'CPAS_PUBLIC_RATE allows. Wait the seconds of Retry-After.',
		headers: retryAfter,
		content: json(schemaRef('Error'))
	},
	Busy: {
		description:
			'An import holds the database past a short wait: nothing was written; try again later.',
		headers: retryAfter,
		content: json(schemaRef('Error'))
	}
};

/** Said of the operations that only read. */
const readOnly = 'A read-only token may call it.';

/**
 * The operations the public view opens (route-access.ts, `read-or-public`): with it on, they
 * answer without credentials too, as the public reader — `{}` is OpenAPI's "no credentials".
 */
const ACCOUNT_OR_PUBLIC_VIEW: Record<string, string[]>[] = [
	{ bearerToken: [] },
	{ sessionCookie: [] },
	{}
];
const openToPublic =
	'While an administrator has the public view on, it also answers without credentials: public ' +
	'indicators only, small cells suppressed, rate-limited per client (429), and cacheable ' +
	'(`Cache-Control: public`); with the view off, no credentials is 401.';

const series: Parameter[] = [
	{
		name: 'code',
		in: 'path',
		required: true,
		description: 'The indicator code (as in GET /indicators).',
		schema: { type: 'string', minLength: 1 },
		example: '1.2.1'
	},
	{
		name: 'area',
		in: 'query',
		description:
			'An area code: the series of that area and its subtree. Default: the whole mission. ' +
			'Unknown: 404.',
		schema: { type: 'string' }
	},
	{
		name: 'from',
		in: 'query',
		description: `Start of the range. ${PERIOD_FORMS}`,
		schema: { type: 'string' },
		example: '2024-Q1'
	},
	{
		name: 'to',
		in: 'query',
		description: `End of the range. ${PERIOD_FORMS}`,
		schema: { type: 'string' },
		example: 'FY2024/25'
	},
	{
		name: 'by',
		in: 'query',
		description:
			'The buckets: default the indicator’s frequency (month when unset). Any other value: 400.',
		schema: { enum: [...GRANULARITIES] }
	},
	{
		name: 'verified_only',
		in: 'query',
		description: `Only verified actuals (targets are never filtered). ${FLAG}`,
		schema: { type: 'string' },
		example: '1'
	}
];

export const OPENAPI: OpenApiDocument = {
	openapi: '3.1.0',
	jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
	info: {
		title: 'CPAS protection of civilians dashboard API',
		version: API_DESCRIPTION_VERSION,
		description:
			'JSON over HTTP: the indicators, their series with targets and status, and imports, ' +
			'with the same data and rules as the command line (formats.md §3–§5). Send an API ' +
			'token as `Authorization: Bearer TOKEN` (made on the account page, or with ' +
			'`cpas token create`). A token’s scope is `full` (acts as its account) or `read` ' +
			'(GET only: anything else answers 403 and writes nothing). What each call may see ' +
			'follows the account: restricted indicators only for cleared accounts.'
	},
	servers: [{ url: '/api/v1', description: 'This installation.' }],
	security: [{ bearerToken: [] }, { sessionCookie: [] }],
	tags: [
		{ name: 'indicators', description: 'What is measured, and the series of figures.' },
		{ name: 'imports', description: 'Files in; imports undone.' },
		{ name: 'description', description: 'This document.' }
	],
	paths: {
		'/indicators': {
			get: {
				operationId: 'listIndicators',
				summary: 'The indicators',
				description:
					'Every indicator the account may see (restricted ones only for cleared accounts), ' +
					`in the framework’s order. ${readOnly} ${openToPublic}`,
				tags: ['indicators'],
				security: ACCOUNT_OR_PUBLIC_VIEW,
				parameters: [ref('parameters', 'lang'), ref('parameters', 'ifNoneMatch')],
				responses: {
					'200': {
						description: 'The indicators.',
						headers: etag,
						content: json({ type: 'array', items: schemaRef('IndicatorSummary') })
					},
					'304': ref('responses', 'NotModified'),
					'401': ref('responses', 'Unauthorized'),
					'403': ref('responses', 'Forbidden'),
					'429': ref('responses', 'TooManyRequests')
				}
			}
		},
		'/indicators/{code}/series': {
			get: {
				operationId: 'indicatorSeries',
				summary: 'An indicator’s series',
				description:
					'The series a chart of the indicator shows, computed as `cpas series --json` ' +
					'computes it: every bucket overlapping the range (default: the first to the last ' +
					`figure), actual, target and status. ${readOnly} ${openToPublic}`,
				tags: ['indicators'],
				security: ACCOUNT_OR_PUBLIC_VIEW,
				parameters: [...series, ref('parameters', 'lang'), ref('parameters', 'ifNoneMatch')],
				responses: {
					'200': { description: 'The series.', headers: etag, content: json(schemaRef('Series')) },
					'304': ref('responses', 'NotModified'),
					'400': ref('responses', 'BadRequest'),
					'401': ref('responses', 'Unauthorized'),
					'403': ref('responses', 'Forbidden'),
					'404': {
						description: 'An unknown indicator code (or one the account may not see), or area.',
						content: json(schemaRef('Error'))
					},
					'429': ref('responses', 'TooManyRequests')
				},
				'x-example': { query: '?by=year' }
			}
		},
		'/observations': {
			get: {
				operationId: 'exportObservations',
				summary: 'Figures as CSV',
				description:
					'The figures in the import format (formats.md §1.4), as `cpas export observations ' +
					'[--indicator CODE]` writes them: importing the file back changes nothing. Every ' +
					'indicator the account may see, or one. Small cells of restricted indicators are ' +
					`written \`<5\` unless \`raw\` is asked by a cleared account. ${readOnly}`,
				tags: ['indicators'],
				parameters: [
					{
						name: 'indicator',
						in: 'query',
						description:
							'One indicator’s figures (its code). Default: every indicator. Unknown: 404.',
						schema: { type: 'string' },
						example: '1.2.1'
					},
					{
						name: 'hxl',
						in: 'query',
						description:
							'Add the HXL hashtag row under the header (formats.md, "HXL"); the file is ' +
							`then named \`…-hxl.csv\`. ${FLAG}`,
						schema: { type: 'string' },
						example: '1'
					},
					{
						name: 'raw',
						in: 'query',
						description:
							'Keep small cells of restricted indicators as they are, for a cleared account ' +
							`(not cached). ${FLAG}`,
						schema: { type: 'string' }
					},
					ref('parameters', 'lang')
				],
				responses: {
					'200': {
						description:
							'The CSV file (UTF-8), as an attachment named `observations[-CODE][-raw][-hxl].csv`.',
						headers: {
							'Content-Disposition': {
								description: '`attachment; filename="observations-1.2.1.csv"`',
								schema: { type: 'string' }
							}
						},
						content: {
							'text/csv': {
								schema: { type: 'string', pattern: '^indicator_code,period,' },
								example: 'indicator_code,period,area_code,value\n1.2.1,2024-Q1,N1,5\n'
							}
						}
					},
					'401': ref('responses', 'Unauthorized'),
					'403': ref('responses', 'Forbidden'),
					'404': {
						description: 'An unknown indicator code (or one the account may not see).',
						content: json(schemaRef('Error'))
					}
				},
				'x-example': { query: '?indicator=1.2.1&hxl=1' }
			}
		},
		'/imports': {
			post: {
				operationId: 'importFile',
				summary: 'Import one file',
				description:
					'The body is one CSV file; its kind (areas, framework, indicators, rules, ' +
					'observations…) is recognised from its header (formats.md §1.0). With `source`, ' +
					'the body is a list of that source (CSV or xlsx), turned into figures by its rules ' +
					'(§5). All or nothing: a file with any error writes nothing. The call waits for ' +
					'imports queued before it, then answers with the report. Needs the import ' +
					'permission and a full-scope token.',
				tags: ['imports'],
				parameters: [
					{
						name: 'dry_run',
						in: 'query',
						description: `Check and report what would change; write nothing. ${FLAG}`,
						schema: { type: 'string' },
						example: '1'
					},
					{
						name: 'source',
						in: 'query',
						description:
							'The source whose list the body is (its rules imported before): letters, digits, ' +
							'`-`, `_`, `.`, any case. Blank: 400. Unknown: 422 naming the known sources.',
						schema: { type: 'string' }
					},
					{
						name: 'file_name',
						in: 'query',
						description:
							'The file’s name, kept with its figures’ provenance (default `upload.csv`). ' +
							'The X-File-Name header says the same; this parameter wins.',
						schema: { type: 'string' }
					},
					{
						name: 'X-File-Name',
						in: 'header',
						description: 'The file’s name, when `file_name` is not given.',
						schema: { type: 'string' }
					},
					ref('parameters', 'lang')
				],
				requestBody: {
					description:
						'One file, UTF-8 (or UTF-16 with its byte-order mark, or Windows-1252), any of ' +
						'the delimiters of formats.md §1.0; with `source`, a list as CSV or an xlsx ' +
						`workbook (its first sheet). At most ${DEFAULT_UPLOAD_LIMIT_MB} MB unless the ` +
						'installation sets CPAS_UPLOAD_LIMIT_MB.',
					required: true,
					content: {
						'text/csv': {
							schema: { type: 'string' },
							example: 'indicator_code,period,area_code,value\n1.2.1,2024-Q1,N1,5\n'
						},
						'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
							schema: { type: 'string', contentEncoding: 'binary' }
						}
					}
				},
				responses: {
					'200': {
						description: 'Applied, or clean on a dry run: the report, `ok` true.',
						content: json(schemaRef('ImportReport'))
					},
					'400': {
						description: '`source` is given but blank.',
						content: json(schemaRef('Error'))
					},
					'401': ref('responses', 'Unauthorized'),
					'403': ref('responses', 'Forbidden'),
					'413': {
						description:
							'The body is larger than the upload limit (by its Content-Length, or while it ' +
							'is read): nothing is kept.',
						content: json(schemaRef('Error'))
					},
					'422': {
						description:
							'Refused: the report, `ok` false, with each error’s line, column and value. ' +
							'Nothing was written.',
						content: json(schemaRef('ImportReport'))
					},
					'500': {
						description: 'The import’s worker stopped (the message says what happened).',
						content: json(schemaRef('Error'))
					},
					'503': ref('responses', 'Busy')
				},
				'x-example': {
					query: '?dry_run=1',
					body: 'indicator_code,period,area_code,value\\n1.2.1,2024-Q1,N1,5'
				}
			}
		},
		'/imports/{id}/undo': {
			post: {
				operationId: 'undoImport',
				summary: 'Undo an import',
				description:
					'Undoes an import of figures (its `batchId`): figures it inserted are deleted, ' +
					'figures it updated get their previous version back. Figures a later import ' +
					'changed since are never overwritten: without `confirm` nothing is done and they ' +
					'are listed (409); with `confirm` the rest is undone and those are kept. Needs the ' +
					'import permission (a planner: within their scope) and a full-scope token.',
				tags: ['imports'],
				parameters: [
					{
						name: 'id',
						in: 'path',
						required: true,
						description: 'The import’s id (`batchId` of its report). Not a whole number: 400.',
						schema: { type: 'integer', minimum: 1 },
						example: 12
					},
					{
						name: 'confirm',
						in: 'query',
						description: `Undo although later imports changed some figures. ${FLAG}`,
						schema: { type: 'string' }
					},
					ref('parameters', 'lang')
				],
				responses: {
					'200': { description: 'Undone: what was done.', content: json(schemaRef('UndoDone')) },
					'400': ref('responses', 'BadRequest'),
					'401': ref('responses', 'Unauthorized'),
					'403': {
						description:
							'As for every call (role, password, read-only token), or the import touches ' +
							'figures outside a planner’s scope (`problem` `outside_scope`).',
						content: json({ anyOf: [schemaRef('Error'), schemaRef('UndoRefused')] })
					},
					'404': {
						description: 'No such import (`problem` `not_found`).',
						content: json(schemaRef('UndoRefused'))
					},
					'409': {
						description:
							'Undone already (`already_undone`), or later imports changed some of its ' +
							'figures (`confirmation_required`, with `counts` and `later`): ask again with ' +
							'`confirm=1`.',
						content: json(schemaRef('UndoRefused'))
					},
					'422': {
						description:
							'An import of areas, framework or indicators: only their current version is ' +
							'kept, so it cannot be undone (`not_undoable`).',
						content: json(schemaRef('UndoRefused'))
					},
					'503': {
						description:
							'The database stayed locked by an import: nothing was undone; try again later. ' +
							'`problem` `busy` when the undo met the lock; a plain error with Retry-After ' +
							'when the request itself did.',
						headers: retryAfter,
						content: json({ anyOf: [schemaRef('Error'), schemaRef('UndoRefused')] })
					}
				}
			}
		},
		'/openapi.json': {
			get: {
				operationId: 'openApiDocument',
				summary: 'This description',
				description:
					'This OpenAPI 3.1 document; a readable form is the page at /api. ' +
					`${readOnly} ${openToPublic}`,
				tags: ['description'],
				security: ACCOUNT_OR_PUBLIC_VIEW,
				parameters: [ref('parameters', 'ifNoneMatch')],
				responses: {
					'200': {
						description: 'The document.',
						headers: etag,
						content: json(schemaRef('OpenApiDocument'))
					},
					'304': ref('responses', 'NotModified'),
					'401': ref('responses', 'Unauthorized'),
					'403': ref('responses', 'Forbidden'),
					'429': ref('responses', 'TooManyRequests')
				}
			}
		}
	},
	components: {
		schemas,
		parameters,
		responses,
		securitySchemes: {
			bearerToken: {
				type: 'http',
				scheme: 'bearer',
				description:
					`An API token (\`${TOKEN_PREFIX}…\`), shown once when made on the account page ` +
					'(or an administrator’s page for the account, or `cpas token create`). Scope ' +
					`${TOKEN_SCOPES.map((s) => `\`${s}\``).join(' or ')}: a read-only token may only GET.`
			},
			sessionCookie: {
				type: 'apiKey',
				in: 'cookie',
				name: SESSION_COOKIE,
				description: 'A browser signed in on the site: its session cookie.'
			}
		}
	}
};
