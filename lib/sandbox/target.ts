/**
 * Where agents reach the bundled sandbox endpoint: the advertised host and port
 * from the runtime config (SANDBOX_PUBLIC_HOST, SANDBOX_PUBLIC_PORT else
 * SANDBOX_PORT) and the wizard's own URL for the CA download.
 */
import type { SandboxTarget } from '../agents/context';
import { DEFAULT_SANDBOX_PORT, getRuntimeConfig, type RuntimeConfig } from './config';

export { DEFAULT_SANDBOX_PORT };

export function sandboxTarget(appOrigin: string, config: RuntimeConfig = getRuntimeConfig()): SandboxTarget {
  return {
    host: config.sandbox.publicHost,
    port: config.sandbox.publicPort,
    caUrl: `${appOrigin.replace(/\/$/, '')}/api/sandbox/ca`,
  };
}
