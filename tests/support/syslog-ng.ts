/**
 * syslog-ng 3.38.1 with kafka-c() for the interop tests, without installing it:
 * Debian's syslog-ng-core conflicts with rsyslog (both are the system logger),
 * so the .debs are fetched with `apt-get download` and unpacked with `dpkg -x`
 * into a cache folder (SYSLOG_NG_CACHE, default .cache/syslog-ng under the repo,
 * gitignored), and run from there with LD_LIBRARY_PATH and --module-path.
 *
 * An installed syslog-ng (/usr/sbin/syslog-ng with the kafka module) is used as
 * is. Otherwise the cache is filled on first use. When neither works, the test
 * skips naming the packages on a developer's machine and fails under CI=true,
 * as tests/support/tools.ts does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isCI } from './tools';

/** What to run: `command` with `baseArgs` first, in an environment extended by `env`. */
export interface SyslogNg {
  command: string;
  /** --module-path for an unpacked copy; empty for an installed one. */
  baseArgs: string[];
  env: Record<string, string>;
  version: string;
}

export interface SyslogNgTool {
  syslogNg: SyslogNg | undefined;
  missing: string | undefined;
}

/** The Debian 12 packages kafka-c() needs, beyond what an rsyslog system already has. */
export const SYSLOG_NG_DEBS = ['syslog-ng-core', 'syslog-ng-mod-rdkafka', 'libivykis0', 'libnet1', 'libpcre3', 'libwrap0'] as const;
/** Installed system libraries they link against (librdkafka1 for the kafka module). */
const SYSTEM_LIBS = ['librdkafka1'] as const;

const REPO_ROOT = path.resolve(__dirname, '../..');
const MODULE_DIR = 'usr/lib/syslog-ng/3.38';

export function syslogNgCacheDir(): string {
  return process.env.SYSLOG_NG_CACHE || path.join(REPO_ROOT, '.cache', 'syslog-ng');
}

function runFor(root: string): SyslogNg {
  const lib = ['usr/lib/syslog-ng', 'usr/lib/x86_64-linux-gnu', 'lib/x86_64-linux-gnu', 'usr/lib/aarch64-linux-gnu', 'lib/aarch64-linux-gnu']
    .map((p) => path.join(root, p))
    .filter((p) => existsSync(p));
  const inherited = process.env.LD_LIBRARY_PATH ? [process.env.LD_LIBRARY_PATH] : [];
  return {
    command: path.join(root, 'usr/sbin/syslog-ng'),
    baseArgs: [`--module-path=${path.join(root, MODULE_DIR)}`],
    env: { LD_LIBRARY_PATH: [...lib, ...inherited].join(':') },
    version: '',
  };
}

/** `syslog-ng --version` works and the kafka module loads (`--module-registry`: "Module: kafka / Status: ok"). */
function probe(s: SyslogNg): SyslogNg | string {
  const env = { ...process.env, ...s.env };
  const version = spawnSync(s.command, [...s.baseArgs, '--version'], { env, encoding: 'utf8', timeout: 20_000 });
  if (version.status !== 0) return `${s.command} --version failed: ${(version.stderr || version.error?.message || '').trim().slice(0, 300)}`;
  const registry = spawnSync(s.command, [...s.baseArgs, '--module-registry'], { env, encoding: 'utf8', timeout: 20_000 });
  if (!/Module: kafka\nStatus: ok/.test(registry.stdout ?? '')) return `${s.command}: the kafka module (kafka-c) does not load; is librdkafka1 installed?`;
  const m = /syslog-ng \d+ \((\d+\.\d+\.\d+)\)/.exec(version.stdout);
  return { ...s, version: m?.[1] ?? 'unknown' };
}

/** Download and unpack the .debs into `dir` (atomically: a half-filled cache is never used). */
function unpack(dir: string): string | undefined {
  const apt = spawnSync('sh', ['-c', 'command -v apt-get && command -v dpkg'], { encoding: 'utf8' });
  if (apt.status !== 0) return 'apt-get/dpkg not found (not a Debian system)';
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'debs'), { recursive: true });
  try {
    // apt-get download fetches exactly these names, no dependency resolution.
    execFileSync('apt-get', ['download', ...SYSLOG_NG_DEBS], { cwd: path.join(work, 'debs'), stdio: 'pipe', timeout: 120_000 });
    for (const deb of readdirSync(path.join(work, 'debs')).filter((f) => f.endsWith('.deb'))) {
      execFileSync('dpkg', ['-x', path.join(work, 'debs', deb), path.join(work, 'root')], { stdio: 'pipe', timeout: 60_000 });
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    renameSync(work, dir);
    return undefined;
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    const e = err as { stderr?: Buffer; message: string };
    return `apt-get download ${SYSLOG_NG_DEBS.join(' ')} failed: ${(e.stderr?.toString() || e.message).trim().slice(0, 300)}`;
  }
}

/**
 * An installed syslog-ng with kafka-c, else the unpacked Debian packages
 * (fetched on first call). Skips (or fails under CI=true) with what to install.
 */
export function findSyslogNg(): SyslogNgTool {
  const problems: string[] = [];
  if (existsSync('/usr/sbin/syslog-ng')) {
    const installed = probe({ command: '/usr/sbin/syslog-ng', baseArgs: [], env: {}, version: '' });
    if (typeof installed !== 'string') return { syslogNg: installed, missing: undefined };
    problems.push(installed);
  }
  const root = path.join(syslogNgCacheDir(), 'root');
  if (!existsSync(path.join(root, 'usr/sbin/syslog-ng'))) {
    const failed = unpack(syslogNgCacheDir());
    if (failed) problems.push(failed);
  }
  if (existsSync(path.join(root, 'usr/sbin/syslog-ng'))) {
    const unpacked = probe(runFor(root));
    if (typeof unpacked !== 'string') return { syslogNg: unpacked, missing: undefined };
    problems.push(unpacked);
  }
  const missing =
    `syslog-ng with kafka-c() not usable (${problems.join('; ')}): it is unpacked from ` +
    `\`apt-get download ${SYSLOG_NG_DEBS.join(' ')}\` (needs \`apt-get install -y ${SYSTEM_LIBS.join(' ')}\`), ` +
    `or install it with \`apt-get install -y syslog-ng-core syslog-ng-mod-rdkafka\` (replaces rsyslog)`;
  if (isCI) throw new Error(`CI=true and ${missing}`);
  console.warn(`[skip] ${missing}`);
  return { syslogNg: undefined, missing };
}
