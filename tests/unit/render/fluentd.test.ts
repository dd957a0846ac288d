/**
 * Fluentd renderer: golden files at default settings, every option branch,
 * parse-back with the test-side Fluentd v1 parser (which refuses any Ruby
 * interpolation unless asked to mark it), and property tests for the quoting
 * helper and for every free-text value that reaches the file.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRenderContext, type RenderContext } from '@/lib/agents';
import { renderFluentdConfig, sampleTag } from '@/lib/agents/fluentd/render';
import {
  fluentdDirectiveArg,
  fluentdDoubleQuoted,
  fluentdEnvReference,
  fluentdSingleQuoted,
  fluentdString,
} from '@/lib/config-languages/fluentd/quote';
import type { RenderStep } from '@/lib/agents/types';
import { fluentdOptionsSchema, type FluentdOptions } from '@/lib/agents/fluentd/schema';
import { fieldErrors, type SettingsInput } from '@/lib/settings/schema';
import {
  FluentdInterpolationError,
  FluentdParseError,
  fluentdArrayValue,
  onlyChild,
  paramValue,
  parseFluentdConfig,
  rubyMarker,
  type FluentdElement,
} from '@/lib/config-languages/fluentd/parser';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';
import { SANDBOX, allCommands, contextFor, stepText } from '@/tests/support/render-helpers';

// ---------------------------------------------------------------------------
// Helpers

const SLS_BOOTSTRAP = 'test-project-1.cn-hangzhou.log.aliyuncs.com:10012';
const ENV_CODE = "ENV['SLS_KAFKA_PASSWORD']";
const HOSTNAME_CODE = 'Socket.gethostname';

function optionsFor(input: unknown = {}): FluentdOptions {
  return fluentdOptionsSchema.parse(input);
}

function renderWith(ctx: RenderContext, options: unknown = {}) {
  const result = renderFluentdConfig(ctx, optionsFor(options));
  expect(result.files).toHaveLength(1);
  const file = result.files[0]!;
  // The only Ruby the file may run: the host name for client_id, and in env mode the password lookup.
  const doc = parseFluentdConfig(file.content, { interpolation: 'marker' });
  expect(doc.interpolations).toEqual(ctx.secretMode === 'env' ? [HOSTNAME_CODE, ENV_CODE] : [HOSTNAME_CODE]);
  expect(doc.root.params).toEqual([]);
  expect(doc.root.elements.map((e) => e.name)).toEqual(['label', 'match']);
  const match = onlyChild(doc.root, 'match');
  return { result, file, doc, match, steps: result.steps };
}

function render(overrides: Partial<SettingsInput> = {}, options: unknown = {}) {
  return renderWith(contextFor(overrides), options);
}

function param(element: FluentdElement, key: string): string | undefined {
  return paramValue(element, key);
}

/** Each named parameter of `element` has the given value (undefined: absent). */
function expectParams(element: FluentdElement, expected: Readonly<Record<string, string | undefined>>): void {
  expect(Object.fromEntries(Object.keys(expected).map((key) => [key, param(element, key)]))).toEqual(expected);
}

function keys(element: FluentdElement): string[] {
  return element.params.map((p) => p.key);
}

/** Steps as Markdown, for the reviewed golden files. */
function stepsMarkdown(steps: RenderStep[]): string {
  return steps
    .map((s, i) => {
      const head = `## ${i + 1}. ${s.kind === 'warning' ? '⚠ ' : ''}${s.title}`;
      const detail = s.detail ? `\n\n${s.detail}` : '';
      const commands = s.commands?.length ? `\n\n\`\`\`sh\n${s.commands.join('\n')}\n\`\`\`` : '';
      return `${head}${detail}${commands}\n`;
    })
    .join('\n');
}

/** A parsed tree with the given parameter values (and the match argument) blanked, to compare structure. */
function blanked(element: FluentdElement, blankKeys: readonly string[], blankArg: boolean): unknown {
  return {
    name: element.name,
    arg: blankArg && element.name === 'match' ? '<ARG>' : element.arg,
    params: element.params.map((p) => ({ key: p.key, value: blankKeys.includes(p.key) ? '<VALUE>' : p.value })),
    elements: element.elements.map((e) => blanked(e, blankKeys, blankArg)),
  };
}

// ---------------------------------------------------------------------------
// Golden files (reviewed by eye: this is what users paste)

describe('golden files', () => {
  test('defaults: fluent-package, inline secret, SLS', async () => {
    const { file, steps } = render();
    expect(file).toMatchObject({ agent: 'fluentd', path: 'sls-kafka.conf', language: 'fluentd' });
    await expect(file.content).toMatchFileSnapshot('./golden/fluentd/sls-kafka.conf');
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot('./golden/fluentd/steps.md');
  });

  test('env secret, sandbox, expand JSON, td-agent, snappy', async () => {
    const { file, steps } = render(
      { secretMode: 'env', target: 'sandbox', expandJson: true },
      { package: 'td-agent', compression: 'snappy' },
    );
    await expect(file.content).toMatchFileSnapshot('./golden/fluentd/sls-kafka.env-sandbox-td-agent.conf');
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot('./golden/fluentd/steps.env-sandbox-td-agent.md');
  });
});

// ---------------------------------------------------------------------------
// Parse-back of the default file

describe('default config parsed back', () => {
  const { match, doc, file } = render();

  test('is one kafka2 match block for all events', () => {
    expect(match.arg).toBe('**');
    expect(param(match, '@type')).toBe('kafka2');
    expect(doc.interpolations).toEqual([HOSTNAME_CODE]);
  });

  test("Fluentd's own fluent.* events go to <label @FLUENT_LOG>, before the catch-all match", () => {
    const label = onlyChild(doc.root, 'label');
    expect(label.arg).toBe('@FLUENT_LOG');
    const inner = onlyChild(label, 'match');
    expect(inner.arg).toBe('fluent.**');
    expect(param(inner, '@type')).toBe('null');
    expect(doc.root.elements.map((e) => e.name)).toEqual(['label', 'match']);
  });

  test('client_id names the agent and the host (Socket.gethostname at start-up)', () => {
    expect(param(match, 'client_id')).toBe(`fluentd-${rubyMarker(HOSTNAME_CODE)}`);
  });

  test('chunks that cannot be sent go to a secondary_file, and a full buffer blocks', () => {
    const secondary = onlyChild(match, 'secondary');
    expect(param(secondary, '@type')).toBe('secondary_file');
    expect(param(secondary, 'directory')).toBe('/var/log/fluent/failed/sls-kafka');
    expect(param(onlyChild(match, 'buffer'), 'overflow_action')).toBe('block');
    expect(file.content).toContain('kafka2 produces each record as its own Kafka');
    expect(file.content).not.toContain('A chunk is sent in one request');
  });

  test('endpoint, topic and SASL PLAIN credentials', () => {
    expect(fluentdArrayValue(param(match, 'brokers')!)).toEqual([SLS_BOOTSTRAP]);
    expect(param(match, 'topic')).toBe(EXAMPLE_INPUT.logstore);
    expect(param(match, 'default_topic')).toBe(EXAMPLE_INPUT.logstore);
    expect(param(match, 'username')).toBe(EXAMPLE_INPUT.project);
    expect(param(match, 'password')).toBe(EXAMPLE_PASSWORD);
    // PLAIN is what kafka2 uses when username/password are set without scram_mechanism.
    expect(keys(match)).not.toContain('scram_mechanism');
    expect(keys(match)).not.toContain('principal');
  });

  test('TLS on and verified against the system store', () => {
    expectParams(match, {
      sasl_over_ssl: 'true',
      ssl_ca_certs_from_system: 'true',
      ssl_verify_hostname: 'true',
    });
    expect(keys(match)).not.toContain('ssl_ca_cert');
  });

  test('no constant key: ruby-kafka picks a random shard', () => {
    for (const key of ['default_message_key', 'default_partition_key', 'default_partition']) {
      expect(keys(match)).not.toContain(key);
    }
    // Record fields that kafka2 would route by point at names logs do not use.
    expectParams(match, {
      partition_key: '__sls_kafka_partition',
      partition_key_key: '__sls_kafka_partition_key',
      message_key_key: '__sls_kafka_message_key',
    });
  });

  test('producer settings', () => {
    expectParams(match, {
      required_acks: '-1',
      compression_codec: 'gzip',
      idempotent: 'false',
      max_send_retries: '2',
      use_event_time: 'true',
      max_send_limit_bytes: '1000000',
      get_kafka_client_log: 'false',
    });
  });

  test('json format, tag injected, file buffer', () => {
    expect(param(onlyChild(match, 'format'), '@type')).toBe('json');
    expect(onlyChild(match, 'inject').params).toEqual([{ key: 'tag_key', value: 'tag' }]);
    const buffer = onlyChild(match, 'buffer');
    expect(buffer.arg).toBe('');
    expectParams(buffer, {
      '@type': 'file',
      path: '/var/log/fluent/buffer/sls-kafka',
      flush_mode: 'interval',
      flush_interval: '5s',
      chunk_limit_size: '1m',
      total_limit_size: '1g',
      retry_max_interval: '30s',
    });
  });

  test('no legacy kafka-output parameters', () => {
    for (const key of ['output_data_type', 'output_include_tag', 'output_include_time', 'zookeeper']) {
      expect(keys(match)).not.toContain(key);
    }
    expect(file.content).not.toMatch(/@type kafka\s*$/m);
  });
});

// ---------------------------------------------------------------------------
// Settings branches

describe('settings branches', () => {
  test('inline secret: single-quoted, literal, never in the steps', () => {
    const { file, match, steps } = render({ secretMode: 'inline' });
    expect(file.content).toContain(`password '${EXAMPLE_PASSWORD}'`);
    expect(param(match, 'password')).toBe(EXAMPLE_PASSWORD);
    expect(stepText(steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    expect(stepText(steps)).toContain('holds the AccessKey secret');
  });

  test('env secret: Ruby ENV reference, the secret nowhere, a prompt to store it', () => {
    const { file, match, doc, steps } = render({ secretMode: 'env' });
    expect(param(match, 'password')).toBe(rubyMarker(ENV_CODE));
    expect(doc.interpolations).toEqual([HOSTNAME_CODE, ENV_CODE]);
    expect(() => parseFluentdConfig(file.content)).toThrow(FluentdInterpolationError);
    expect(file.content).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    const text = stepText(steps);
    expect(text).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    expect(text).not.toContain(EXAMPLE_INPUT.accessKeyId);
    const commands = allCommands(steps);
    expect(commands).toContain("printf 'AccessKeyId#AccessKeySecret: '; read -rs SLS_KAFKA_PASSWORD; echo");
    expect(commands).toContain('sudo install -m 600 -o root -g root /dev/null /etc/fluent/sls-kafka.env');
    expect(commands).toContain(
      "printf '[Service]\\nEnvironmentFile=/etc/fluent/sls-kafka.env\\n' | sudo tee /etc/systemd/system/fluentd.service.d/sls-kafka.conf >/dev/null",
    );
    expect(commands).toContain('sudo systemctl daemon-reload');
    expect(commands).toContain(
      "sudo cat /proc/$(systemctl show -p MainPID --value fluentd)/environ | tr '\\0' '\\n' | grep -c '^SLS_KAFKA_PASSWORD='",
    );
  });

  test('target sls vs sandbox', () => {
    const sls = render({ target: 'sls' });
    expect(fluentdArrayValue(param(sls.match, 'brokers')!)).toEqual([SLS_BOOTSTRAP]);
    expect(stepText(sls.steps)).not.toContain('sandbox');

    const sandbox = render({ target: 'sandbox' });
    expect(fluentdArrayValue(param(sandbox.match, 'brokers')!)).toEqual(['localhost:10012']);
    expect(param(sandbox.match, 'ssl_ca_cert')).toBe('/etc/fluent/sls-sandbox-ca.pem');
    expect(keys(sandbox.match)).not.toContain('ssl_ca_certs_from_system');
    expect(param(sandbox.match, 'ssl_verify_hostname')).toBe('true');
    expect(param(sandbox.match, 'username')).toBe(EXAMPLE_INPUT.project);
    expect(allCommands(sandbox.steps)).toContain(
      "sudo curl -fsSo '/etc/fluent/sls-sandbox-ca.pem' 'http://localhost:3000/api/sandbox/ca'",
    );
  });

  test('sandbox on an IPv6 literal: brokers as a JSON list', () => {
    const ctx = createRenderContext(exampleSettings({ target: 'sandbox' }), { sandbox: { ...SANDBOX, host: '::1' } });
    const { match } = renderWith(ctx);
    expect(fluentdArrayValue(param(match, 'brokers')!)).toEqual(['[::1]:10012']);
  });

  test('expand JSON on and off: the data-parse-format header with format json, the .json topic with single_value', () => {
    const json = render({ expandJson: true }).match;
    expect(param(json, 'topic')).toBe('test-logstore-1');
    expect(param(json, 'default_topic')).toBe('test-logstore-1');
    expect(JSON.parse(param(json, 'headers')!)).toEqual({ 'data-parse-format': 'json' });
    const single = render({ expandJson: true }, { format: 'single_value' }).match;
    expect(param(single, 'topic')).toBe('test-logstore-1.json');
    expect(param(single, 'headers')).toBeUndefined();
    expect(param(render({ expandJson: false }).match, 'topic')).toBe('test-logstore-1');
    expect(param(render({ expandJson: false }).match, 'headers')).toBeUndefined();
  });

  test('network intranet and the region host form', () => {
    expect(fluentdArrayValue(param(render({ network: 'intranet' }).match, 'brokers')!)).toEqual([
      'test-project-1.cn-hangzhou-intranet.log.aliyuncs.com:10011',
    ]);
    expect(fluentdArrayValue(param(render({ hostForm: 'region' }).match, 'brokers')!)).toEqual([
      'cn-hangzhou.log.aliyuncs.com:10012',
    ]);
  });
});

// ---------------------------------------------------------------------------
// Option branches

describe('option branches', () => {
  test('package fluent-package vs td-agent: paths, service, gem command', () => {
    const fp = render({}, { package: 'fluent-package' });
    const fpText = stepText(fp.steps);
    expect(fpText).toContain('/etc/fluent/conf.d/sls-kafka.conf');
    expect(fpText).toContain('sudo fluentd --dry-run -c /etc/fluent/fluentd.conf');
    expect(fpText).toContain('sudo systemctl restart fluentd');
    expect(fpText).toContain('sudo fluent-gem list fluent-plugin-kafka');
    expect(fpText).toContain('/var/log/fluent/fluentd.log');

    const td = render({ target: 'sandbox' }, { package: 'td-agent' });
    const tdText = stepText(td.steps);
    expect(param(onlyChild(td.match, 'buffer'), 'path')).toBe('/var/log/td-agent/buffer/sls-kafka');
    expect(param(td.match, 'ssl_ca_cert')).toBe('/etc/td-agent/sls-sandbox-ca.pem');
    expect(tdText).toContain('/etc/td-agent/conf.d/sls-kafka.conf');
    expect(tdText).toContain('sudo td-agent --dry-run -c /etc/td-agent/td-agent.conf');
    expect(tdText).toContain('sudo systemctl restart td-agent');
    expect(tdText).toContain('sudo td-agent-gem list fluent-plugin-kafka');
    expect(tdText).toContain('/var/log/td-agent/td-agent.log');
    expect(tdText).not.toContain('/etc/fluent/');
  });

  test('match pattern goes into the directive and the test tag', () => {
    const { match, steps } = render({}, { match: 'app.** {nginx,apache}.access' });
    expect(match.arg).toBe('app.** {nginx,apache}.access');
    expect(allCommands(steps).some((c) => c.includes("fluent-cat 'app.sls.test'"))).toBe(true);
    expect(sampleTag('**')).toBe('sls.test');
    expect(sampleTag('{nginx,apache}.access')).toBe('nginx.access');
    expect(sampleTag('*.*')).toBe('test.test');
    expect(sampleTag('{}')).toBe('sls.test');
  });

  test.each([
    ['none', undefined, undefined],
    ['gzip', 'gzip', undefined],
    ['snappy', 'snappy', 'snappy'],
    ['lz4', 'lz4', 'extlz4'],
    ['zstd', 'zstd', 'zstd-ruby'],
  ] as const)('compression %s', (compression, codec, gem) => {
    const { match, steps } = render({}, { compression });
    expect(param(match, 'compression_codec')).toBe(codec);
    const gemSteps = steps.filter((s) => s.title.startsWith('Install the'));
    if (gem === undefined) {
      expect(gemSteps).toEqual([]);
    } else {
      expect(gemSteps).toHaveLength(1);
      expect(gemSteps[0]!.kind).toBe('warning');
      expect(gemSteps[0]!.commands).toEqual([`sudo fluent-gem install ${gem}`]);
    }
  });

  test.each([
    ['all', '-1'],
    ['leader', '1'],
  ] as const)('acks %s', (acks, required) => {
    expect(param(render({}, { acks }).match, 'required_acks')).toBe(required);
  });

  test('format json vs single_value', () => {
    const json = render({}, { format: 'json' });
    expect(param(onlyChild(json.match, 'format'), '@type')).toBe('json');

    const single = render({}, { format: 'single_value', includeTag: true, includeTime: true });
    const format = onlyChild(single.match, 'format');
    expectParams(format, {
      '@type': 'single_value',
      message_key: 'message',
      add_newline: 'false',
    });
    expect(single.match.elements.map((e) => e.name)).toEqual(['format', 'buffer', 'secondary']);
  });

  test('single_value with expand JSON warns', () => {
    const warned = render({ expandJson: true }, { format: 'single_value' }).steps.filter((s) => s.title.includes('.json topic'));
    expect(warned).toHaveLength(1);
    expect(warned[0]!.kind).toBe('warning');
    expect(render({ expandJson: true }, { format: 'json' }).steps.filter((s) => s.title.includes('.json topic'))).toEqual([]);
  });

  test.each([
    [true, true, [['tag_key', 'tag'], ['time_key', 'time'], ['time_type', 'string'], ['time_format', '%Y-%m-%dT%H:%M:%S.%3NZ'], ['utc', 'true']]],
    [true, false, [['tag_key', 'tag']]],
    [false, true, [['time_key', 'time'], ['time_type', 'string'], ['time_format', '%Y-%m-%dT%H:%M:%S.%3NZ'], ['utc', 'true']]],
    [false, false, undefined],
  ] as const)('includeTag %s, includeTime %s', (includeTag, includeTime, inject) => {
    const { match } = render({}, { includeTag, includeTime });
    const found = match.elements.filter((e) => e.name === 'inject');
    if (inject === undefined) {
      expect(found).toEqual([]);
    } else {
      expect(found).toHaveLength(1);
      expect(found[0]!.params.map((p) => [p.key, p.value])).toEqual(inject);
    }
  });

  test.each([
    [true, 'true'],
    [false, 'false'],
  ] as const)('useEventTime %s', (useEventTime, value) => {
    expect(param(render({}, { useEventTime }).match, 'use_event_time')).toBe(value);
  });

  test.each([
    [true, 'true'],
    [false, 'false'],
  ] as const)('kafkaClientLog %s', (kafkaClientLog, value) => {
    const { match, steps } = render({}, { kafkaClientLog });
    expect(param(match, 'get_kafka_client_log')).toBe(value);
    expect(stepText(steps).includes('set Kafka client log on')).toBe(!kafkaClientLog);
  });

  test('caMode file: one PEM file instead of the system store', () => {
    const { match, steps } = render({}, { caMode: 'file', caPath: '/etc/pki/tls/certs/ca-bundle.crt' });
    expect(fluentdArrayValue(param(match, 'ssl_ca_cert')!)).toEqual(['/etc/pki/tls/certs/ca-bundle.crt']);
    expect(keys(match)).not.toContain('ssl_ca_certs_from_system');
    expect(param(match, 'ssl_verify_hostname')).toBe('true');
    expect(allCommands(steps)).toContain("sudo openssl x509 -noout -subject -in '/etc/pki/tls/certs/ca-bundle.crt'");
  });

  test('caMode system ignores caPath; the sandbox CA wins over caMode file', () => {
    const system = render({}, { caMode: 'system', caPath: '/ignored.pem' });
    expect(system.file.content).not.toContain('/ignored.pem');
    const sandbox = render({ target: 'sandbox' }, { caMode: 'file', caPath: '/etc/ssl/own.pem' });
    expect(param(sandbox.match, 'ssl_ca_cert')).toBe('/etc/fluent/sls-sandbox-ca.pem');
    expect(sandbox.file.content).not.toContain('/etc/ssl/own.pem');
  });

  test('buffer path, flush interval and sizes', () => {
    const { match, steps } = render(
      {},
      { bufferPath: '/data/fluent buffer/sls', flushInterval: 30, chunkLimitSize: '512k', totalLimitSize: '4g' },
    );
    const buffer = onlyChild(match, 'buffer');
    expectParams(buffer, {
      path: '/data/fluent buffer/sls',
      flush_interval: '30s',
      chunk_limit_size: '512k',
      total_limit_size: '4g',
    });
    expect(allCommands(steps)).toContain('sleep 35');
  });
});

// ---------------------------------------------------------------------------
// Options schema

describe('options schema', () => {
  function errorsFor(options: unknown): Record<string, string> {
    const res = fluentdOptionsSchema.safeParse(options);
    expect(res.success).toBe(false);
    return Object.fromEntries(fieldErrors(res.error!).map((e) => [e.field, e.message]));
  }

  test.each([
    [{ match: '' }, 'match', /^Match pattern: enter a tag pattern/],
    [{ match: 'app.>' }, 'match', /^Match pattern: use only letters/],
    [{ match: ' app' }, 'match', /^Match pattern: separate patterns with single spaces/],
    [{ match: 'a  b' }, 'match', /^Match pattern: separate patterns with single spaces/],
    [{ match: '{a,b' }, 'match', /^Match pattern: use braces as \{a,b\}/],
    [{ match: '{{a}}' }, 'match', /^Match pattern: use braces/],
    [{ match: 'a#{x}' }, 'match', /^Match pattern: use only letters/],
    [{ caMode: 'file' }, 'caPath', /^CA path: enter the PEM file to trust/],
    [{ caMode: 'file', caPath: 'certs/ca.pem' }, 'caPath', /^CA path: enter an absolute path/],
    [{ caMode: 'file', caPath: '/a,b.pem' }, 'caPath', /^CA path: remove the comma/],
    [{ caMode: 'file', caPath: '/a\nb.pem' }, 'caPath', /^CA path: remove the line break/],
    [{ bufferPath: 'buffer' }, 'bufferPath', /^Buffer path: enter an absolute path/],
    [{ bufferPath: '/var/buf ' }, 'bufferPath', /^Buffer path: remove the spaces/],
    [{ bufferPath: '/var/\ud800' }, 'bufferPath', /^Buffer path: remove the broken/],
    [{ flushInterval: 0 }, 'flushInterval', /^Flush interval: enter at least 1 second/],
    [{ flushInterval: 1.5 }, 'flushInterval', /^Flush interval: enter whole seconds/],
    [{ flushInterval: '5' }, 'flushInterval', /^Flush interval: enter a number of seconds/],
    [{ chunkLimitSize: '10x' }, 'chunkLimitSize', /^Chunk limit size: enter a number with k, m or g/],
    [{ chunkLimitSize: '100m' }, 'chunkLimitSize', /^Chunk limit size: choose a size from 64k to 8m/],
    [{ totalLimitSize: '1k' }, 'totalLimitSize', /^Total limit size: choose a size from 16m to 512g/],
    [{ compression: 'brotli' }, 'compression', /^Compression: choose none, gzip, snappy, lz4 or zstd/],
    [{ acks: 0 }, 'acks', /^Acks: choose/],
    [{ package: 'td-agent-3' }, 'package', /^Package: choose/],
    [{ format: 'ltsv' }, 'format', /^Format: choose/],
    [{ caMode: 'keystore' }, 'caMode', /^CA mode: choose/],
    [{ includeTag: 'yes' }, 'includeTag', /^Include tag: expected true or false/],
    [{ colour: 'red' }, 'colour', /^Unknown Fluentd option “colour”: remove it/],
  ])('rejects %j', (options, field, message) => {
    expect(errorsFor(options)[field]).toMatch(message);
  });

  test('errors are reported under agents.fluentd in the settings', () => {
    const res = fluentdOptionsSchema.safeParse({ match: 'a>b' });
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]!.path).toEqual(['match']);
  });
});

// ---------------------------------------------------------------------------
// Quoting helper

/** Characters that matter to Fluentd's grammar, plus unicode. */
const hostileChar = fc.oneof(
  fc.constantFrom('"', "'", '\\', '#', '{', '}', '$', '#{', '${', '\n', '\r', '\t', '\f', '\b', '\0', '\u0001', '\u007f', ' ', '<', '>', '[', ']', ',', 'é', '中', '😀', '\u2028', '\ufeff'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const hostileString = fc.array(hostileChar, { maxLength: 24 }).map((parts) => parts.join(''));

function parseOneParam(valueText: string) {
  const doc = parseFluentdConfig(`<match **>\n  key ${valueText}\n  after 1\n</match>\n`);
  const match = onlyChild(doc.root, 'match');
  return { doc, match };
}

describe('Fluentd quoting helper', () => {
  test('any well-formed string round-trips as exactly one value, with no interpolation', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: 'grapheme' })), (value) => {
        const { doc, match } = parseOneParam(fluentdString(value));
        expect(match.params).toEqual([
          { key: 'key', value },
          { key: 'after', value: '1' },
        ]);
        expect(match.elements).toEqual([]);
        expect(doc.interpolations).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  test('both quoting forms round-trip on their own', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        expect(parseOneParam(fluentdDoubleQuoted(value)).match.params[0]!.value).toBe(value);
        if (!/[\r\n]/.test(value)) expect(parseOneParam(fluentdSingleQuoted(value)).match.params[0]!.value).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });

  test('the forms users see', () => {
    expect(fluentdString('LTAI5t#secret')).toBe("'LTAI5t#secret'");
    expect(fluentdString("it's a\\b")).toBe("'it\\'s a\\\\b'");
    expect(fluentdString('a\nb#{c}')).toBe('"a\\nb\\#{c}"');
    expect(fluentdDoubleQuoted('"#{ENV}"')).toBe('"\\"\\#{ENV}\\""');
  });

  test('a raw #{ in double quotes would be evaluated: the parser catches it', () => {
    expect(() => parseOneParam('"#{1+1}"')).toThrow(FluentdInterpolationError);
    expect(() => parseOneParam(fluentdDoubleQuoted('#{1+1}'))).not.toThrow();
  });

  test('unquoted text would lose a comment and a trailing value: why user text is always quoted', () => {
    expect(parseOneParam('abc #def').match.params[0]!.value).toBe('abc');
    expect(parseOneParam(fluentdString('abc #def')).match.params[0]!.value).toBe('abc #def');
  });

  test('unpaired surrogates and line breaks in single quotes are refused', () => {
    expect(() => fluentdString('a\ud800')).toThrow(RangeError);
    expect(() => fluentdDoubleQuoted('\udc00')).toThrow(RangeError);
    expect(() => fluentdSingleQuoted('a\nb')).toThrow(RangeError);
  });

  test('directive arguments: tag patterns pass, anything that could end the directive is refused', () => {
    expect(fluentdDirectiveArg('app.** {a,b}.c')).toBe('app.** {a,b}.c');
    for (const bad of ['', ' a', 'a>', 'a<b', 'a#{x}', '"a"', "'a'", 'a\nb', 'a\\b']) {
      expect(() => fluentdDirectiveArg(bad)).toThrow(RangeError);
    }
  });

  test('the environment reference is the only interpolation, and takes only a variable name', () => {
    const { doc, match } = (() => {
      const d = parseFluentdConfig(`<match **>\n  password ${fluentdEnvReference('SLS_KAFKA_PASSWORD')}\n</match>\n`, {
        interpolation: 'marker',
      });
      return { doc: d, match: onlyChild(d.root, 'match') };
    })();
    expect(param(match, 'password')).toBe(rubyMarker(ENV_CODE));
    expect(doc.interpolations).toEqual([ENV_CODE]);
    for (const bad of ["X']}; system('id'); #", 'a b', '', 'lower']) {
      expect(() => fluentdEnvReference(bad)).toThrow(RangeError);
    }
  });

  test('the test parser rejects malformed configs', () => {
    for (const bad of ['<match **>\n', '<match **>\n</source>\n', "<match **>\n  k 'open\n</match>\n", '<match **> x\n</match>\n', '@bogus 1\n']) {
      expect(() => parseFluentdConfig(bad)).toThrow(FluentdParseError);
    }
  });
});

// ---------------------------------------------------------------------------
// Free-text values through the renderer

describe('free-text values through the renderer', () => {
  const baseCtx = contextFor();
  const baseline = renderWith(baseCtx);

  test('options: the schema refuses with the field name, or the value parses back and nothing else changes', () => {
    const cases: { field: 'match' | 'caPath' | 'bufferPath'; label: string; options: (v: string) => object; read: (m: FluentdElement) => string | undefined; blankKeys: string[] }[] = [
      { field: 'match', label: 'Match pattern', options: (v) => ({ match: v }), read: (m) => m.arg, blankKeys: [] },
      {
        field: 'caPath',
        label: 'CA path',
        options: (v) => ({ caMode: 'file', caPath: v }),
        read: (m) => param(m, 'ssl_ca_cert'),
        blankKeys: ['ssl_ca_cert'],
      },
      {
        field: 'bufferPath',
        label: 'Buffer path',
        options: (v) => ({ bufferPath: v }),
        read: (m) => param(onlyChild(m, 'buffer'), 'path'),
        blankKeys: ['path'],
      },
    ];
    let accepted = 0;
    for (const c of cases) {
      const reference = renderWith(baseCtx, c.options(c.field === 'match' ? 'x' : '/x'));
      fc.assert(
        fc.property(fc.oneof(hostileString, hostileString.map((s) => `/${s}`), fc.string({ unit: 'grapheme' })), (value) => {
          const parsed = fluentdOptionsSchema.safeParse(c.options(value));
          if (!parsed.success) {
            const issue = parsed.error.issues.find((i) => i.path[0] === c.field);
            expect(issue?.message.startsWith(`${c.label}: `)).toBe(true);
            return;
          }
          accepted += 1;
          const { match } = renderWith(baseCtx, c.options(value));
          // An empty buffer path means the package's default directory.
          const expected = c.field === 'bufferPath' && value === '' ? '/var/log/fluent/buffer/sls-kafka' : value;
          expect(c.read(match)).toBe(expected);
          expect(blanked(match, c.blankKeys, c.field === 'match')).toEqual(blanked(reference.match, c.blankKeys, c.field === 'match'));
        }),
        { numRuns: 700 },
      );
    }
    expect(accepted).toBeGreaterThan(50);
  });

  test('context values (project, Logstore, password) are quoted whatever they hold', () => {
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (username, topic, password) => {
        const ctx: RenderContext = { ...baseCtx, username, topic, password };
        const { match } = renderWith(ctx);
        expect(param(match, 'username')).toBe(username);
        expect(param(match, 'topic')).toBe(topic);
        expect(param(match, 'default_topic')).toBe(topic);
        expect(param(match, 'password')).toBe(password);
        const blank = ['username', 'topic', 'default_topic', 'password'];
        expect(blanked(match, blank, false)).toEqual(blanked(baseline.match, blank, false));
      }),
      { numRuns: 1000 },
    );
  });
});
