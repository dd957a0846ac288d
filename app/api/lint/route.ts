/**
 * POST /api/lint: `{ content, filename?, agent? }` in, every SLS problem of the
 * config with its line and fix, the settings read and the fixed file out
 * (lib/lint). The content may hold an AccessKey secret: it is never logged or
 * stored, and lib/lint masks it in everything answered.
 */
import type { LintResponse } from '@/lib/http/contract';
import { lintRequestSchema } from '@/lib/http/requests';
import { ApiError, jsonResponse, readJsonBody, route } from '@/lib/http/errors';
import { RateLimiter, clientKey } from '@/lib/http/rate-limit';
import { lintConfig, LintInputError } from '@/lib/lint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Parsing is CPU work on the event loop (a 60 KiB config takes milliseconds): a generous per-client budget.
const limiter = new RateLimiter({ burst: 20, perSecond: 5 });

export const POST = route(async (request) => {
  limiter.take(clientKey(request));
  const input = lintRequestSchema.parse(await readJsonBody(request));
  let body: LintResponse;
  try {
    body = lintConfig(input);
  } catch (err) {
    if (err instanceof LintInputError) throw ApiError.of('unrecognised_config', err.message);
    throw err;
  }
  return jsonResponse(body, 200);
});
