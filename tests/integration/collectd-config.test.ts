/**
 * The rendered write_kafka.conf against the real collectd (Debian's
 * collectd-core, /usr/sbin/collectd) and its real liboconfig and librdkafka.
 *
 * `collectd -T` parses the config, configures the plugins and runs every read
 * once. It exits non-zero only for parse errors and failed global properties;
 * a bad topic property, a missing CA file or a failed producer only show up in
 * the log, so the output is checked too.
 *
 * write_kafka creates its librdkafka producer (and loads the CA file) on the
 * first write, which `-T` may drop when it stops the write threads. So the
 * producer check runs `collectd -f` with the `load` plugin as a source and
 * stops it (SIGTERM) as soon as the producer is created or has failed.
 * librdkafka connects asynchronously; the broker hosts there end in `.invalid`
 * (RFC 6761), so no test reaches SLS, and offline runs stay fast.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCollectdConfig } from '@/lib/agents/collectd/render';
import { collectdString, unrepresentableCharacter } from '@/lib/config-languages/collectd/quote';
import { createRenderContext, type RenderContext } from '@/lib/agents/context';
import { COLLECTD_ACKS, COLLECTD_COMPRESSIONS, collectdOptionsSchema, type CollectdOptions } from '@/lib/agents/collectd/schema';
import type { SettingsInput } from '@/lib/settings/schema';
import { parseCollectdConfig } from '@/lib/config-languages/collectd/parser';
import { collectdMainConfig } from '@/tests/support/collectd-main';
import { exampleSettings } from '@/tests/support/settings';
import { findTool } from '@/tests/support/tools';

const collectd = findTool('/usr/sbin/collectd', 'collectd-core');

/** Log lines that mean collectd or write_kafka did not accept the configuration. */
const FAILURES: RegExp[] = [
  /Parse error/,
  /Parsing the config file failed/,
  /cannot set kafka (topic )?property/,
  /kafka propert(y|ies) need/,
  /kafka topic (name needed|needs)/,
  /cannot create kafka handle/,
  /cannot create topic/,
  /Invalid (directive|format string)/,
  /Ignoring unknown configuration option/,
  /No such configuration property/,
  /Configuration for the .* failed/i,
  /Could not (find|load) plugin/,
  /No write callback has been registered/,
  /Dispatching value to all write plugins failed/,
  /error:[0-9A-Fa-f]{8}:/, // OpenSSL, e.g. the CA file could not be read
];

interface Run {
  code: number | null;
  output: string;
  timedOut: boolean;
}

function runCollectd(mainConfig: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(collectd.path!, ['-T', '-C', mainConfig], { timeout: 30_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, output: `${stdout}${stderr}`, timedOut: error?.killed === true });
    });
  });
}

/** Run collectd in the foreground until write_kafka has built its producer, or failed to. */
function runCollectdUntilProducer(mainConfig: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(collectd.path!, ['-f', '-C', mainConfig]);
    let output = '';
    let timedOut = false;
    const stop = () => {
      if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/handle created for topic|cannot create kafka handle|cannot create topic/.test(output)) stop();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** What is wrong with a run; empty when collectd accepted the file (and, if asked, built the producer). */
function problems(run: Run, topic: string, expectProducer: boolean): string[] {
  const found: string[] = [];
  if (run.timedOut) found.push('collectd -T did not finish within 30 s');
  if (run.code !== 0) found.push(`exit status ${run.code}`);
  for (const pattern of FAILURES) if (pattern.test(run.output)) found.push(`log matches ${pattern}`);
  if (expectProducer) {
    if (!run.output.includes('write_kafka plugin: created KAFKA handle')) found.push('no producer created');
    if (!run.output.includes(`write_kafka plugin: handle created for topic : ${topic}`)) found.push(`no handle for topic ${topic}`);
  }
  return found;
}

describe.skipIf(!collectd.path)('collectd -T with the rendered write_kafka.conf', () => {
  let dir = '';
  let caBundle = '';
  let fileCount = 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'collectd-kafka-'));
    caBundle = join(dir, 'ca-bundle.crt');
    // Any parseable PEM will do: the producer loads it, the .invalid brokers are never reached.
    const systemBundle = '/etc/ssl/certs/ca-certificates.crt';
    if (existsSync(systemBundle)) {
      copyFileSync(systemBundle, caBundle);
    } else {
      const key = join(dir, 'ca.key');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=collectd-test-ca', '-days', '1', '-keyout', key, '-out', caBundle], { stdio: 'ignore' });
    }
    copyFileSync(caBundle, join(dir, 'sls-sandbox-ca.pem'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Write the main config (and the drop-in) into the temp dir; returns the main config's path. */
  function writeConfigs(dropIn: string, withLoadPlugin: boolean): string {
    const n = ++fileCount;
    const dropInPath = join(dir, `write_kafka-${n}.conf`);
    const mainPath = join(dir, `collectd-${n}.conf`);
    writeFileSync(dropInPath, dropIn);
    const plugins = withLoadPlugin ? ['LoadPlugin load'] : [];
    writeFileSync(
      mainPath,
      collectdMainConfig({ hostname: 'collectd-test', dir, pidFile: `collectd-${n}.pid`, interval: 10, plugins, include: dropInPath }),
    );
    return mainPath;
  }

  function renderFor(collectdOptions: Partial<CollectdOptions>, overrides: Partial<SettingsInput> = {}) {
    const settings = exampleSettings(overrides);
    const options = collectdOptionsSchema.parse(collectdOptions);
    const sandbox = { host: 'sandbox.invalid', port: 10012, caUrl: 'http://wizard.invalid/api/sandbox/ca' };
    const ctx = createRenderContext(settings, { sandbox });
    return { ctx, options, content: renderCollectdConfig(ctx, options).files[0]!.content };
  }

  /** The same rendering, dialling an .invalid host so the producer never reaches SLS. */
  function offline(ctx: RenderContext): RenderContext {
    if (ctx.target === 'sandbox') return ctx;
    const host = 'sls.invalid';
    return { ...ctx, endpoint: { host, port: ctx.endpoint.port, bootstrap: `${host}:${ctx.endpoint.port}` } };
  }

  const cases: Array<[string, Partial<CollectdOptions>, Partial<SettingsInput>]> = [
    ['defaults (Debian, inline, SLS)', {}, {}],
    ['RHEL', { osFamily: 'rhel' }, {}],
    ['Alpine, sandbox', { osFamily: 'alpine' }, { target: 'sandbox' }],
    ['intranet, expand JSON, StoreRates false', { storeRates: false }, { network: 'intranet', expandJson: true }],
    ...COLLECTD_ACKS.map((acks): [string, Partial<CollectdOptions>, Partial<SettingsInput>] => [`acks ${acks}`, { acks }, {}]),
    ...COLLECTD_COMPRESSIONS.flatMap((compression) =>
      (['inline', 'env'] as const).flatMap((secretMode) =>
        (['sls', 'sandbox'] as const).map((target): [string, Partial<CollectdOptions>, Partial<SettingsInput>] => [
          `${compression}, ${secretMode}, ${target}`,
          { compression },
          { secretMode, target },
        ]),
      ),
    ),
  ];

  it.each(cases)('parses and configures: %s', async (_name, collectdOptions, overrides) => {
    const { ctx, content } = renderFor(collectdOptions, overrides);
    const run = await runCollectd(writeConfigs(content, false));
    expect(problems(run, ctx.topic, false), run.output).toEqual([]);
  });

  it.each(cases)('creates the producer (collectd -f): %s', async (_name, collectdOptions, overrides) => {
    // Custom OS family with the temp CA, so the CA files exist on this machine.
    const { ctx, options } = renderFor({ ...collectdOptions, osFamily: 'custom', caPath: caBundle }, overrides);
    const content = renderCollectdConfig(offline(ctx), options).files[0]!.content;
    const run = await runCollectdUntilProducer(writeConfigs(content, true));
    expect(problems(run, ctx.topic, true), run.output).toEqual([]);
  });

  it('reads every quoted value exactly as the test parser does', async () => {
    const fixed = ['a"b', 'a\\b', '\\', '"', 'x#y', 'x # y', '${HOME}', '#{x}', "it's", 'é漢😀', 'end\\', '\\"', ' lead', '<x>', '\u2028'];
    const sampled = fc.sample(
      fc.string({ unit: fc.constantFrom('"', '\\', '#', '$', '{', '}', "'", ' ', '<', '>', 'a', 'é', '😀'), minLength: 1, maxLength: 12 }),
      { numRuns: 30, seed: 20_241_126 },
    );
    for (const value of [...fixed, ...sampled]) {
      expect(unrepresentableCharacter(value)).toBeUndefined();
      // An unknown property name makes write_kafka log the name back, as liboconfig read it.
      const line = `Property ${collectdString(`zz.${value}`)} ${collectdString('v')}`;
      const dropIn = `LoadPlugin write_kafka\n<Plugin write_kafka>\n  ${line}\n</Plugin>\n`;
      expect(parseCollectdConfig(dropIn)[1]!.children[0]!.values).toEqual([`zz.${value}`, 'v']);
      const run = await runCollectd(writeConfigs(dropIn, false));
      expect(run.code, run.output).not.toBe(0);
      expect(run.output, JSON.stringify(value)).toContain(`cannot set kafka property zz.${value} to v:`);
    }
  });

  describe('negative controls: the check fails when collectd rejects the file', () => {
    it('a Java-only property at plugin level stops collectd with a non-zero status', async () => {
      const { ctx, content } = renderFor({});
      const broken = content.replace('  <Topic ', `  Property "sasl.jaas.config" "x"\n\n  <Topic `);
      const run = await runCollectd(writeConfigs(broken, false));
      expect(run.code).not.toBe(0);
      expect(problems(run, ctx.topic, false)).toContain('log matches /cannot set kafka (topic )?property/');
    });

    it('an unclosed quote is a parse error', async () => {
      const { ctx, content } = renderFor({});
      const broken = content.replace(/("sasl\.password" "[^"]*)"/, '$1');
      expect(broken).not.toBe(content);
      const run = await runCollectd(writeConfigs(broken, false));
      expect(run.code).not.toBe(0);
      expect(problems(run, ctx.topic, false).length).toBeGreaterThan(0);
    });

    it('a global property inside <Topic> is only logged, and the check still catches it', async () => {
      const { ctx, content } = renderFor({});
      const broken = content.replace('    Format JSON', '    Property "security.protocol" "sasl_ssl"\n    Format JSON');
      const run = await runCollectd(writeConfigs(broken, false));
      expect(run.code).toBe(0);
      expect(problems(run, ctx.topic, false)).toContain('log matches /cannot set kafka (topic )?property/');
    });

    it('a CA file that does not exist lets -T exit 0, but the producer fails and the check says so', async () => {
      const missing = join(dir, 'missing-ca.pem');
      expect(existsSync(missing)).toBe(false);
      const { ctx, options } = renderFor({ osFamily: 'custom', caPath: missing });
      const run = await runCollectdUntilProducer(writeConfigs(renderCollectdConfig(offline(ctx), options).files[0]!.content, true));
      expect(run.code).toBe(0);
      const found = problems(run, ctx.topic, true);
      expect(found).toContain('log matches /cannot create kafka handle/');
      expect(found).toContain('no producer created');
    });
  });
});
