/** POST /api/validate: settings in, a step-by-step connection report out (see lib/validation). */
import { jsonResponse, readJsonBody, route } from '@/lib/http/errors';
import { RateLimiter, clientKey } from '@/lib/http/rate-limit';
import { getSandbox } from '@/lib/sandbox/runtime';
import { settingsSchema } from '@/lib/settings/schema';
import { validateSettings } from '@/lib/validation/validate-settings';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Checks default to the sandbox: a live check of SLS is opt-in (ALLOW_LIVE_CHECK=1). */
const validateSchema = settingsSchema.extend({ target: settingsSchema.shape.target.unwrap().default('sandbox') });

// Each check opens a connection: 5 at once, then one every 2 seconds per client.
const limiter = new RateLimiter({ burst: Number(process.env.VALIDATE_BURST ?? 5), perSecond: Number(process.env.VALIDATE_PER_SECOND ?? 0.5) });

export const POST = route(async (request) => {
  limiter.take(clientKey(request));
  const settings = validateSchema.parse(await readJsonBody(request));
  const sandbox = await getSandbox();
  const result = await validateSettings(settings, {
    sandbox: sandbox ? { host: sandbox.broker.host, port: sandbox.broker.port, caPem: sandbox.tls.caCertPem } : undefined,
    allowLiveCheck: process.env.ALLOW_LIVE_CHECK === '1',
    timeouts: { deadlineMs: Number(process.env.VALIDATE_DEADLINE_MS ?? 5_000), stepMs: 3_000 },
  });
  return jsonResponse(result, 200);
});
