/** GET /api/sandbox/ca: the sandbox CA certificate (PEM) that agents must trust. */
import { ApiError, route } from '@/lib/http/errors';
import { getSandbox } from '@/lib/sandbox/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const sandbox = await getSandbox();
  if (!sandbox) throw new ApiError(503, 'sandbox_off', 'The sandbox endpoint is not running in this server (SANDBOX=off).');
  return new Response(sandbox.tls.caCertPem, {
    headers: {
      'content-type': 'application/x-pem-file',
      'content-disposition': 'attachment; filename="sls-sandbox-ca.pem"',
      'cache-control': 'no-store',
    },
  });
});
