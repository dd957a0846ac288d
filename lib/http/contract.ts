/**
 * The HTTP contract as code: the response schemas of POST /api/render and
 * POST /api/validate (their request schemas, which are the settings schema,
 * are in ./requests), the query and response of GET /api/sandbox/records, the error body
 * every route answers with, and the one list of error codes with their HTTP
 * statuses. Route handlers parse requests with these schemas; the browser
 * parses responses with them (loaded lazily on the wizard page: never import
 * this module from the wizard's first-load code).
 */
import { z } from 'zod';
import { LOGSTORE_RULE, PROJECT_RULE, nameProblem } from '../settings/names';

// ---------------------------------------------------------------- errors

/** Every error code a route answers with, and its status. */
export const API_ERROR_STATUS = {
  invalid_settings: 400,
  invalid_json: 400,
  invalid_query: 400,
  invalid_host: 400,
  credentials_required: 401,
  credentials_refused: 403,
  loopback_only: 403,
  live_check_disabled: 403,
  body_too_large: 413,
  unsupported_media_type: 415,
  unrecognised_config: 422,
  misdirected_host: 421,
  rate_limited: 429,
  internal: 500,
  sandbox_off: 503,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]];

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });

export const apiErrorBodySchema = z.object({
  error: z.object({
    // A code this client does not know yet is still an error with a message.
    code: z.union([z.enum(API_ERROR_CODES), z.string()]),
    message: z.string(),
  }),
  fields: z.array(fieldErrorSchema).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

// ---------------------------------------------------------------- POST /api/render

// Request: the settings schema (lib/http/requests.ts, kept apart so the browser's response parsing does not load it).

export const renderResponseSchema = z.object({
  files: z.array(z.object({ agent: z.string(), path: z.string(), language: z.string(), content: z.string() })),
  steps: z.array(
    z.object({
      agent: z.string(),
      title: z.string(),
      detail: z.string().optional(),
      commands: z.array(z.string()).optional(),
      kind: z.enum(['step', 'warning']).optional(),
    }),
  ),
});
export type RenderResponse = z.infer<typeof renderResponseSchema>;

// ---------------------------------------------------------------- POST /api/validate

// Request: settings with `target` defaulting to the sandbox (lib/http/requests.ts).

export const VALIDATION_STEP_NAMES = [
  'config',
  'dns',
  'tcp',
  'tls',
  'api-versions',
  'sasl-handshake',
  'sasl-authenticate',
  'metadata',
  'produce',
  'acknowledgment',
] as const;

export const validationStepSchema = z.object({
  name: z.enum(VALIDATION_STEP_NAMES),
  ok: z.boolean(),
  ms: z.number(),
  detail: z.string(),
});

export const validateResponseSchema = z.object({
  ok: z.boolean(),
  target: z.enum(['sls', 'sandbox']),
  endpoint: z.string(),
  steps: z.array(validationStepSchema),
  error: z.object({ code: z.union([z.string(), z.number()]), name: z.string(), hint: z.string() }).optional(),
  /** Things to change although no step failed, e.g. `host-form-region` (the config step's detail says it too). */
  warnings: z.array(z.object({ code: z.enum(['host-form-region']), field: z.enum(['hostForm']), message: z.string() })).optional(),
});
export type ValidateResponse = z.infer<typeof validateResponseSchema>;

// ---------------------------------------------------------------- POST /api/lint

// Request: `{ content, filename?, agent? }` (lib/http/requests.ts).

export const lintFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int().positive(),
  column: z.number().int().positive().optional(),
  message: z.string(),
  fix: z.string(),
});

export const lintResponseSchema = z.object({
  agent: z.string(),
  language: z.string(),
  detected: z.boolean(),
  findings: z.array(lintFindingSchema),
  /** What could be read, in the settings schema's shape; never the AccessKey secret. */
  settings: z.record(z.string(), z.unknown()),
  /** The file with the fixable findings fixed (a literal secret replaced by a reference or placeholder). */
  fixed: z.string().optional(),
  fixedFrom: z.enum(['edited', 'rendered']).optional(),
  notes: z.array(z.string()),
});
export type LintResponse = z.infer<typeof lintResponseSchema>;

// ---------------------------------------------------------------- GET /api/sandbox/records

/**
 * The request header carrying the project's Kafka password (`AccessKeyId#AccessKeySecret`,
 * the SASL PLAIN password agents use) in strict mode. A header, never the URL:
 * URLs end up in logs, history and Referer headers.
 */
export const RECORDS_PASSWORD_HEADER = 'x-sls-kafka-password';

const name = (rule: typeof PROJECT_RULE) =>
  z.string().superRefine((v, ctx) => {
    const problem = nameProblem(v, rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const LIMIT_MESSAGE = 'limit: expected a whole number from 1 to 1000.';

export const recordsQuerySchema = z.strictObject({
  project: name(PROJECT_RULE),
  logstore: name(LOGSTORE_RULE).optional(),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(1000, { error: 'limit: at most 1000 records per request.' })
    .default(100),
});
export type RecordsQuery = z.infer<typeof recordsQuerySchema>;

const textEncoding = z.enum(['utf8', 'base64']);

/** One stored record as SLS would show it (lib/sandbox/records-view). */
export const recordViewSchema = z.object({
  project: z.string(),
  logstore: z.string(),
  shard: z.number(),
  offset: z.number(),
  timestamp: z.number(),
  timestampFrom: z.enum(['record', 'received']),
  time: z.string(),
  receivedAt: z.number(),
  __time__: z.number(),
  key: z.string().nullable(),
  keyEncoding: textEncoding,
  content: z.string().nullable().optional(),
  contentEncoding: textEncoding.optional(),
  fields: z.record(z.string(), z.string()).optional(),
  headers: z.array(z.object({ key: z.string(), value: z.string().nullable(), encoding: textEncoding })),
  clientId: z.string().nullable(),
  /** Bytes of the value as the producer sent it (null for a null value). */
  size: z.number().nullable(),
  /** The value, key or headers shown are cut short of what was sent (the read budget). */
  truncated: z.boolean(),
  /** SHA-256 (hex) of the whole value, for a cut value over 1 KiB. */
  sha256: z.string().optional(),
});

export const shardStatsSchema = z.object({
  project: z.string(),
  logstore: z.string(),
  shard: z.number(),
  records: z.number(),
  bytes: z.number(),
  highWatermark: z.number(),
});

export const recordsResponseSchema = z.object({
  project: z.string(),
  logstore: z.string().nullable(),
  records: z.array(recordViewSchema),
  shards: z.array(shardStatsSchema),
  /** Per Logstore: what is retained, what retention evicted, what could not be kept for display. */
  logstores: z.array(
    z.object({
      project: z.string(),
      logstore: z.string(),
      records: z.number(),
      bytes: z.number(),
      evictedRecords: z.number(),
      unviewableRecords: z.number(),
    }),
  ),
  /** Records retention removed so far, over the Logstores in this answer. */
  evicted: z.number().int().nonnegative(),
  /** Value bytes shown per record in this answer (the rest is cut; `size` says the whole). */
  valueCap: z.number().int().positive(),
});
export type RecordsResponse = z.infer<typeof recordsResponseSchema>;
