/**
 * GET /api/sandbox/records?project=&logstore=&limit= : the newest records the
 * sandbox stored, shown as SLS shows them (content or expanded fields,
 * __time__, key, headers, shard, offset, client id).
 */
import { z } from 'zod';
import { ApiError, jsonResponse, route } from '@/lib/http/errors';
import { getSandbox } from '@/lib/sandbox/runtime';
import { LOGSTORE_RULE, PROJECT_RULE, nameProblem } from '@/lib/settings/names';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const name = (rule: typeof PROJECT_RULE) =>
  z.string().superRefine((v, ctx) => {
    const problem = nameProblem(v, rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const querySchema = z.strictObject({
  project: name(PROJECT_RULE),
  logstore: name(LOGSTORE_RULE).optional(),
  limit: z.coerce
    .number({ error: 'limit: expected a whole number from 1 to 1000.' })
    .int({ error: 'limit: expected a whole number from 1 to 1000.' })
    .min(1, { error: 'limit: expected a whole number from 1 to 1000.' })
    .max(1000, { error: 'limit: at most 1000 records per request.' })
    .default(100),
});

export const GET = route(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = querySchema.parse(params);
  const sandbox = await getSandbox();
  if (!sandbox) throw new ApiError(503, 'sandbox_off', 'The sandbox endpoint is not running in this server (SANDBOX=off).');
  // Rows only (values cut to a per-response budget, with their full size); nothing is decoded here.
  const read = sandbox.readRecords(query);
  return jsonResponse({ project: query.project, logstore: query.logstore ?? null, ...read }, 200);
});
