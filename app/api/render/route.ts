/** POST /api/render: settings in, `{ files, steps }` out (the same renderers the browser runs). */
import type { RenderResponse } from '@/lib/http/contract';
import { renderRequestSchema } from '@/lib/http/requests';
import { jsonResponse, readJsonBody, route } from '@/lib/http/errors';
import { renderSettings } from '@/lib/agents';
import { sandboxTarget } from '@/lib/sandbox/target';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const settings = renderRequestSchema.parse(await readJsonBody(request));
  const origin = new URL(request.url).origin;
  const body: RenderResponse = renderSettings(settings, { sandbox: sandboxTarget(origin) });
  return jsonResponse(body, 200);
});
