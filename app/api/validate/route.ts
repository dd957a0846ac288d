/** POST /api/validate: settings in, a step-by-step connection report out (see lib/validation). */
import type { ValidateResponse } from '@/lib/http/contract';
import { validateRequestSchema } from '@/lib/http/requests';
import { jsonResponse, readJsonBody, route } from '@/lib/http/errors';
import { RateLimiter, clientKey } from '@/lib/http/rate-limit';
import { getRuntimeConfig } from '@/lib/sandbox/config';
import { getSandbox } from '@/lib/sandbox/runtime';
import { validateSettings } from '@/lib/validation/validate-settings';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let limiter: RateLimiter | undefined;

export const POST = route(async (request) => {
  const config = getRuntimeConfig();
  // Each check opens a connection: VALIDATE_BURST at once, then VALIDATE_PER_SECOND per client.
  limiter ??= new RateLimiter({ burst: config.validate.burst, perSecond: config.validate.perSecond });
  limiter.take(clientKey(request));
  const settings = validateRequestSchema.parse(await readJsonBody(request));
  const sandbox = await getSandbox();
  const result: ValidateResponse = await validateSettings(settings, {
    sandbox: sandbox ? { host: sandbox.broker.host, port: sandbox.broker.port, caPem: sandbox.tls.caCertPem } : undefined,
    allowLiveCheck: config.validate.allowLiveCheck,
    timeouts: { deadlineMs: config.validate.deadlineMs, stepMs: 3_000 },
  });
  return jsonResponse(result, 200);
});
