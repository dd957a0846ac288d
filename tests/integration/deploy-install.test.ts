/**
 * The bundle's deploy files (issue 16): every install.sh is clean under
 * shellcheck and, run under a temporary DESTDIR with stand-in `systemctl` (and
 * stand-in agent commands where the real one is not installed) on PATH, places
 * every file with the stated mode (and owner where it exists here), writes no
 * secret into a config in env mode (the secret comes on stdin), restarts once,
 * and changes nothing on a second run. The collectd and rsyslog drop-ins placed
 * that way pass the real `collectd -T -C` and `rsyslogd -N1 -f`. Every
 * compose.yaml passes `docker-compose config -q` and holds no secret.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agentDefinition, renderSettings } from '@/lib/agents';
import { createRenderContext } from '@/lib/agents/context';
import type { AgentDeploy, InstallPlan } from '@/lib/agents/types';
import { bundleEntries, type BundleEntry } from '@/lib/bundle';
import { COMPOSE_FILE_NAME, INSTALL_SCRIPT_NAME, installScriptName } from '@/lib/deploy';
import type { DeployTarget } from '@/lib/deploy/targets';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';
import { findTool } from '@/tests/support/tools';

const shellcheck = findTool('shellcheck', 'shellcheck');
const dockerCompose = findTool('docker-compose', 'docker-compose');
const collectd = findTool('/usr/sbin/collectd', 'collectd-core');
const rsyslogd = findTool('/usr/sbin/rsyslogd', 'rsyslog');

const SANDBOX = { host: 'localhost', port: 10099, caUrl: 'http://127.0.0.1:3000/api/sandbox/ca' };
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';

/** Every agent with a deploy hook, with options that give it an install.sh. */
const DEPLOY_AGENTS: SettingsInput['agents'] = {
  collectd: {},
  rsyslog: {},
  beats: { beats: ['filebeat', 'winlogbeat'], mode: 'complete' },
  telegraf: {},
  fluentbit: { mode: 'complete' },
  vector: {},
  otelcol: {},
  'syslog-ng': {},
  fluentd: {},
  logstash: {},
};

const scratch = mkdtempSync(join(tmpdir(), 'sls-deploy-'));
// Readable by the unprivileged user of the non-root test.
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

function bundleFor(overrides: Partial<SettingsInput>, deploy: DeployTarget = 'host'): { settings: Settings; entries: BundleEntry[] } {
  const settings = exampleSettings(overrides);
  const renderOptions = { sandbox: SANDBOX };
  const result = renderSettings(settings, renderOptions);
  return { settings, entries: bundleEntries({ result, settings, sandboxCaPem: PEM, renderOptions, deploy }) };
}

/** Unpacks the entries into a fresh folder, as the user unzips the bundle. */
function unpack(entries: readonly BundleEntry[]): string {
  const dir = join(scratch, `bundle-${++counter}`);
  for (const entry of entries) {
    const path = join(dir, entry.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.content);
  }
  return dir;
}

/** The agent's plan for one script (`install.sh` or `install-<part>.sh`), as the bundle computed it. */
function planFor(settings: Settings, agent: keyof NonNullable<SettingsInput['agents']>, script: string = INSTALL_SCRIPT_NAME): InstallPlan {
  const ctx = createRenderContext(settings, { sandbox: SANDBOX });
  const deploy = agentDefinition(agent).deploy as AgentDeploy<unknown>;
  const host = deploy.host?.(ctx, settings.agents[agent], []);
  const plan = (Array.isArray(host) ? host : host ? [host] : []).find((p) => installScriptName(p) === script);
  if (!plan) throw new Error(`${agent}: no install plan for ${script}`);
  return plan;
}

/** Where a plan's ensured line lands under DESTDIR: the first candidate whose folder exists, else the last. */
function linePathIn(destdir: string, dest: readonly string[]): string {
  for (const candidate of dest.slice(0, -1)) if (existsSync(join(destdir, dirname(candidate)))) return candidate;
  return dest[dest.length - 1]!;
}

/**
 * A bin folder with stand-ins that log their argv: systemctl always, the agent's
 * check command unless `real` names the real binary (then a symlink to it).
 */
function standIns(plan: InstallPlan, real?: string, destdir?: string): { bin: string; log: string } {
  const bin = join(scratch, `bin-${++counter}`);
  const log = join(bin, 'calls.log');
  mkdirSync(bin);
  writeFileSync(log, '');
  const names = new Set(['systemctl', plan.binary]);
  const checkCommand = plan.check && typeof plan.check.argv[0] === 'string' ? plan.check.argv[0] : undefined;
  if (checkCommand) names.add(checkCommand);
  // The keystore stand-in keeps KEY=value lines in the keystore file (create, list, add from stdin).
  const ks = plan.keystore;
  const ksProgram = ks && typeof ks.add[0] === 'object' && 'sibling' in ks.add[0] ? ks.add[0].sibling : plan.binary;
  if (ks) names.add(ksProgram);
  for (const name of names) {
    const path = join(bin, name);
    if (real && name === plan.binary) {
      writeFileSync(path, `#!/bin/sh\nexec ${real} "$@"\n`);
    } else if (ks && destdir && name === ksProgram) {
      const file = join(destdir, ks.file);
      writeFileSync(
        path,
        [
          '#!/bin/sh',
          `printf '%s %s\\n' ${name} "$*" >> ${log}`,
          `case " $* " in`,
          `  *" create "*) : > ${file} ;;`,
          `  *" list "*) cut -d= -f1 ${file} ;;`,
          `  *" add "*) printf '%s=%s\\n' ${ks.key} "$(cat)" >> ${file} ;;`,
          'esac',
          '',
        ].join('\n'),
      );
    } else {
      writeFileSync(path, `#!/bin/sh\nprintf '%s %s\\n' ${name} "$*" >> ${log}\n`);
    }
    chmodSync(path, 0o755);
  }
  return { bin, log };
}

function runInstall(script: string, destdir: string, bin: string, stdin: string, args: string[] = []) {
  const result = spawnSync('sh', [script, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, DESTDIR: destdir, SLS_INSTALL_ALLOW_NONROOT: '1' },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function snapshot(plan: InstallPlan, destdir: string): Map<string, { mtimeMs: number; content: string }> {
  const paths = [
    ...plan.files.map((f) => f.dest),
    ...(plan.envFile ? [plan.envFile.path] : []),
    ...(plan.lines ?? []).map((l) => linePathIn(destdir, l.dest)),
    ...(plan.keystore ? [plan.keystore.file] : []),
  ];
  return new Map(paths.map((p) => [p, { mtimeMs: statSync(join(destdir, p)).mtimeMs, content: readFileSync(join(destdir, p), 'utf8') }]));
}

const isRoot = process.getuid?.() === 0;

describe('install.sh', () => {
  for (const secretMode of ['inline', 'env'] as const) {
    const { settings, entries } = bundleFor({ agents: DEPLOY_AGENTS, secretMode, target: 'sandbox' });
    const scripts = entries.filter((e) => /\/install(?:-[a-z]+)?\.sh$/.test(e.path));

    it(`${secretMode}: every agent with a deploy hook gets an install.sh, without the secret`, () => {
      expect(scripts.map((s) => s.path).sort()).toEqual([
        'beats/install-filebeat.sh',
        'collectd/install.sh',
        'fluentbit/install.sh',
        'fluentd/install.sh',
        'logstash/install.sh',
        'otelcol/install.sh',
        'rsyslog/install.sh',
        'syslog-ng/install.sh',
        'telegraf/install.sh',
        'vector/install.sh',
      ]);
      for (const script of scripts) expect(script.content).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    });

    it.skipIf(shellcheck.missing !== undefined)(`${secretMode}: every install.sh is clean under shellcheck`, () => {
      const dir = unpack(entries);
      for (const script of scripts) {
        const result = spawnSync(shellcheck.path!, ['-s', 'sh', join(dir, script.path)], { encoding: 'utf8' });
        expect(result.stdout + result.stderr, script.path).toBe('');
        expect(result.status, script.path).toBe(0);
      }
    });

    for (const script of scripts) {
      const [agent, scriptName] = script.path.split('/') as ['collectd' | 'rsyslog' | 'fluentbit' | 'vector' | 'otelcol' | 'syslog-ng' | 'telegraf' | 'beats' | 'fluentd' | 'logstash', string];
      it(`${secretMode}: ${script.path} under DESTDIR places every file as stated, restarts once, and a second run changes nothing`, () => {
        const plan = planFor(settings, agent, scriptName);
        const dir = unpack(entries);
        const destdir = join(scratch, `root-${++counter}`);
        const { bin, log } = standIns(plan, undefined, destdir);
        const path = join(dir, script.path);

        const dry = runInstall(path, destdir, bin, '', ['--dry-run']);
        expect(dry.status, dry.out).toBe(0);
        expect(dry.out).toContain('would write');
        expect(existsSync(destdir), 'dry run created nothing').toBe(false);

        const first = runInstall(path, destdir, bin, `${EXAMPLE_PASSWORD}\n`);
        expect(first.status, first.out).toBe(0);
        for (const file of plan.files) {
          const placed = join(destdir, file.dest);
          const stat = statSync(placed);
          expect((stat.mode & 0o777).toString(8), file.dest).toBe(file.mode);
          if (isRoot && file.owner === 'root') expect(stat.uid, file.dest).toBe(0);
          if (file.source && !file.source.startsWith('../')) {
            const rendered = entries.find((e) => e.path === `${agent}/${file.source}`)!.content;
            expect(readFileSync(placed, 'utf8')).toBe(rendered.replaceAll('HOSTNAME_HERE', execFileSync('uname', ['-n'], { encoding: 'utf8' }).trim().split('.')[0]!));
          }
          if (secretMode === 'env' && !agentDefinition(agent).inlineSecretAlways) {
            expect(readFileSync(placed, 'utf8'), `${file.dest} holds no secret`).not.toContain(EXAMPLE_INPUT.accessKeySecret);
          }
        }
        if (plan.envFile) {
          const envPath = join(destdir, plan.envFile.path);
          expect((statSync(envPath).mode & 0o777).toString(8)).toBe('600');
          expect(readFileSync(envPath, 'utf8')).toBe([...(plan.envFile.extraLines ?? []), `${plan.envFile.variable}=${EXAMPLE_PASSWORD}`, ''].join('\n'));
        }
        for (const line of plan.lines ?? []) {
          const path = join(destdir, linePathIn(destdir, line.dest));
          expect((statSync(path).mode & 0o777).toString(8), path).toBe(line.mode);
          const pattern = line.line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('HOSTNAME_HERE', '[^\\s.]+').replace('RANDOM_HERE', '[0-9a-f]{48}');
          expect(readFileSync(path, 'utf8'), path).toMatch(new RegExp(`^${pattern}$`, 'm'));
          expect(readFileSync(path, 'utf8')).not.toContain(EXAMPLE_INPUT.accessKeySecret);
        }
        if (plan.keystore) {
          // The stand-in keystore holds what the script piped to `add`: the password, exactly, and nothing went into argv.
          const keystore = join(destdir, plan.keystore.file);
          expect((statSync(keystore).mode & 0o777).toString(8)).toBe(plan.keystore.mode);
          expect(readFileSync(keystore, 'utf8')).toBe(`${plan.keystore.key}=${EXAMPLE_PASSWORD}\n`);
          expect(readFileSync(log, 'utf8')).not.toContain(EXAMPLE_INPUT.accessKeySecret);
        }
        const calls = readFileSync(log, 'utf8');
        expect(calls).toContain(`systemctl restart ${plan.service}`);
        if (plan.check) expect(calls).toContain(`${plan.check.argv[0] as string} `);

        const before = snapshot(plan, destdir);
        writeFileSync(log, '');
        // Second run: same password on stdin (env mode), nothing must change.
        const second = runInstall(path, destdir, bin, `${EXAMPLE_PASSWORD}\n`);
        expect(second.status, second.out).toBe(0);
        expect(second.out).toContain('unchanged');
        expect(second.out).not.toContain('wrote ');
        expect(second.out).toContain('nothing changed');
        expect(snapshot(plan, destdir)).toEqual(before);
        expect(readFileSync(log, 'utf8')).not.toContain('systemctl restart');
        if (plan.keystore) expect(readFileSync(log, 'utf8')).not.toMatch(/ add /);
      });
    }
  }

  it('refuses to run as non-root without DESTDIR', () => {
    const { entries } = bundleFor({ agents: { rsyslog: {} } });
    const dir = unpack(entries);
    const result = spawnSync('sh', [join(dir, 'rsyslog', INSTALL_SCRIPT_NAME), '--dry-run'], {
      encoding: 'utf8',
      env: { ...process.env, DESTDIR: '', SLS_INSTALL_ALLOW_NONROOT: '1' },
      uid: isRoot ? 65534 : undefined,
      gid: isRoot ? 65534 : undefined,
      cwd: '/',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run it as root');
  });

  it('names the install command when the agent is missing', () => {
    const { settings, entries } = bundleFor({ agents: { rsyslog: {} } });
    const dir = unpack(entries);
    const plan = planFor(settings, 'rsyslog');
    // A PATH with the tools the script needs but no rsyslogd.
    const bin = join(scratch, `bin-${++counter}`);
    mkdirSync(bin);
    for (const tool of ['sh', 'id', 'dirname', 'mktemp', 'rm', 'printf', 'cat']) {
      const found = execFileSync('sh', ['-c', `command -v ${tool} || true`], { encoding: 'utf8' }).trim();
      if (found.startsWith('/')) execFileSync('ln', ['-s', found, join(bin, tool)]);
    }
    const result = spawnSync('/bin/sh', [join(dir, 'rsyslog', INSTALL_SCRIPT_NAME)], {
      encoding: 'utf8',
      env: { PATH: bin, DESTDIR: join(scratch, `root-${++counter}`), SLS_INSTALL_ALLOW_NONROOT: '1' } as unknown as NodeJS.ProcessEnv, // a bare environment: only what the script gets
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${plan.binary} is not installed`);
    expect(result.stderr).toContain('rsyslog-kafka');
  });

  it('Fluentd 1.19+ loads conf.d itself: no @include line is added; before 1.19 it is added once', () => {
    const { settings, entries } = bundleFor({ agents: { fluentd: {} } });
    const plan = planFor(settings, 'fluentd');
    const script = join(unpack(entries), 'fluentd', INSTALL_SCRIPT_NAME);
    for (const [version, included] of [['fluent-package 6.0.0 fluentd 1.19.1 (abc)', false], ['fluent-package 5.0.7 fluentd 1.16.9 (abc)', true]] as const) {
      const destdir = join(scratch, `root-${++counter}`);
      const { bin } = standIns(plan, undefined, destdir);
      writeFileSync(join(bin, 'fluentd'), `#!/bin/sh\ncase "$1" in --version) echo '${version}' ;; esac\n`);
      const run = runInstall(script, destdir, bin, '');
      expect(run.status, run.out).toBe(0);
      const main = join(destdir, '/etc/fluent/fluentd.conf');
      expect(existsSync(main) && readFileSync(main, 'utf8') === '@include conf.d/*.conf\n', version).toBe(included);
      const again = runInstall(script, destdir, bin, '');
      expect(again.out).toContain('nothing changed');
    }
  });

  it('Logstash 7.0–7.9 on the sandbox: the CA goes into a JKS once (keytool), the keystore gets the password once, HOSTNAME and the keystore password are appended once', () => {
    const { settings, entries } = bundleFor({ agents: { logstash: { version: '7.0-7.9' } }, secretMode: 'env', target: 'sandbox' });
    const plan = planFor(settings, 'logstash');
    expect(plan.actions?.map((a) => a.what)).toEqual(expect.arrayContaining([expect.stringMatching(/^import the sandbox CA into /)]));
    const dir = unpack(entries);
    const destdir = join(scratch, `root-${++counter}`);
    const { bin, log } = standIns(plan, undefined, destdir);
    // A keytool stand-in with state: -list fails until -importcert has created the store.
    writeFileSync(
      join(bin, 'keytool'),
      [
        '#!/bin/sh',
        `printf 'keytool %s\\n' "$*" >> ${log}`,
        'store=; prev=',
        'for a in "$@"; do [ "$prev" = -keystore ] && store=$a; prev=$a; done',
        'case " $* " in',
        '  *" -list "*) [ -f "$store" ] ;;',
        '  *" -importcert "*) echo jks > "$store" ;;',
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'keytool'), 0o755);
    const script = join(dir, 'logstash', INSTALL_SCRIPT_NAME);
    const first = runInstall(script, destdir, bin, `${EXAMPLE_PASSWORD}\n`);
    expect(first.status, first.out).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/keytool -importcert .*-alias sls-sandbox-ca/);
    expect((statSync(join(destdir, '/etc/logstash/sls-sandbox-truststore.jks')).mode & 0o777).toString(8)).toBe('640');
    const env = readFileSync(join(destdir, '/etc/default/logstash'), 'utf8');
    expect(env).toMatch(/^HOSTNAME=\S+\nLOGSTASH_KEYSTORE_PASS=[0-9a-f]{48}\n$/);
    // The keystore holds exactly what was piped to `add`.
    expect(readFileSync(join(destdir, '/etc/logstash/logstash.keystore'), 'utf8')).toBe(`SLS_KAFKA_PASSWORD=${EXAMPLE_PASSWORD}\n`);

    writeFileSync(log, '');
    const second = runInstall(script, destdir, bin, `${EXAMPLE_PASSWORD}\n`);
    expect(second.status, second.out).toBe(0);
    expect(second.out).toContain('unchanged: import the sandbox CA');
    expect(second.out).toContain('nothing changed');
    expect(readFileSync(log, 'utf8')).not.toMatch(/-importcert| add |systemctl restart/);
    expect(readFileSync(join(destdir, '/etc/default/logstash'), 'utf8')).toBe(env);

    // --replace-secret stores a new password although the key is there.
    const third = runInstall(script, destdir, bin, 'LTAInew#newsecret\n', ['--replace-secret']);
    expect(third.status, third.out).toBe(0);
    expect(readFileSync(join(destdir, '/etc/logstash/logstash.keystore'), 'utf8')).toContain('SLS_KAFKA_PASSWORD=LTAInew#newsecret\n');
  });

  it.skipIf(collectd.missing !== undefined)('the collectd drop-in placed under DESTDIR passes the real collectd -T -C', () => {
    const { settings, entries } = bundleFor({ agents: { collectd: {} }, target: 'sandbox' });
    const plan = planFor(settings, 'collectd');
    const dir = unpack(entries);
    const destdir = join(scratch, `root-${++counter}`);
    const { bin, log } = standIns(plan, collectd.path);
    const run = runInstall(join(dir, 'collectd', INSTALL_SCRIPT_NAME), destdir, bin, '');
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(new RegExp(`checking: \\S*collectd -T -C ${destdir}/etc/collectd/collectd\\.conf\\.d/write_kafka\\.conf`));
    expect(readFileSync(log, 'utf8')).toContain('systemctl restart collectd');
  });

  for (const secretMode of ['inline', 'env'] as const) {
    it.skipIf(rsyslogd.missing !== undefined)(`${secretMode}: the rsyslog drop-in placed under DESTDIR passes the real rsyslogd -N1 -f`, () => {
      const { settings, entries } = bundleFor({ agents: { rsyslog: {} }, secretMode, target: 'sandbox' });
      const plan = planFor(settings, 'rsyslog');
      const dir = unpack(entries);
      const destdir = join(scratch, `root-${++counter}`);
      const { bin } = standIns(plan, rsyslogd.path);
      const run = runInstall(join(dir, 'rsyslog', INSTALL_SCRIPT_NAME), destdir, bin, `${EXAMPLE_PASSWORD}\n`);
      expect(run.status, run.out).toBe(0);
      expect(run.out).toContain('End of config validation run');
    });
  }

  it.skipIf(rsyslogd.missing !== undefined)('a failing check stops before the restart', () => {
    const { entries } = bundleFor({ agents: { rsyslog: {} } });
    const bad = entries.map((e) => (e.path === 'rsyslog/60-sls-kafka.conf' ? { ...e, content: `${e.content}action(type="nosuchmodule")\n` } : e));
    const dir = unpack(bad);
    const plan = planFor(exampleSettings({ agents: { rsyslog: {} } }), 'rsyslog');
    const { bin, log } = standIns(plan, rsyslogd.path);
    const run = runInstall(join(dir, 'rsyslog', INSTALL_SCRIPT_NAME), join(scratch, `root-${++counter}`), bin, '');
    expect(run.status).toBe(1);
    expect(run.out).toContain('check failed');
    expect(readFileSync(log, 'utf8')).not.toContain('systemctl restart');
  });
});

describe('compose.yaml', () => {
  for (const secretMode of ['inline', 'env'] as const) {
    for (const target of ['sls', 'sandbox'] as const) {
      it.skipIf(dockerCompose.missing !== undefined)(`${secretMode}, ${target}: every compose.yaml passes docker-compose config -q and holds no secret`, () => {
        const agents = { ...DEPLOY_AGENTS, fluentbit: { mode: 'complete', platform: 'docker' }, telegraf: { layout: 'complete' }, logstash: { input: 'beats', queue: 'persisted' } } as const;
        const { entries } = bundleFor({ agents, secretMode, target }, 'docker');
        const composes = entries.filter((e) => e.path.endsWith(`/${COMPOSE_FILE_NAME}`));
        expect(composes.map((c) => c.path).sort()).toEqual([
          'beats/compose.yaml',
          'fluentbit/compose.yaml',
          'fluentd/compose.yaml',
          'logstash/compose.yaml',
          'otelcol/compose.yaml',
          'telegraf/compose.yaml',
          'vector/compose.yaml',
        ]);
        // No compose file for agents without a confirmed image (collectd; rsyslog's images with omkafka) nor for Winlogbeat.
        expect(entries.some((e) => /^(collectd|rsyslog|syslog-ng)\/compose\.yaml$/.test(e.path))).toBe(false);
        expect(composes.find((c) => c.path === 'beats/compose.yaml')!.content).not.toContain('winlogbeat');
        const dir = unpack(entries);
        for (const compose of composes) {
          expect(compose.content, compose.path).not.toContain(EXAMPLE_INPUT.accessKeySecret);
          const folder = join(dir, dirname(compose.path));
          // The env file the user creates (compose checks that it exists).
          const envFile = /env_file:\n\s+- (\S+)/.exec(compose.content)?.[1];
          if (secretMode === 'env') expect(envFile, compose.path).toBeDefined();
          if (envFile) writeFileSync(join(folder, envFile), `SLS_KAFKA_PASSWORD=${EXAMPLE_PASSWORD}\n`, { mode: 0o600 });
          const result = spawnSync(dockerCompose.path!, ['-f', join(folder, COMPOSE_FILE_NAME), 'config', '-q'], { encoding: 'utf8', cwd: folder });
          expect(result.stdout + result.stderr, compose.path).toBe('');
          expect(result.status, compose.path).toBe(0);
          // Every bind mount read-only; the image pinned to a tag.
          for (const m of compose.content.matchAll(/^\s+- ([.\/][^:\s]*):([^:\s]+)(:ro)?$/gm)) expect(m[3], `${compose.path}: ${m[0]}`).toBe(':ro');
          for (const m of compose.content.matchAll(/image: (\S+)/g)) expect(m[1], compose.path).toMatch(/:[0-9v][\w.-]*$/);
        }
      });
    }
  }
});
