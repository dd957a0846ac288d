/**
 * Telegraf renderer: golden files at default settings, every option branch,
 * parse-back with smol-toml, Telegraf's own pre-parse passes (comment
 * stripping, environment substitution) replayed on the output, and property
 * tests for the TOML quoting helper and for every free-text value.
 */
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { renderSettings, type RenderContext } from '@/lib/agents';
import { renderTelegrafConfig } from '@/lib/agents/telegraf/render';
import { tomlEnvReference, tomlString } from '@/lib/config-languages/toml/string';
import { telegrafOptionsSchema, type TelegrafOptions } from '@/lib/agents/telegraf/schema';
import type { SettingsInput } from '@/lib/settings/schema';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';
import { SANDBOX, allCommands, contextFor, stepText, stepsMarkdown } from '@/tests/support/render-helpers';

// ---------------------------------------------------------------------------
// Helpers

type Table = Record<string, unknown>;

function optionsFor(input: unknown = {}): TelegrafOptions {
  return telegrafOptionsSchema.parse(input);
}

function render(overrides: Partial<SettingsInput> = {}, options: unknown = {}) {
  const result = renderTelegrafConfig(contextFor(overrides), optionsFor(options));
  expect(result.files).toHaveLength(1);
  const file = result.files[0]!;
  const doc = parse(file.content) as Table;
  return { result, file, doc, kafka: kafkaTable(doc), steps: result.steps };
}

/** The one `[[outputs.kafka]]` table of a parsed file. */
function kafkaTable(doc: Table): Table {
  const outputs = doc.outputs as Table;
  expect(Object.keys(outputs)).toEqual(['kafka']);
  const kafka = outputs.kafka as Table[];
  expect(kafka).toHaveLength(1);
  return { ...kafka[0]! };
}

/**
 * Port of Telegraf's comment trimmer (config/envvar.go `removeComments`,
 * 1.27+): runs on the raw text before environment substitution and TOML.
 * Backslash escapes and quotes are honoured; `#` outside quotes drops the
 * rest of the line. Triple quotes are left out: the renderer never writes them.
 */
function telegrafRemoveComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (c === '"' || c === "'") {
      out += c;
      i += 1;
      while (i < text.length) {
        const d = text[i]!;
        if (c === '"' && d === '\\') {
          out += text.slice(i, i + 2);
          i += 2;
          continue;
        }
        out += d;
        i += 1;
        if (d === c || d === '\n') break;
      }
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      out += '\n';
      i = end + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Telegraf < 1.27 (config.go `envVarRe`): `${NAME}` and `$NAME` replaced when set, quotes and backslashes escaped. */
function substituteOld(text: string, env: (name: string) => string | undefined): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced: string | undefined, bare: string | undefined) => {
    const value = env((braced ?? bare)!);
    return value === undefined ? match : value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  });
}

/** Telegraf 1.27+ (compose-go template): `$$` escapes, `$NAME` / `${NAME}` replaced when set, kept otherwise. */
function substituteNew(text: string, env: (name: string) => string | undefined): string {
  return text.replace(/\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\})/g, (match, dollar, bare, braced) => {
    if (dollar) return '$';
    const value = env((bare ?? braced) as string);
    return value === undefined ? match : value;
  });
}

/** Every variable name is "set", so any `$` reference would change the text. */
const everyVariableSet = (name: string) => `<${name}>`;

const EXPECTED_HOST = `${EXAMPLE_INPUT.project}.cn-hangzhou.log.aliyuncs.com`;

// ---------------------------------------------------------------------------
// Golden files (reviewed by eye against the reference; this is what users paste)

describe('golden files', () => {
  test('default: drop-in, Telegraf 1.25+, SLS, inline secret', async () => {
    const { file, steps } = render();
    expect(file.path).toBe('sls-kafka.conf');
    expect(file.language).toBe('toml');
    expect(file.agent).toBe('telegraf');
    await expect(file.content).toMatchFileSnapshot('./golden/telegraf/sls-kafka.conf');
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot('./golden/telegraf/steps.default.md');
  });

  test('env secret', async () => {
    const { file, steps } = render({ secretMode: 'env' });
    await expect(file.content).toMatchFileSnapshot('./golden/telegraf/sls-kafka.env.conf');
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot('./golden/telegraf/steps.env.md');
  });

  test('Telegraf 1.17-1.24 on RHEL', async () => {
    const { file, steps } = render({}, { telegrafVersion: '1.17-1.24', osFamily: 'rhel' });
    await expect(file.content).toMatchFileSnapshot('./golden/telegraf/sls-kafka.1.17-1.24.rhel.conf');
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot('./golden/telegraf/steps.1.17-1.24.rhel.md');
  });

  test('sandbox target', async () => {
    const { file, steps } = render({ target: 'sandbox' });
    await expect(file.content).toMatchFileSnapshot('./golden/telegraf/sls-kafka.sandbox.conf');
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot('./golden/telegraf/steps.sandbox.md');
  });

  test('complete telegraf.conf', async () => {
    const { file, steps } = render({ secretMode: 'env', expandJson: true }, { layout: 'complete' });
    expect(file.path).toBe('telegraf.conf');
    await expect(file.content).toMatchFileSnapshot('./golden/telegraf/telegraf.complete.conf');
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot('./golden/telegraf/steps.complete.md');
  });
});

// ---------------------------------------------------------------------------
// Parse-back of the default file

describe('default file parses back to the SLS facts', () => {
  test('the whole [[outputs.kafka]] table', () => {
    const { doc, kafka } = render();
    expect(Object.keys(doc)).toEqual(['outputs']);
    expect(kafka).toEqual({
      brokers: [`${EXPECTED_HOST}:10012`],
      client_id: 'telegraf-HOSTNAME_HERE',
      topic: EXAMPLE_INPUT.logstore,
      version: '2.1.0',
      compression_codec: 1,
      required_acks: 1,
      max_retry: 3,
      max_message_bytes: 1000000,
      metric_batch_size: 1000,
      idempotent_writes: false,
      enable_tls: true,
      insecure_skip_verify: false,
      sasl_mechanism: 'PLAIN',
      sasl_username: EXAMPLE_INPUT.project,
      sasl_password: EXAMPLE_PASSWORD,
      data_format: 'json',
    });
  });

  test('client_id names agent and host: the install step replaces the placeholder with hostname -s', () => {
    for (const layout of ['drop-in', 'complete'] as const) {
      const { steps } = renderTelegrafConfig(contextFor(), optionsFor({ layout }));
      const target = layout === 'complete' ? '/etc/telegraf/telegraf.conf' : '/etc/telegraf/telegraf.d/sls-kafka.conf';
      expect(steps.flatMap((s) => s.commands ?? [])).toContain(`sudo sed -i "s/HOSTNAME_HERE/$(hostname -s)/g" ${target}`);
    }
  });

  test('no comment claims SLS speaks only up to Kafka 2.1.1 (SLS documents 2.1.0 as the minimum)', () => {
    const { file } = render();
    expect(file.content).not.toMatch(/2\.1\.1/);
    expect(file.content).toContain('SLS supports 2.1.0 and later');
  });

  test('secret stores (Telegraf 1.27+) are never offered to the 1.17-1.24 file', () => {
    const old = renderTelegrafConfig(contextFor({ secretMode: 'env' }), optionsFor({ telegrafVersion: '1.17-1.24', osFamily: 'rhel' }));
    const oldText = JSON.stringify(old);
    expect(oldText).not.toMatch(/secretstores|secret store|@\{/);
    const recent = renderTelegrafConfig(contextFor({ secretMode: 'env' }), optionsFor({ telegrafVersion: '1.25+' }));
    const store = recent.steps.find((s) => s.title === 'Store the password for the service');
    expect(store?.detail).toContain('On Telegraf 1.27 or newer a secret store');
  });

  test('no message key, no topic suffix, no SASL version override', () => {
    const { kafka, file } = render();
    for (const key of ['routing_key', 'routing_tag', 'topic_tag', 'topic_suffix', 'sasl_version']) {
      expect(kafka).not.toHaveProperty(key);
    }
    // Not even in a comment-free reading of the text.
    expect(telegrafRemoveComments(file.content)).not.toMatch(/routing_(key|tag)/);
  });

  test('the # of the password stays inside the quoted value', () => {
    const { file } = render();
    expect(EXAMPLE_PASSWORD).toContain('#');
    expect(file.content).toContain(`sasl_password = "${EXAMPLE_PASSWORD}"`);
    const stripped = parse(telegrafRemoveComments(file.content)) as Table;
    expect(kafkaTable(stripped).sasl_password).toBe(EXAMPLE_PASSWORD);
  });

  test('Telegraf comment stripping and environment substitution leave every value unchanged', () => {
    const { file, doc } = render();
    expect(file.content).not.toContain('$');
    const stripped = telegrafRemoveComments(file.content);
    expect(parse(stripped)).toEqual(doc);
    expect(substituteOld(stripped, everyVariableSet)).toBe(stripped);
    expect(substituteNew(stripped, everyVariableSet)).toBe(stripped);
  });

  test('rendering is deterministic', () => {
    expect(render().file.content).toBe(render().file.content);
    expect(render().steps).toEqual(render().steps);
  });

  test('the registry renders Telegraf from settings', () => {
    const result = renderSettings(exampleSettings({ agents: { telegraf: {} } }));
    const files = result.files.filter((f) => f.agent === 'telegraf');
    expect(files.map((f) => f.path)).toEqual(['sls-kafka.conf']);
    expect(result.steps.some((s) => s.agent === 'telegraf')).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Option branches

describe('telegrafVersion decides how TLS is switched on', () => {
  test('1.25+: enable_tls = true and the system store (no tls_ca)', () => {
    for (const osFamily of ['debian', 'rhel', 'suse'] as const) {
      const { kafka } = render({}, { telegrafVersion: '1.25+', osFamily });
      expect(kafka.enable_tls).toBe(true);
      expect(kafka).not.toHaveProperty('tls_ca');
      expect(kafka.insecure_skip_verify).toBe(false);
    }
  });

  test.each([
    ['debian', '/etc/ssl/certs/ca-certificates.crt'],
    ['rhel', '/etc/pki/tls/certs/ca-bundle.crt'],
    ['suse', '/etc/ssl/ca-bundle.pem'],
  ] as const)('1.17-1.24 on %s: no enable_tls (ignored there), tls_ca = %s switches TLS on', (osFamily, bundle) => {
    const { kafka, steps } = render({}, { telegrafVersion: '1.17-1.24', osFamily });
    expect(kafka).not.toHaveProperty('enable_tls');
    expect(kafka.tls_ca).toBe(bundle);
    expect(kafka.insecure_skip_verify).toBe(false);
    expect(allCommands(steps)).toContain(`ls -l ${bundle}`);
  });

  test('custom CA path is named in both ranges', () => {
    for (const telegrafVersion of ['1.25+', '1.17-1.24'] as const) {
      const { kafka } = render({}, { telegrafVersion, osFamily: 'custom', caPath: '/opt/ca/bundle.pem' });
      expect(kafka.tls_ca).toBe('/opt/ca/bundle.pem');
      expect(kafka.enable_tls).toBe(telegrafVersion === '1.25+' ? true : undefined);
    }
  });

  test('the CA path is ignored unless the OS family is custom', () => {
    const { kafka } = render({}, { osFamily: 'debian', caPath: '/opt/ca/bundle.pem' });
    expect(kafka).not.toHaveProperty('tls_ca');
  });

  test('the version step names the range', () => {
    expect(stepText(render({}, { telegrafVersion: '1.25+' }).steps)).toContain('Telegraf 1.25 or newer');
    expect(stepText(render({}, { telegrafVersion: '1.17-1.24' }).steps)).toContain('Telegraf 1.17–1.24');
  });
});

describe('compression, acks, retries', () => {
  test.each([
    ['none', 0],
    ['gzip', 1],
    ['snappy', 2],
    ['lz4', 3],
    ['zstd', 4],
  ] as const)('compression %s → compression_codec = %i', (compression, codec) => {
    const { kafka, steps } = render({}, { compression });
    expect(kafka.compression_codec).toBe(codec);
    // zstd needs the pinned protocol version of at least 2.1.0.
    expect(kafka.version).toBe('2.1.0');
    const warned = steps.some((s) => s.kind === 'warning' && s.title.includes(compression));
    expect(warned).toBe(compression !== 'gzip' && compression !== 'none');
  });

  test.each([0, 1, -1] as const)('acks %i → required_acks', (acks) => {
    expect(render({}, { acks }).kafka.required_acks).toBe(acks);
  });

  test.each([0, 3, 10, 100])('maxRetry %i → max_retry', (maxRetry) => {
    expect(render({}, { maxRetry }).kafka.max_retry).toBe(maxRetry);
  });

  test('idempotence stays off in every combination', () => {
    for (const acks of [0, 1, -1] as const) {
      expect(render({}, { acks }).kafka.idempotent_writes).toBe(false);
    }
  });
});

describe('layout', () => {
  test('drop-in: only the output table; steps install into telegraf.d and warn about other outputs', () => {
    const { doc, file, steps } = render({}, { layout: 'drop-in' });
    expect(Object.keys(doc)).toEqual(['outputs']);
    expect(file.path).toBe('sls-kafka.conf');
    expect(allCommands(steps)).toContain(
      'sudo install -m 640 -o root -g telegraf sls-kafka.conf /etc/telegraf/telegraf.d/sls-kafka.conf',
    );
    expect(steps.some((s) => s.kind === 'warning' && s.detail?.includes('[[outputs.influxdb]]'))).toBe(true);
  });

  test('complete: [agent], the SLS output and cpu, mem, disk, system inputs', () => {
    const { doc, kafka, file, steps } = render({}, { layout: 'complete' });
    expect(file.path).toBe('telegraf.conf');
    expect(Object.keys(doc).sort()).toEqual(['agent', 'inputs', 'outputs']);
    expect(doc.agent).toMatchObject({ interval: '10s', flush_interval: '10s', omit_hostname: false });
    expect(Object.keys(doc.inputs as Table).sort()).toEqual(['cpu', 'disk', 'mem', 'system']);
    expect(kafka.sasl_mechanism).toBe('PLAIN');
    expect(allCommands(steps)).toContain('sudo install -m 640 -o root -g telegraf telegraf.conf /etc/telegraf/telegraf.conf');
    expect(allCommands(steps)).toContain('sudo cp -p /etc/telegraf/telegraf.conf /etc/telegraf/telegraf.conf.orig');
    expect(steps.some((s) => s.title === 'Other outputs keep running')).toBe(false);
  });
});

describe('secret mode', () => {
  test('inline: the password is in the file, never in the steps', () => {
    const { kafka, steps } = render({ secretMode: 'inline' });
    expect(kafka.sasl_password).toBe(EXAMPLE_PASSWORD);
    expect(stepText(steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    expect(allCommands(steps).some((c) => c.startsWith('sudo -u telegraf telegraf ') && c.includes('--once'))).toBe(true);
  });

  test('env: the file references SLS_KAFKA_PASSWORD, and Telegraf fills it in', () => {
    const { file, kafka, doc } = render({ secretMode: 'env' });
    expect(kafka.sasl_password).toBe('${SLS_KAFKA_PASSWORD}');
    expect(file.content).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    // The reference is the only `$` in the file.
    expect(file.content.split('$')).toHaveLength(2);
    const env = (name: string) => (name === 'SLS_KAFKA_PASSWORD' ? EXAMPLE_PASSWORD : undefined);
    for (const substitute of [substituteOld, substituteNew]) {
      const effective = parse(substitute(telegrafRemoveComments(file.content), env)) as Table;
      expect(kafkaTable(effective)).toEqual({ ...kafkaTable(doc), sasl_password: EXAMPLE_PASSWORD });
    }
  });

  test('env: the steps store the secret from a silent prompt in /etc/default/telegraf, mode 600', () => {
    const { steps } = render({ secretMode: 'env' });
    const text = stepText(steps);
    expect(text).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    expect(text).not.toContain(EXAMPLE_INPUT.accessKeyId);
    const commands = allCommands(steps);
    expect(commands).toContain('sudo touch /etc/default/telegraf && sudo chmod 600 /etc/default/telegraf');
    expect(commands.some((c) => c.startsWith('read -rsp ') && c.endsWith(' SLS_KAFKA_PASSWORD && echo'))).toBe(true);
    expect(commands.some((c) => c.includes('"$SLS_KAFKA_PASSWORD"') && c.includes('sudo tee -a /etc/default/telegraf'))).toBe(true);
    // The one-off test run loads the same file the service reads.
    expect(commands.some((c) => c.includes('. /etc/default/telegraf') && c.includes('--once'))).toBe(true);
  });
});

describe('target', () => {
  test('sls: brokers are the SLS endpoint, system trust store', () => {
    const { kafka, steps } = render({ target: 'sls' });
    expect(kafka.brokers).toEqual([`${EXPECTED_HOST}:10012`]);
    expect(kafka).not.toHaveProperty('tls_ca');
    expect(stepText(steps)).not.toContain('sandbox');
  });

  test.each(['1.25+', '1.17-1.24'] as const)('sandbox on %s: brokers are the sandbox, tls_ca the downloaded CA', (telegrafVersion) => {
    const { kafka, steps } = render({ target: 'sandbox' }, { telegrafVersion });
    expect(kafka.brokers).toEqual(['localhost:10012']);
    expect(kafka.tls_ca).toBe('/etc/telegraf/sls-sandbox-ca.pem');
    expect(kafka.insecure_skip_verify).toBe(false);
    expect(kafka.sasl_username).toBe(EXAMPLE_INPUT.project);
    expect(allCommands(steps)).toContain(`sudo curl -fsSo /etc/telegraf/sls-sandbox-ca.pem ${SANDBOX.caUrl}`);
  });
});

describe('topic and network', () => {
  test('expandJson off: topic = Logstore', () => {
    expect(render({ expandJson: false }).kafka.topic).toBe(EXAMPLE_INPUT.logstore);
  });

  test('expandJson on: topic = Logstore.json', () => {
    const { kafka, steps } = render({ expandJson: true });
    expect(kafka.topic).toBe(`${EXAMPLE_INPUT.logstore}.json`);
    expect(stepText(steps)).toContain('fields name, tags, fields and timestamp');
  });

  test('intranet: the -intranet host on port 10011', () => {
    expect(render({ network: 'intranet' }).kafka.brokers).toEqual([
      `${EXAMPLE_INPUT.project}.cn-hangzhou-intranet.log.aliyuncs.com:10011`,
    ]);
  });

  test('region host form: no project prefix', () => {
    expect(render({ hostForm: 'region' }).kafka.brokers).toEqual(['cn-hangzhou.log.aliyuncs.com:10012']);
  });
});

describe('steps', () => {
  test('every step belongs to telegraf and restarts, tests with --once, reads the journal', () => {
    const { steps } = render();
    expect(steps.every((s) => s.agent === 'telegraf')).toBe(true);
    const commands = allCommands(steps);
    expect(commands).toContain('sudo systemctl restart telegraf');
    expect(commands.some((c) => c.startsWith('sudo journalctl -u telegraf'))).toBe(true);
    const once = commands.find((c) => c.includes('--once'));
    expect(once).toContain('--config /etc/telegraf/telegraf.conf --config-directory /etc/telegraf/telegraf.d');
    expect(once).toContain('--output-filter kafka');
    expect(commands.some((c) => c.includes('--test'))).toBe(false);
  });

  test('a CA path with shell metacharacters is single-quoted in the ls command', () => {
    const { steps } = render({}, { osFamily: 'custom', caPath: "/opt/it's $HOME/ca.pem" });
    expect(allCommands(steps)).toContain(`ls -l '/opt/it'\\''s $HOME/ca.pem'`);
  });
});

// ---------------------------------------------------------------------------
// Options schema

describe('options schema', () => {
  function firstMessage(input: unknown): string {
    const result = telegrafOptionsSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues[0]!.message;
  }

  test.each([
    [{ telegrafVersion: '1.16' }, 'Telegraf version:'],
    [{ layout: 'full' }, 'Layout:'],
    [{ compression: 'brotli' }, 'Compression:'],
    [{ compression: 1 }, 'Compression:'],
    [{ acks: 2 }, 'Acks:'],
    [{ acks: 'all' }, 'Acks:'],
    [{ maxRetry: -1 }, 'Max retries:'],
    [{ maxRetry: 1.5 }, 'Max retries:'],
    [{ maxRetry: 101 }, 'Max retries:'],
    [{ osFamily: 'windows' }, 'OS family:'],
    [{ caPath: 3 }, 'CA path:'],
    [{ osFamily: 'custom' }, 'CA path:'],
    [{ osFamily: 'custom', caPath: 'certs/ca.pem' }, 'CA path:'],
    [{ osFamily: 'custom', caPath: '/etc/ssl/certs/' }, 'CA path:'],
    [{ osFamily: 'custom', caPath: '/etc/ssl/ca.pem\ninsecure_skip_verify = true' }, 'CA path:'],
    [{ routingKey: 'content' }, 'Telegraf options:'],
  ])('%j is rejected with a message naming the field', (input, prefix) => {
    const message = firstMessage(input);
    expect(message.startsWith(prefix)).toBe(true);
    // Says what to do, not only what is wrong.
    expect(message.length).toBeGreaterThan(prefix.length + 20);
  });

  test('custom OS family without a path puts the error on caPath', () => {
    const result = telegrafOptionsSchema.safeParse({ osFamily: 'custom' });
    expect(result.error?.issues[0]?.path).toEqual(['caPath']);
  });
});

// ---------------------------------------------------------------------------
// Property tests

/** Fragments that break naive quoting or trigger Telegraf's own interpolation. */
const hostileFragment = fc.constantFrom(
  '"',
  "'",
  '\\',
  '\\"',
  '\n',
  '\r\n',
  '\t',
  '#',
  ' # x',
  '${',
  '${SLS_KAFKA_PASSWORD}',
  '$HOME',
  '$$',
  '$',
  '#{x}',
  '@{a:b}',
  '"""',
  "'''",
  ']',
  '[[outputs.kafka]]',
  '\ninsecure_skip_verify = true\n',
  '\u0000',
  '\u007f',
  '\u2028',
  'é',
  '😀',
  '\ud800',
);
const hostileText = fc
  .array(fc.oneof(hostileFragment, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 10 })
  .map((parts) => parts.join(''));

describe('tomlString (the quoting helper)', () => {
  test('parses back to exactly the value, on one line, with no dollar left for Telegraf to substitute', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        if (/\p{Cs}/u.test(value)) {
          expect(() => tomlString(value)).toThrow(RangeError);
          return;
        }
        const quoted = tomlString(value);
        expect(quoted).not.toMatch(/[\n\r$]/);
        const text = `a = ${quoted} # trailing comment\nb = 1\n`;
        expect(parse(text)).toEqual({ a: value, b: 1 });
        const stripped = telegrafRemoveComments(text);
        expect(parse(stripped)).toEqual({ a: value, b: 1 });
        expect(substituteOld(stripped, everyVariableSet)).toBe(stripped);
        expect(substituteNew(stripped, everyVariableSet)).toBe(stripped);
      }),
      { numRuns: 500 },
    );
  });

  test('a dollar is written as the TOML escape \\u0024', () => {
    expect(tomlString('a$b')).toBe('"a\\u0024b"');
    expect(parse(`v = ${tomlString('${X}')}`)).toEqual({ v: '${X}' });
  });

  test('env references accept variable names only', () => {
    expect(tomlEnvReference('SLS_KAFKA_PASSWORD')).toBe('"${SLS_KAFKA_PASSWORD}"');
    for (const bad of ['', '1A', 'A-B', 'A}', 'A B', '${A}']) {
      expect(() => tomlEnvReference(bad)).toThrow(RangeError);
    }
  });
});

describe('renderer with hostile free text', () => {
  const baseline = render({}, { osFamily: 'custom', caPath: '/placeholder.pem' });

  test('CA path: rejected with a “CA path:” message, or written so that only tls_ca changes', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, hostileText.map((t) => `/${t}`)), (caPath) => {
        const parsed = telegrafOptionsSchema.safeParse({ osFamily: 'custom', caPath });
        if (!parsed.success) {
          expect(parsed.error.issues.every((i) => i.message.startsWith('CA path:'))).toBe(true);
          return;
        }
        const { file, doc } = (() => {
          const result = renderTelegrafConfig(contextFor(), parsed.data);
          const f = result.files[0]!;
          return { file: f, doc: parse(f.content) as Table };
        })();
        expect(kafkaTable(doc)).toEqual({ ...baseline.kafka, tls_ca: caPath });
        // Same lines as the baseline except the tls_ca line: nothing injected.
        const lines = file.content.split('\n');
        const baseLines = baseline.file.content.split('\n');
        expect(lines).toHaveLength(baseLines.length);
        const changed = lines.flatMap((line, i) => (line === baseLines[i] ? [] : [line]));
        expect(changed).toEqual([`  tls_ca = ${tomlString(caPath)}`]);
        const stripped = telegrafRemoveComments(file.content);
        expect(parse(stripped)).toEqual(doc);
        expect(substituteNew(stripped, everyVariableSet)).toBe(stripped);
        expect(substituteOld(stripped, everyVariableSet)).toBe(stripped);
      }),
      { numRuns: 300 },
    );
  });

  test('username, password, topic and broker host: parsed back exactly, or refused', () => {
    const ctx = contextFor();
    const options = optionsFor();
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, (username, password, topic, host) => {
        const hostile: RenderContext = {
          ...ctx,
          username,
          password,
          topic,
          endpoint: { host, port: 10012, bootstrap: `${host}:10012` },
        };
        const values = [username, password, topic, host];
        const unrepresentable =
          values.some((v) => /\p{Cs}/u.test(v)) || [username, password].some((v) => /@\{\w+:\w+\}/.test(v));
        if (unrepresentable) {
          expect(() => renderTelegrafConfig(hostile, options)).toThrow(RangeError);
          return;
        }
        const content = renderTelegrafConfig(hostile, options).files[0]!.content;
        const kafka = kafkaTable(parse(content) as Table);
        expect(kafka).toEqual({
          ...render().kafka,
          brokers: [`${host}:10012`],
          topic,
          sasl_username: username,
          sasl_password: password,
        });
        expect(content).not.toContain('$');
        expect(content.split('\n')).toHaveLength(render().file.content.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });
});
