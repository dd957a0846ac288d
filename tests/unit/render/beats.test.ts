/**
 * Beats renderer: golden files, every option branch, parse-back through the
 * two layers a Beat applies (YAML 1.1 like Go yaml.v2, then go-ucfg's
 * dotted keys and `${...}` expansion), and hostile input in every free-text
 * option.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { load, YAML11_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { renderBeatsConfig } from '@/lib/agents/beats/render';
import { powershellQuote, shellWord } from '@/lib/config-languages/shell/quote';
import { literal, reference, yamlComment, yamlEntry } from '@/lib/config-languages/yaml/text';
import { createRenderContext, type SandboxTarget } from '@/lib/agents/context';
import type { RenderStep } from '@/lib/agents/types';
import {
  BEAT_NAMES,
  beatsOptionsSchema,
  type BeatName,
  type BeatsOptionsInput,
} from '@/lib/agents/beats/schema';
import type { SettingsInput } from '@/lib/settings/schema';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';

// ---------------------------------------------------------------------------
// go-ucfg variable expansion, ported from elastic/go-ucfg variables.go
// (lexer + parseVarExp): `$$` -> `$`, `$}` -> `}`, `${name}` is a reference.
// ---------------------------------------------------------------------------

type UcfgToken = { type: 'open' } | { type: 'close' } | { type: 'sep'; op: string } | { type: 'text'; text: string };

function ucfgLex(input: string): UcfgToken[] {
  const tokens: UcfgToken[] = [];
  let content = input;
  let off = 0;
  let varcount = 0;
  const text = (s: string) => {
    if (s !== '') tokens.push({ type: 'text', text: s });
  };
  outer: while (content.length > 0) {
    const stops = varcount === 0 ? '$' : '$:}';
    let idx = -1;
    for (let j = off; j < content.length; j++) {
      if (stops.includes(content[j]!)) {
        idx = j;
        break;
      }
    }
    if (idx < 0) break;
    off = idx + 1;
    switch (content[idx]) {
      case ':': {
        if (content.length <= off) break outer;
        text(content.slice(0, idx));
        const next = content[off];
        if (next === '+' || next === '?') {
          off++;
          tokens.push({ type: 'sep', op: `:${next}` });
        } else tokens.push({ type: 'sep', op: ':' });
        break;
      }
      case '}':
        text(content.slice(0, idx));
        tokens.push({ type: 'close' });
        varcount--;
        break;
      case '$': {
        if (content.length <= off) break outer;
        const next = content[off];
        if (next === '{') {
          text(content.slice(0, idx));
          tokens.push({ type: 'open' });
          off++;
          varcount++;
        } else if (next === '$' || next === '}') {
          content = content.slice(0, idx) + content.slice(off);
          continue outer;
        } else continue outer;
        break;
      }
    }
    content = content.slice(off);
    off = 0;
  }
  text(content);
  return tokens;
}

/** The value go-ucfg hands the Beat for a YAML string, resolving references in `vars`. */
function ucfgResolve(input: string, vars: Readonly<Record<string, string>> = {}, used: string[] = []): string {
  const stack: string[][] = [[]];
  for (const token of ucfgLex(input)) {
    if (token.type === 'open') stack.push([]);
    else if (token.type === 'text') stack[stack.length - 1]!.push(token.text);
    else if (token.type === 'sep') throw new Error(`unexpected expansion operator in ${JSON.stringify(input)}`);
    else {
      const name = stack.pop()!.join('');
      if (stack.length === 0) throw new Error('unbalanced }');
      const value = vars[name];
      if (value === undefined) throw new Error(`unresolved reference \${${name}}`);
      used.push(name);
      stack[stack.length - 1]!.push(value);
    }
  }
  if (stack.length !== 1) throw new Error("missing '}'");
  return stack[0]!.join('');
}

type Config = { [key: string]: unknown };

/** Merge a dotted key the way go-ucfg does with PathSep("."): `a.b: 1` equals `a: {b: 1}`. */
function setPath(target: Config, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) throw new Error('empty key');
  if (rest.length === 0) {
    const existing = target[head];
    if (existing !== undefined) {
      if (!isObject(existing) || !isObject(value)) throw new Error(`duplicate key ${head}`);
      for (const [k, v] of Object.entries(value)) setPath(existing, [k], v);
      return;
    }
    target[head] = value;
    return;
  }
  const child = target[head] ?? {};
  if (!isObject(child)) throw new Error(`duplicate key ${head}`);
  target[head] = child;
  setPath(child, rest, value);
}

function isObject(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normalize(value: unknown, vars: Readonly<Record<string, string>>, used: string[]): unknown {
  if (typeof value === 'string') return ucfgResolve(value, vars, used);
  if (Array.isArray(value)) return value.map((v) => normalize(v, vars, used));
  if (isObject(value)) {
    const out: Config = {};
    for (const [k, v] of Object.entries(value)) setPath(out, k.split('.'), normalize(v, vars, used));
    return out;
  }
  return value;
}

const KEYSTORE = { SLS_KAFKA_PASSWORD: EXAMPLE_PASSWORD, 'path.config': '/etc/filebeat' } as const;

/** What a Beat sees: YAML 1.1 types (yaml.v2), dotted keys merged, `${...}` resolved from the keystore. */
function loadBeatConfig(text: string, vars: Readonly<Record<string, string>> = KEYSTORE) {
  const raw = load(text, { schema: YAML11_SCHEMA });
  const references: string[] = [];
  const config = normalize(raw, vars, references) as Config;
  return { config, references };
}

function kafkaOf(config: Config): Config {
  const output = config.output;
  if (!isObject(output) || !isObject(output.kafka)) throw new Error('no output.kafka');
  return output.kafka;
}

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

const SANDBOX: SandboxTarget = { host: 'sandbox.test', port: 19092, caUrl: 'http://wizard.test:3000/api/sandbox/ca' };

function render(options: BeatsOptionsInput = {}, settings: Partial<SettingsInput> = {}, sandbox?: SandboxTarget) {
  const parsed = exampleSettings({ ...settings, agents: { beats: options } });
  const ctx = createRenderContext(parsed, sandbox ? { sandbox } : {});
  return renderBeatsConfig(ctx, parsed.agents.beats!);
}

function fileOf(result: ReturnType<typeof render>, beat: BeatName = 'filebeat'): string {
  const file = result.files.find((f) => f.path === `${beat}.yml`);
  if (!file) throw new Error(`no ${beat}.yml`);
  expect(file.agent).toBe('beats');
  expect(file.language).toBe('yaml');
  return file.content;
}

function stepsText(steps: RenderStep[]): string {
  return steps
    .map((s) =>
      [`## ${s.kind === 'warning' ? '[warning] ' : ''}${s.title}`, s.detail ?? '', ...(s.commands ?? []).map((c) => `    ${c}`)]
        .filter((l) => l !== '')
        .join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

const DEFAULT_HOST = 'test-project-1.cn-hangzhou.log.aliyuncs.com:10012';

// ---------------------------------------------------------------------------

describe('Beats golden files (defaults and each Beat complete)', () => {
  it('default: filebeat.yml with the output.kafka section, inline secret, target SLS', async () => {
    const result = render();
    expect(result.files.map((f) => f.path)).toEqual(['filebeat.yml']);
    await expect(fileOf(result)).toMatchFileSnapshot('./golden/beats/filebeat.output.yml');
    await expect(stepsText(result.steps)).toMatchFileSnapshot('./golden/beats/filebeat.output.steps.md');
  });

  for (const beat of BEAT_NAMES) {
    it(`complete ${beat}.yml`, async () => {
      const result = render({ beats: [beat], mode: 'complete' });
      await expect(fileOf(result, beat)).toMatchFileSnapshot(`./golden/beats/${beat}.complete.yml`);
    });
  }

  it('env secret, sandbox target, JSON expansion: file and steps', async () => {
    const result = render(
      { beats: ['filebeat', 'winlogbeat'], mode: 'complete' },
      { secretMode: 'env', target: 'sandbox', expandJson: true },
      SANDBOX,
    );
    await expect(fileOf(result)).toMatchFileSnapshot('./golden/beats/filebeat.env-sandbox-json.yml');
    await expect(stepsText(result.steps)).toMatchFileSnapshot('./golden/beats/env-sandbox.steps.md');
  });
});

describe('Beats output.kafka parses back to the SLS settings', () => {
  it('has every required setting at the defaults', () => {
    const { config, references } = loadBeatConfig(fileOf(render()));
    expect(Object.keys(config)).toEqual(['output', 'queue']);
    // Day-two settings: the memory queue, batching, gzip level and a client id naming Beat and host.
    expect(config.queue).toEqual({ mem: { events: 4096, flush: { min_events: 1024, timeout: '1s' } } });
    const kafka = kafkaOf(config);
    expect(kafka).toEqual({
      hosts: [DEFAULT_HOST],
      client_id: 'filebeat-HOSTNAME_HERE',
      compression_level: 4,
      bulk_max_size: 1024,
      topic: 'test-logstore-1',
      username: 'test-project-1',
      password: EXAMPLE_PASSWORD,
      sasl: { mechanism: 'PLAIN' },
      ssl: { enabled: true, verification_mode: 'full' },
      version: '2.1.0',
      partition: { round_robin: { reachable_only: false } },
      required_acks: 1,
      compression: 'gzip',
      max_message_bytes: 1000000,
    });
    // No message key (it would pin every event to one shard), no headers, no CA list (system trust store).
    expect(kafka).not.toHaveProperty('key');
    expect(references).toEqual([]);
  });

  it('keeps the password, with its #, a quoted string and not a comment', () => {
    const text = fileOf(render());
    expect(text).toContain(`password: "${EXAMPLE_PASSWORD}"`);
    expect(text).not.toMatch(/^\s*ssl\.certificate_authorities:\s*$/m);
  });

  it('never writes an empty certificate_authorities', () => {
    // The seed's bare `ssl.certificate_authorities:` is a null value: absent or a non-empty list, nothing between.
    const cas = (target: 'sls' | 'sandbox') => {
      const raw = load(fileOf(render({}, { target }, SANDBOX)), { schema: YAML11_SCHEMA }) as Config;
      const ssl = ((raw['output.kafka'] as Config).ssl ?? {}) as Config;
      return { has: 'certificate_authorities' in ssl, value: ssl.certificate_authorities };
    };
    expect(cas('sls')).toEqual({ has: false, value: undefined });
    const sandbox = cas('sandbox');
    expect(sandbox.has).toBe(true);
    expect(Array.isArray(sandbox.value) && sandbox.value.length === 1 && typeof sandbox.value[0] === 'string').toBe(true);
  });
});

describe('Beats option branches', () => {
  it('writes one file per Beat, named <beat>.yml, and steps for each', () => {
    const result = render({ beats: [...BEAT_NAMES] });
    expect(result.files.map((f) => f.path)).toEqual(BEAT_NAMES.map((b) => `${b}.yml`));
    for (const beat of BEAT_NAMES) {
      const { config } = loadBeatConfig(fileOf(result, beat));
      expect(kafkaOf(config).hosts).toEqual([DEFAULT_HOST]);
      expect(result.steps.some((s) => s.title.toLowerCase().startsWith(beat))).toBe(true);
    }
  });

  it('complete mode adds the input each Beat needs and no other output', () => {
    const expectations: Record<BeatName, (c: Config) => void> = {
      filebeat: (c) =>
        expect(c.filebeat).toEqual({ inputs: [{ type: 'filestream', id: 'sls-kafka-logs', paths: ['/var/log/*.log'] }] }),
      metricbeat: (c) => {
        const modules = (c.metricbeat as Config).modules as Config[];
        expect(modules[0]).toMatchObject({ module: 'system', period: '10s' });
        expect(modules[0]!.metricsets).toContain('cpu');
      },
      packetbeat: (c) => {
        const pb = c.packetbeat as Config;
        expect(pb.interfaces).toEqual({ device: 'any' });
        expect((pb.protocols as Config[]).map((p) => p.type)).toEqual(['icmp', 'dns', 'http', 'tls']);
      },
      winlogbeat: (c) =>
        expect(((c.winlogbeat as Config).event_logs as Config[]).map((l) => l.name)).toEqual([
          'Application',
          'System',
          'Security',
        ]),
      auditbeat: (c) =>
        expect((c.auditbeat as Config).modules).toEqual([
          { module: 'file_integrity', paths: ['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/etc'] },
        ]),
      heartbeat: (c) => {
        const monitor = ((c.heartbeat as Config).monitors as Config[])[0]!;
        expect(monitor).toMatchObject({ type: 'http', urls: ['http://localhost:80'], schedule: '@every 10s' });
      },
    };
    for (const beat of BEAT_NAMES) {
      const { config } = loadBeatConfig(fileOf(render({ beats: [beat], mode: 'complete' }), beat));
      expect(Object.keys(config).sort()).toEqual([beat, 'output', 'queue'].sort());
      expect(kafkaOf(config).client_id).toBe(`${beat}-HOSTNAME_HERE`);
      expect(Object.keys(config.output as Config)).toEqual(['kafka']);
      expectations[beat](config);
    }
  });

  it('output mode warns to disable the other outputs; complete mode does not need to', () => {
    const output = render({ mode: 'output' });
    expect(fileOf(output)).toMatch(/^# Only one output may be enabled/m);
    const warning = output.steps.find((s) => s.kind === 'warning');
    expect(warning?.detail).toMatch(/output\.elasticsearch/);
    expect(warning?.detail).toMatch(/output\.logstash/);
    expect(render({ mode: 'complete' }).steps.some((s) => s.kind === 'warning')).toBe(false);
  });

  it('uses the chosen log paths and heartbeat URLs', () => {
    const paths = ['/var/log/app/*.log', 'C:\\logs\\*.log'];
    const fb = loadBeatConfig(fileOf(render({ mode: 'complete', paths }))).config;
    expect(((fb.filebeat as Config).inputs as Config[])[0]!.paths).toEqual(paths);
    const urls = ['https://example.com/health', 'http://10.0.0.1:8080/'];
    const hb = loadBeatConfig(fileOf(render({ beats: ['heartbeat'], mode: 'complete', heartbeatUrls: urls }), 'heartbeat')).config;
    expect(((hb.heartbeat as Config).monitors as Config[])[0]!.urls).toEqual(urls);
  });

  for (const compression of ['none', 'gzip', 'snappy', 'lz4'] as const) {
    for (const version of ['7.17', '8', '9'] as const) {
      it(`compression ${compression} with Beats ${version}`, () => {
        const kafka = kafkaOf(loadBeatConfig(fileOf(render({ compression, version }))).config);
        expect(kafka.compression).toBe(compression);
        expect(kafka.version).toBe('2.1.0');
      });
    }
  }

  it('zstd with Beats 9', () => {
    expect(kafkaOf(loadBeatConfig(fileOf(render({ compression: 'zstd', version: '9' }))).config).compression).toBe('zstd');
  });

  for (const acks of [0, 1, -1] as const) {
    it(`required_acks ${acks}`, () => {
      expect(kafkaOf(loadBeatConfig(fileOf(render({ acks }))).config).required_acks).toBe(acks);
    });
  }

  it('max_message_bytes', () => {
    expect(kafkaOf(loadBeatConfig(fileOf(render({ maxMessageBytes: 524288 }))).config).max_message_bytes).toBe(524288);
  });

  it('env secret mode: a keystore reference in the file, keystore commands in the steps, no secret anywhere', () => {
    const result = render({ beats: ['filebeat', 'winlogbeat'] }, { secretMode: 'env' });
    const text = fileOf(result);
    expect(text).toContain('password: "${SLS_KAFKA_PASSWORD}"');
    const { config, references } = loadBeatConfig(text);
    expect(kafkaOf(config).password).toBe(EXAMPLE_PASSWORD);
    expect(references).toEqual(['SLS_KAFKA_PASSWORD']);
    const commands = result.steps.flatMap((s) => s.commands ?? []);
    expect(commands).toContain('sudo filebeat keystore create');
    expect(commands).toContain('sudo filebeat keystore add SLS_KAFKA_PASSWORD');
    // On Windows the keystore lives in the data folder the service was installed with, read from the service.
    const findData = commands.indexOf(
      `$data = [regex]::Match((Get-CimInstance Win32_Service -Filter "Name='winlogbeat'").PathName, '-{1,2}path\\.data "([^"]+)"').Groups[1].Value`,
    );
    const addKey = commands.indexOf(`& 'C:\\Program Files\\Winlogbeat\\winlogbeat.exe' keystore add SLS_KAFKA_PASSWORD --path.data $data`);
    expect(findData).toBeGreaterThanOrEqual(0);
    expect(addKey).toBeGreaterThan(findData);
    expect(commands.some((c) => c.startsWith('read -rsp ') && c.endsWith('export SLS_KAFKA_PASSWORD'))).toBe(true);
    expect(commands.some((c) => c.includes('docker run') && c.includes('-e SLS_KAFKA_PASSWORD'))).toBe(true);
    const everything = JSON.stringify(result);
    expect(everything).not.toContain(EXAMPLE_INPUT.accessKeySecret);
  });

  it('inline secret mode: the password is only in the file, never in the steps', () => {
    const result = render({}, { secretMode: 'inline' });
    expect(kafkaOf(loadBeatConfig(fileOf(result)).config).password).toBe(EXAMPLE_PASSWORD);
    expect(JSON.stringify(result.steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    expect(result.steps.flatMap((s) => s.commands ?? []).some((c) => c.includes('keystore'))).toBe(false);
  });

  it('sandbox target: sandbox host, the sandbox CA next to the config, and a download step', () => {
    const result = render({ beats: ['filebeat', 'heartbeat'] }, { target: 'sandbox' }, SANDBOX);
    const { config, references } = loadBeatConfig(fileOf(result));
    const kafka = kafkaOf(config);
    expect(kafka.hosts).toEqual(['sandbox.test:19092']);
    expect(kafka.ssl).toEqual({
      enabled: true,
      verification_mode: 'full',
      certificate_authorities: ['/etc/filebeat/sls-sandbox-ca.pem'],
    });
    expect(references).toEqual(['path.config']);
    const commands = result.steps.flatMap((s) => s.commands ?? []);
    expect(commands).toContain('sudo curl -fsSo /etc/filebeat/sls-sandbox-ca.pem http://wizard.test:3000/api/sandbox/ca');
    expect(commands).toContain('sudo curl -fsSo /etc/heartbeat/sls-sandbox-ca.pem http://wizard.test:3000/api/sandbox/ca');
    expect(commands).toContain(
      "Invoke-WebRequest -UseBasicParsing -Uri 'http://wizard.test:3000/api/sandbox/ca' -OutFile 'C:\\Program Files\\Filebeat\\sls-sandbox-ca.pem'",
    );
    expect(JSON.stringify(result)).not.toContain('log.aliyuncs.com');
  });

  it('sls target: no CA list, so the system trust store verifies SLS', () => {
    const kafka = kafkaOf(loadBeatConfig(fileOf(render({}, { target: 'sls' }))).config);
    expect(kafka.ssl).toEqual({ enabled: true, verification_mode: 'full' });
    expect(JSON.stringify(render().steps)).not.toContain('sls-sandbox-ca.pem');
  });

  it('expandJson on Beats 8 and 9: topic is the Logstore plus the data-parse-format header', () => {
    for (const version of ['8', '9'] as const) {
      const kafka = kafkaOf(loadBeatConfig(fileOf(render({ version }, { expandJson: true }))).config);
      expect(kafka.topic).toBe('test-logstore-1');
      expect(kafka.headers).toEqual([{ key: 'data-parse-format', value: 'json' }]);
    }
  });

  it('expandJson on Beats 7.17 (no headers option): topic <logstore>.json', () => {
    const kafka = kafkaOf(loadBeatConfig(fileOf(render({ version: '7.17' }, { expandJson: true }))).config);
    expect(kafka.topic).toBe('test-logstore-1.json');
    expect(kafka).not.toHaveProperty('headers');
  });

  it('expandJson off: plain Logstore topic, no headers', () => {
    for (const version of ['7.17', '8', '9'] as const) {
      const kafka = kafkaOf(loadBeatConfig(fileOf(render({ version }, { expandJson: false }))).config);
      expect(kafka.topic).toBe('test-logstore-1');
      expect(kafka).not.toHaveProperty('headers');
    }
  });

  it('network intranet and the 2019 host form', () => {
    const intranet = kafkaOf(loadBeatConfig(fileOf(render({}, { network: 'intranet' }))).config);
    expect(intranet.hosts).toEqual(['test-project-1.cn-hangzhou-intranet.log.aliyuncs.com:10011']);
    const region = kafkaOf(loadBeatConfig(fileOf(render({}, { hostForm: 'region' }))).config);
    expect(region.hosts).toEqual(['cn-hangzhou.log.aliyuncs.com:10012']);
  });

  it('version comments follow the Beats major', () => {
    expect(fileOf(render({ version: '7.17' }))).toContain('without this line Beats 7.17 asks for 1.0.0');
    expect(fileOf(render({ version: '8' }))).toContain('without this line Beats 8 asks for 1.0.0');
    expect(fileOf(render({ version: '9' }))).toContain('2.1.0 is also the Beats 9 default');
    expect(fileOf(render({ version: '9', mode: 'complete' }))).toContain('under 1024 bytes');
    expect(fileOf(render({ version: '8', mode: 'complete' }))).not.toContain('under 1024 bytes');
  });

  it('steps: Linux, Windows and Docker for Filebeat; Windows only for Winlogbeat; Heartbeat uses heartbeat-elastic', () => {
    const result = render({ beats: ['filebeat', 'winlogbeat', 'heartbeat'], mode: 'complete' });
    const titles = result.steps.map((s) => s.title);
    expect(titles).toEqual([
      'Filebeat on Linux (deb/rpm): install the config',
      'Filebeat on Windows: install the config',
      'Filebeat in Docker',
      'Filebeat on Linux: watch the first events reach SLS',
      'Filebeat on Windows: watch the first events reach SLS',
      'Winlogbeat on Windows: install the config',
      'Winlogbeat on Windows: watch the first events reach SLS',
      'Heartbeat on Linux (deb/rpm): install the config',
      'Heartbeat on Windows: install the config',
      'Heartbeat in Docker',
      'Heartbeat on Linux: watch the first events reach SLS',
      'Heartbeat on Windows: watch the first events reach SLS',
    ]);
    const commands = result.steps.flatMap((s) => s.commands ?? []);
    expect(commands).toContain('sudo install -m 0600 -o root -g root filebeat.yml /etc/filebeat/filebeat.yml');
    expect(commands).toContain('sudo filebeat test config -c /etc/filebeat/filebeat.yml');
    expect(commands).toContain('sudo systemctl restart heartbeat-elastic');
    expect(commands).toContain('sudo filebeat -e -d kafka -c /etc/filebeat/filebeat.yml');
    expect(commands).toContain('Restart-Service winlogbeat');
    expect(commands.some((c) => c.includes('/usr/share/filebeat/filebeat.yml:ro'))).toBe(true);
    const verify = result.steps.find((s) => s.title === 'Filebeat on Linux: watch the first events reach SLS');
    // The truth for the versions offered: test output dials TCP at most (or reports no support), never TLS or SASL.
    expect(verify?.detail).toMatch(/at most opens a TCP connection to each host and warns “Kafka output doesn't support TLS testing”/);
    expect(verify?.detail).toMatch(/never checks TLS, the SASL login or the Logstore/);
    expect(verify?.detail).not.toMatch(/does not support Kafka/);
    expect(verify?.detail).toMatch(/SASL authentication successful/);
  });
});

describe('Beats options schema', () => {
  it('codec line sends the raw message with codec.format, and only for Filebeat', () => {
    const { config } = loadBeatConfig(fileOf(render({ codec: 'line' })));
    expect(kafkaOf(config).codec).toEqual({ format: { string: '%{[message]}' } });
    expect(kafkaOf(loadBeatConfig(fileOf(render())).config)).not.toHaveProperty('codec');
    const bad = beatsOptionsSchema.safeParse({ beats: ['filebeat', 'metricbeat'], codec: 'line' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['codec'], message: expect.stringMatching(/^Codec: .*only Filebeat/) });
  });

  it('does not share default arrays between parses', () => {
    const a = beatsOptionsSchema.parse({});
    a.paths.push('/tmp/x');
    expect(beatsOptionsSchema.parse({}).paths).toEqual(['/var/log/*.log']);
  });

  const rejects: Array<[string, BeatsOptionsInput | Record<string, unknown>, string, RegExp]> = [
    ['zstd on 8', { compression: 'zstd', version: '8' }, 'compression', /^Compression: Beats 8 has no zstd; choose gzip .* or set Beats version to 9\.$/],
    ['zstd on 7.17 (default version 8 too)', { compression: 'zstd' }, 'compression', /^Compression: .*set Beats version to 9/],
    ['no Beats', { beats: [] }, 'beats', /^Beats: choose at least one/],
    ['a duplicate Beat', { beats: ['filebeat', 'filebeat'] }, 'beats.1', /^Beats: filebeat is listed twice; keep it once\.$/],
    ['an unknown Beat', { beats: ['journalbeat'] }, 'beats.0', /^Beats: choose from filebeat, /],
    ['an unknown version', { version: '6' }, 'version', /^Beats version: choose 7\.17, 8 or 9/],
    ['an unknown mode', { mode: 'full' }, 'mode', /^Mode: choose/],
    ['acks 2', { acks: 2 }, 'acks', /^Required acks: choose 1/],
    ['acks as text', { acks: 'all' }, 'acks', /^Required acks: /],
    ['a fractional size', { maxMessageBytes: 1.5 }, 'maxMessageBytes', /^Max message bytes: enter a whole number/],
    ['a size above 1 MiB', { maxMessageBytes: 2_000_000 }, 'maxMessageBytes', /^Max message bytes: enter at most 1048576/],
    ['a zero size', { maxMessageBytes: 0 }, 'maxMessageBytes', /^Max message bytes: enter at least 1/],
    ['a relative path', { paths: ['logs/*.log'] }, 'paths.0', /^Log paths: use an absolute path/],
    ['a path with a newline', { paths: ['/var/log/a\nb'] }, 'paths.0', /^Log paths: remove the line break/],
    ['an empty path', { paths: [''] }, 'paths.0', /^Log paths: enter a path/],
    ['no paths', { paths: [] }, 'paths', /^Log paths: enter at least one/],
    ['a padded path', { paths: [' /var/log/x.log'] }, 'paths.0', /^Log paths: remove the spaces/],
    ['a lone surrogate', { paths: ['/var/log/\uD800.log'] }, 'paths.0', /^Log paths: remove the line break or control character/],
    ['a URL without scheme', { heartbeatUrls: ['example.com'] }, 'heartbeatUrls.0', /^Heartbeat URLs: enter a full URL/],
    ['an ftp URL', { heartbeatUrls: ['ftp://example.com/'] }, 'heartbeatUrls.0', /^Heartbeat URLs: use an http:\/\/ or https:\/\/ URL/],
    ['a URL with a space', { heartbeatUrls: ['http://example.com/a b'] }, 'heartbeatUrls.0', /^Heartbeat URLs: remove spaces/],
    ['an unknown field', { colour: 'red' }, '', /^Beats options: unknown field “colour”; remove it\.$/],
  ];
  for (const [name, input, field, message] of rejects) {
    it(`rejects ${name}, naming the field`, () => {
      const res = beatsOptionsSchema.safeParse(input);
      expect(res.success).toBe(false);
      const issue = res.error!.issues.find((i) => i.path.join('.') === field);
      expect(issue, JSON.stringify(res.error!.issues)).toBeDefined();
      expect(issue!.message).toMatch(message);
    });
  }

  it('accepts zstd with Beats 9 and every Beat once', () => {
    expect(beatsOptionsSchema.safeParse({ compression: 'zstd', version: '9', beats: [...BEAT_NAMES] }).success).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Hostile input
// ---------------------------------------------------------------------------

const TRICKY = [
  '"', "'", '\\', '\n', '\r\n', '\t', '#', ' #', ' # comment', '${', '${X}', '$${', '$', '$$', '$}', '}', '#{', '#{x}',
  ': ', '- ', '? ', '&a', '*a', '!!str', '|', '>', '%', '%{[message]}', '@', '`', 'yes', 'no', 'on', 'off', 'y', 'n',
  '0123', '0x1F', '1e3', '1_000', '.inf', '~', 'null', '\u2028', '\u2029', '\u0085', '\ufeff', '\u00a0', '\u200b',
  '😀', 'é', '日志', '\u0000', '\u0007', '\u007f', '\u0080', '\uD800', '\uDC00',
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

describe('Beats quoting helper (js-yaml dump + go-ucfg $ escaping)', () => {
  it('round-trips any text through YAML 1.1 and go-ucfg expansion as one value', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const yaml = yamlEntry('value', [literal(text)], 2).join('\n');
        const parsed = load(`root:\n${yaml}\n`, { schema: YAML11_SCHEMA }) as Config;
        expect(Object.keys(parsed)).toEqual(['root']);
        expect(Object.keys(parsed.root as Config)).toEqual(['value']);
        const [value] = (parsed.root as Config).value as unknown[];
        expect(typeof value).toBe('string');
        expect(ucfgResolve(value as string)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('writes one line per scalar: no raw line breaks or comment starts inside values', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const lines = yamlEntry('value', literal(text));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^value: "/);
        expect(lines[0]).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
      }),
      { numRuns: 300 },
    );
  });

  it('never folds a long value over several lines', () => {
    const long = `/var/log/${'very long folder name '.repeat(20).trim()}/*.log`;
    const lines = yamlEntry('path', literal(long));
    expect(lines).toEqual([`path: "${long}"`]);
  });

  it('keeps references as references and refuses odd names, keys and comments', () => {
    expect(ucfgResolve(reference('SLS_KAFKA_PASSWORD'), { SLS_KAFKA_PASSWORD: 'a#b' })).toBe('a#b');
    expect(ucfgResolve(reference('path.config', '/ca.pem'), { 'path.config': '/etc/x' })).toBe('/etc/x/ca.pem');
    expect(ucfgResolve(reference('path.config', '/$x'), { 'path.config': '/etc' })).toBe('/etc/$x');
    expect(() => reference('A}B')).toThrow();
    expect(() => reference('${X}')).toThrow();
    expect(() => yamlEntry('a: b', literal('x'))).toThrow();
    expect(() => yamlEntry('Key', literal('x'))).toThrow();
    expect(() => yamlComment('one\ntwo')).toThrow();
  });

  it('escapes $ so that go-ucfg does not expand a user value', () => {
    expect(literal('/var/log/${HOSTNAME}/*.log')).toBe('/var/log/$${HOSTNAME}/*.log');
    expect(ucfgResolve(literal('/var/log/${HOSTNAME}/*.log'))).toBe('/var/log/${HOSTNAME}/*.log');
    // Without the escape go-ucfg would expand it: the test lexer is a real model, not a no-op.
    expect(() => ucfgResolve('/var/log/${HOSTNAME}/*.log')).toThrow(/unresolved reference/);
    expect(ucfgResolve('a$$b$}c$d$')).toBe('a$b}c$d$');
  });
});

/** Parse a rendered file, put `marker` where the hostile value was, and compare with a benign render. */
function withoutValue(text: string, pick: (c: Config) => Config, field: string, marker: unknown): Config {
  const { config } = loadBeatConfig(text);
  pick(config)[field] = marker;
  return config;
}

describe('Beats renderer with hostile free text', () => {
  const pathText = fc.oneof(hostileText, hostileText.map((t) => `/${t}`), hostileText.map((t) => `C:\\${t}`));

  it('log paths: rejected with a “Log paths:” message, or exactly that path and nothing else changed', () => {
    const baseline = fileOf(render({ mode: 'complete', paths: ['/baseline.log'] }));
    const baseLines = baseline.split('\n');
    const input = (c: Config) => ((c.filebeat as Config).inputs as Config[])[0]!;
    let accepted = 0;
    fc.assert(
      fc.property(pathText, (path) => {
        const res = beatsOptionsSchema.safeParse({ mode: 'complete', paths: [path] });
        if (!res.success) {
          for (const issue of res.error.issues) expect(issue.message).toMatch(/^Log paths: /);
          return;
        }
        accepted++;
        const text = fileOf(render({ mode: 'complete', paths: [path] }));
        const { config } = loadBeatConfig(text);
        expect(input(config).paths).toEqual([path]);
        expect(withoutValue(text, input, 'paths', null)).toEqual(withoutValue(baseline, input, 'paths', null));
        const lines = text.split('\n');
        expect(lines).toHaveLength(baseLines.length);
        expect(lines.filter((l, n) => l !== baseLines[n])).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  const urlText = fc.oneof(hostileText, hostileText.map((t) => `http://example.com/${t}`), hostileText.map((t) => `https://h${t}`));

  it('heartbeat URLs: rejected with a “Heartbeat URLs:” message, or exactly that URL and nothing else changed', () => {
    const options = { beats: ['heartbeat'] as BeatName[], mode: 'complete' as const };
    const baseline = fileOf(render({ ...options, heartbeatUrls: ['http://baseline/'] }), 'heartbeat');
    const baseLines = baseline.split('\n');
    const monitor = (c: Config) => ((c.heartbeat as Config).monitors as Config[])[0]!;
    let accepted = 0;
    fc.assert(
      fc.property(urlText, (url) => {
        const res = beatsOptionsSchema.safeParse({ ...options, heartbeatUrls: [url] });
        if (!res.success) {
          for (const issue of res.error.issues) expect(issue.message).toMatch(/^Heartbeat URLs: /);
          return;
        }
        accepted++;
        const text = fileOf(render({ ...options, heartbeatUrls: [url] }), 'heartbeat');
        const { config } = loadBeatConfig(text);
        expect(monitor(config).urls).toEqual([url]);
        expect(withoutValue(text, monitor, 'urls', null)).toEqual(withoutValue(baseline, monitor, 'urls', null));
        const lines = text.split('\n');
        expect(lines).toHaveLength(baseLines.length);
        expect(lines.filter((l, n) => l !== baseLines[n])).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});

describe('Beats step command quoting', () => {
  const sh = (script: string): string => execFileSync('sh', ['-c', script], { encoding: 'utf8' });

  it('shell-quotes any CA URL into exactly one argument', () => {
    fc.assert(
      fc.property(hostileText.filter((t) => !t.includes('\u0000') && !/[\uD800-\uDFFF]/.test(t)), (text) => {
        expect(sh(`printf %s ${shellWord(text)}`)).toBe(text);
      }),
      { numRuns: 40 },
    );
  });

  it('puts a hostile sandbox CA URL into the commands quoted, never raw', () => {
    const caUrl = "http://x/'; touch /tmp/pwned; echo '$(id)`id`";
    const result = render({}, { target: 'sandbox' }, { ...SANDBOX, caUrl });
    const curl = result.steps.flatMap((s) => s.commands ?? []).find((c) => c.startsWith('sudo curl '))!;
    expect(curl).toBe(`sudo curl -fsSo /etc/filebeat/sls-sandbox-ca.pem ${shellWord(caUrl)}`);
    expect(sh(`printf %s ${curl.slice('sudo curl -fsSo /etc/filebeat/sls-sandbox-ca.pem '.length)}`)).toBe(caUrl);
    const iwr = result.steps.flatMap((s) => s.commands ?? []).find((c) => c.startsWith('Invoke-WebRequest'))!;
    expect(iwr).toContain(`-Uri ${powershellQuote(caUrl)} `);
  });

  it('doubles every kind of PowerShell single quote', () => {
    expect(powershellQuote("a'b\u2019c")).toBe("'a''b\u2019\u2019c'");
  });
});
