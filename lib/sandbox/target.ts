/**
 * Where agents reach the bundled sandbox endpoint, from the server's
 * environment (SANDBOX_PUBLIC_HOST, SANDBOX_PORT) and the wizard's own URL.
 */
import type { SandboxTarget } from '../agents/context';

export const DEFAULT_SANDBOX_PORT = 10012;

export function sandboxTargetFromEnv(appOrigin: string, env: NodeJS.ProcessEnv = process.env): SandboxTarget {
  const port = Number(env.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT);
  return {
    host: env.SANDBOX_PUBLIC_HOST || 'localhost',
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_SANDBOX_PORT,
    caUrl: `${appOrigin.replace(/\/$/, '')}/api/sandbox/ca`,
  };
}
