/**
 * Starts the bundled sandbox endpoint inside the Next.js server process, so one
 * command (`npm start`) runs the wizard and the endpoint. Node runtime only.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.SANDBOX === 'off') return;
  const { startSandboxOrExit } = await import('./lib/sandbox/runtime');
  await startSandboxOrExit();
}
