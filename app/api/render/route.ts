/** POST /api/render: settings in, `{ files, steps }` out (the same renderers the browser runs). */
import { jsonResponse, readJsonBody, route } from '@/lib/http/errors';
import { renderSettings } from '@/lib/agents';
import { sandboxTargetFromEnv } from '@/lib/sandbox/target';
import { settingsSchema } from '@/lib/settings/schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const settings = settingsSchema.parse(await readJsonBody(request));
  const origin = new URL(request.url).origin;
  return jsonResponse(renderSettings(settings, { sandbox: sandboxTargetFromEnv(origin) }), 200);
});
