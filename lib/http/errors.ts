/**
 * One error wrapper for every route handler: typed errors map to a stable JSON
 * shape and status, a ZodError becomes 400 with per-field messages, anything
 * else is logged without the request body (it may hold a secret) and answered
 * with a generic 500.
 */
import { ZodError } from 'zod';
import { fieldErrors, type FieldError } from '../settings/schema';

export interface ApiErrorBody {
  error: { code: string; message: string };
  fields?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
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
    throw new ApiError(415, 'unsupported_media_type', 'Body: send the settings as JSON with Content-Type: application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readLimited(request);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message : 'parse error';
    throw new ApiError(400, 'invalid_json', `Body: not valid JSON (${detail}); send one settings object.`);
  }
}

function tooLarge(): ApiError {
  return new ApiError(413, 'body_too_large', `Body: larger than ${MAX_BODY_BYTES / 1024} KiB; settings are much smaller, check what you are sending.`);
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
