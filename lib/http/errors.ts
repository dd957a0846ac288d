/**
 * One error wrapper for every route handler: typed errors map to the contract's
 * JSON shape and status (lib/http/contract), a ZodError becomes 400 with
 * per-field messages, anything else is logged without the request body (it may
 * hold a secret) and answered with a generic 500. A JSON syntax error names the
 * line and column, never the body's text.
 */
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { ZodError } from 'zod';
import { fieldErrors } from '../settings/schema';
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from './contract';

export type { ApiErrorBody, ApiErrorCode };

export class ApiError extends Error {
  readonly status: number;
  /**
   * `status` must be the code's status in API_ERROR_STATUS (kept as the first
   * argument so call sites read like the response they make).
   */
  constructor(
    status: (typeof API_ERROR_STATUS)[ApiErrorCode],
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    // The contract's map wins if a call site disagrees with it.
    this.status = API_ERROR_STATUS[code] ?? status;
  }

  /** An error with the contract's status for `code`. */
  static of(code: ApiErrorCode, message: string, headers: Record<string, string> = {}): ApiError {
    return new ApiError(API_ERROR_STATUS[code], code, message, headers);
  }
}

/** Largest JSON body a settings route accepts: settings are a few kB at most. */
export const MAX_BODY_BYTES = 64 * 1024;

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function errorResponse(err: unknown): Response {
  if (err instanceof ZodError) {
    const fields = fieldErrors(err);
    const first = fields[0];
    const body: ApiErrorBody = {
      error: {
        code: 'invalid_settings',
        message: first ? `${fields.length} field${fields.length > 1 ? 's' : ''} need fixing; first: ${first.message}` : 'Invalid settings.',
      },
      fields,
    };
    return json(body, 400);
  }
  if (err instanceof ApiError) {
    return json({ error: { code: err.code, message: err.message } } satisfies ApiErrorBody, err.status, err.headers);
  }
  // Only the error's name and message: never the request, which may carry an AccessKey secret.
  const e = err instanceof Error ? err : new Error(String(err));
  console.error(`[api] unexpected ${e.name}: ${e.message}`);
  return json({ error: { code: 'internal', message: 'Something went wrong on the server; try again.' } } satisfies ApiErrorBody, 500);
}

/** Read a JSON body with a size limit and a clear error for anything else. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw ApiError.of('unsupported_media_type', 'Body: send the settings as JSON with Content-Type: application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readLimited(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // V8's message quotes the body (which may hold a secret): say where, not what.
    throw ApiError.of('invalid_json', `Body: not valid JSON (${jsonErrorPosition(text)}); send one settings object.`);
  }
}

/**
 * Where a JSON text first goes wrong, as "line L, column C (position P)" (1-based
 * line and column, 0-based character position), without quoting any of it.
 */
export function jsonErrorPosition(text: string): string {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // jsonc-parser accepts a few things JSON.parse refuses (e.g. a lone surrogate is fine in both;
  // control characters in strings are not): fall back to the end of the text.
  const offset = errors[0]?.offset ?? text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column} (position ${offset})`;
}

function tooLarge(): ApiError {
  return ApiError.of('body_too_large', `Body: larger than ${MAX_BODY_BYTES / 1024} KiB; settings are much smaller, check what you are sending.`);
}

async function readLimited(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** Wrap a handler so every failure goes through errorResponse. */
export function route(handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await handler(request);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export { json as jsonResponse };
