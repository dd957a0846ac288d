/**
 * The CLI's exit codes (documented in README.md, "Command line") and the one
 * error type commands throw to end with a message and a code.
 */
export const EXIT = {
  /** Done; for lint and doctor: no error found. */
  ok: 0,
  /** lint found an error, or a doctor step failed. */
  findings: 1,
  /** Usage: an unknown flag, a missing argument, settings or a file that do not parse. */
  usage: 2,
  /** This machine: a file that cannot be written, a port in use, the sandbox not starting. */
  environment: 3,
  /** Interrupted (Ctrl-C at the secret prompt). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
