/**
 * Runs the real `sls-kafka` command (bin/sls-kafka.mjs) as a child process, the
 * way a user or a CI job does, and reads what the kernel shows of it
 * (/proc/<pid>/cmdline) so tests can prove the secret never reaches argv.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../../scripts/build-if-needed.mjs';
import { killLeftovers, runProcess, startDaemon, type Daemon, type ProcessResult } from './kafka-clients';

export const CLI = path.join(root, 'bin', 'sls-kafka.mjs');

export interface CliRun {
  env?: Record<string, string>;
  input?: string;
  cwd?: string;
  timeoutMs?: number;
}

/** Only the variables a command needs: nothing of the test runner's own secrets or settings leaks in. */
function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'CI'];
  const base = Object.fromEntries(keep.flatMap((k) => (process.env[k] !== undefined ? [[k, process.env[k]!]] : [])));
  return { ...base, ...extra };
}

export function runCli(args: readonly string[], run: CliRun = {}): Promise<ProcessResult> {
  return runProcess(process.execPath, [CLI, ...args], {
    timeoutMs: run.timeoutMs ?? 60_000,
    input: run.input ?? '',
    cwd: run.cwd ?? root,
    env: childEnv(run.env),
    replaceEnv: true,
  });
}

export function startCli(args: readonly string[], run: Omit<CliRun, 'input'> = {}): Daemon {
  return startDaemon(process.execPath, [CLI, ...args], { timeoutMs: run.timeoutMs ?? 120_000, cwd: run.cwd ?? root, env: childEnv(run.env), replaceEnv: true });
}

/** A process's argv as the kernel shows every user of the machine (NUL-separated), or undefined once it has exited. */
export function procCmdline(pid: number | undefined): string | undefined {
  if (pid === undefined) return undefined;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** Wait (bounded) for a condition on a running command's output. */
export async function waitForOutput(daemon: Daemon, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void daemon.exited.then(() => (exited = true));
  for (;;) {
    const m = pattern.exec(daemon.output());
    if (m) return m;
    if (exited) throw new Error(`the command exited before printing ${pattern}:\n${daemon.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${daemon.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A running `sls-kafka sandbox` child: free ports, its own temp data dir (where it writes sandbox-ca.pem and records.sqlite). */
export interface CliSandbox {
  daemon: Daemon;
  dataDir: string;
  /** The sandbox CA it wrote, in the data dir. */
  caFile: string;
  /** From the ready line: the Kafka listener as `host:port`, its port, and the HTTP base URL. */
  kafka: string;
  kafkaPort: string;
  http: string;
  /** Stops the sandbox, kills stray clients and removes the data dir. */
  close(): Promise<void>;
}

/** Starts `sls-kafka sandbox <args>` and waits for its ready line; `name` prefixes the temp data dir. */
export async function startCliSandbox(name: string, args: readonly string[] = []): Promise<CliSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  const daemon = startCli(['sandbox', ...args, '--port', '0', '--http-port', '0', '--data', dataDir]);
  const close = async (): Promise<void> => {
    await daemon.stop();
    killLeftovers();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const [, kafka, kafkaPort, http] = await waitForOutput(daemon, /sandbox ready: Kafka (\S+:(\d+)), HTTP (http:\/\/\S+) /);
    return { daemon, dataDir, caFile: path.join(dataDir, 'sandbox-ca.pem'), kafka: kafka!, kafkaPort: kafkaPort!, http: http!, close };
  } catch (error) {
    await close();
    throw error;
  }
}
