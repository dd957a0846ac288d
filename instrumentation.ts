/**
 * Starts the bundled sandbox endpoint inside the Next.js server process, so one
 * command (`npm start`) runs the wizard and the endpoint. Node runtime only.
 * A bad configuration (SANDBOX_CONFIG, SANDBOX_PORT, DATA_DIR) stops start-up
 * with the message that names the problem.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.SANDBOX === 'off') return;
  const { startSandboxOnce } = await import('./lib/sandbox/runtime');
  try {
    await startSandboxOnce();
  } catch (err) {
    console.error(`[sandbox] not started: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
