/**
 * `npm run sandbox`: the sandbox Kafka endpoint alone, without the wizard
 * (same environment variables as `npm start`).
 */
import { startSandboxOnce } from '../lib/sandbox/runtime';

startSandboxOnce()
  .then((sandbox) => {
    const stop = () => {
      void sandbox.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((err: unknown) => {
    console.error(`[sandbox] not started: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
