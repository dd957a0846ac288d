/**
 * OpenTelemetry Collector renderer: golden files (each release line ×
 * inline and env secret × SLS and sandbox, and the exporter alone),
 * parse-back with js-yaml, every rendered key checked against the exporter's
 * option list from upstream source for the chosen release line
 * (tests/fixtures/agents/otelcol/schema.json), option branches, steps,
 * schema errors, and property tests.
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { renderSettings, type RenderContext } from '@/lib/agents';
import { CODECS } from '@/lib/agents/common/codecs';
import { readBackOtelcol } from '@/lib/agents/otelcol/read-back';
import { renderOtelcolConfig } from '@/lib/agents/otelcol/render';
import { otelcolOptionsSchema, type OtelcolOptions } from '@/lib/agents/otelcol/schema';
import type { SettingsInput } from '@/lib/settings/schema';
import { checkAgainstKeys, leaves, loadAgentOptionSchema, typeProblem } from '@/tests/support/agent-option-schema';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';
import { allCommands, contextFor, expectGolden, expectRejectedNaming, goldenCases, hostileTextFrom, producerReadBack, SANDBOX, settingsArbitrary, stepText } from '@/tests/support/render-helpers';

type Tree = Record<string, unknown>;

const HOST = `${EXAMPLE_INPUT.project}.cn-hangzhou.log.aliyuncs.com`;

function render(overrides: Partial<SettingsInput> = {}, options: Partial<OtelcolOptions> = {}) {
  const result = renderOtelcolConfig(contextFor(overrides), otelcolOptionsSchema.parse(options));
  expect(result.files).toHaveLength(1);
  const file = result.files[0]!;
  const doc = load(file.content) as Tree;
  const kafka = (doc.exporters as Tree).kafka as Tree;
  return { file, doc, kafka, steps: result.steps };
}

// ---------------------------------------------------------------------------
// The exporter's option list from upstream source, per release line

const SCHEMA = loadAgentOptionSchema('otelcol');

function schemaProblems(doc: Tree, version: OtelcolOptions['version']): string[] {
  const problems: string[] = [];
  for (const [top, value] of Object.entries(doc)) {
    if (top === 'exporters') {
      for (const [id, exporter] of Object.entries(value as Tree)) {
        problems.push(...checkAgainstKeys(exporter, SCHEMA.keys, version, `exporters.${id}`));
      }
      continue;
    }
    for (const [segments, leaf] of leaves(value, [top])) {
      const dotted = segments.join('.');
      const listed = SCHEMA.otherComponents.find((k) => k.path === dotted);
      if (listed) {
        const typeMsg = typeProblem(listed.type, leaf);
        if (typeMsg) problems.push(`${dotted}: ${typeMsg}`);
        if (listed.enum && !listed.enum.includes(leaf)) problems.push(`${dotted}: not in enum`);
      } else {
        // An empty map (`batch: {}`) is fine when the list knows keys under it.
        const emptyMap = typeof leaf === 'object' && leaf !== null && !Array.isArray(leaf);
        if (!(emptyMap && SCHEMA.otherComponents.some((k) => k.path.startsWith(`${dotted}.`)))) {
          problems.push(`${dotted}: not in the agent's option list`);
        }
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------

describe('golden files', () => {
  test.each(goldenCases(['post124', 'pre124'] as const))('complete config for %s, %s secret, target %s', async (version, secretMode, target) => {
    const rendered = render({ secretMode, target }, { version });
    expect(rendered.file.path).toBe('config.yaml');
    expect(rendered.file.language).toBe('yaml');
    await expectGolden(rendered, `./golden/otelcol/config.${version}.${secretMode}.${target}.yaml`, `./golden/otelcol/steps.${version}.${secretMode}.${target}.md`);
  });

  test.each(['post124', 'pre124'] as const)('the exporter alone (%s)', async (version) => {
    const rendered = render({ expandJson: true }, { version, mode: 'output-only' });
    expect(rendered.file.path).toBe('sls-kafka-exporter.yaml');
    await expectGolden(rendered, `./golden/otelcol/exporter.${version}.yaml`, `./golden/otelcol/steps.exporter.${version}.md`);
  });

  test('otlp receiver with metrics and traces, otlp_json logs', async () => {
    const { file } = render({}, { receiver: 'otlp', logsEncoding: 'otlp_json', extraSignals: ['metrics', 'traces'] });
    await expect(file.content).toMatchFileSnapshot('./golden/otelcol/config.otlp.all-signals.yaml');
  });
});

describe('parse-back', () => {
  test('v0.124.0+: per-signal topic and encoding, top-level tls', () => {
    const { doc, kafka } = render();
    expect(Object.keys(doc)).toEqual(['receivers', 'processors', 'exporters', 'service']);
    expect(kafka).toEqual({
      brokers: [`${HOST}:10012`],
      protocol_version: '2.1.0',
      logs: { topic: EXAMPLE_INPUT.logstore, encoding: 'raw' },
      auth: { sasl: { mechanism: 'PLAIN', username: EXAMPLE_INPUT.project, password: EXAMPLE_PASSWORD } },
      tls: { insecure: false },
      producer: { required_acks: 1, compression: 'gzip', max_message_bytes: 1000000 },
    });
    expect(doc.receivers).toEqual({ filelog: { include: ['/var/log/*.log'], start_at: 'end' } });
    expect(doc.processors).toEqual({ batch: {} });
    expect(doc.service).toEqual({ pipelines: { logs: { receivers: ['filelog'], processors: ['batch'], exporters: ['kafka'] } } });
  });

  test('before v0.124.0: top-level topic and encoding, auth.tls', () => {
    const { kafka } = render({}, { version: 'pre124' });
    expect(kafka).toEqual({
      brokers: [`${HOST}:10012`],
      protocol_version: '2.1.0',
      topic: EXAMPLE_INPUT.logstore,
      encoding: 'raw',
      auth: {
        sasl: { mechanism: 'PLAIN', username: EXAMPLE_INPUT.project, password: EXAMPLE_PASSWORD },
        tls: { insecure: false },
      },
      producer: { required_acks: 1, compression: 'gzip', max_message_bytes: 1000000 },
    });
  });

  test('read-back of both release lines', () => {
    for (const version of ['post124', 'pre124'] as const) {
      const { file } = render({}, { version });
      expect(readBackOtelcol(file)).toEqual({
        agent: 'otelcol',
        path: 'config.yaml',
        ...producerReadBack(contextFor(), { password: EXAMPLE_PASSWORD, codec: 'gzip', acks: 1 }),
      });
    }
  });

  test('read-back: no TLS block is plain text; acks all is read as -1', () => {
    const { file } = render();
    const noTls = file.content.replace(/\n {4}# TLS on[^\n]*\n {4}tls:\n {6}insecure: false/, '');
    expect(noTls).not.toContain('tls:');
    expect(readBackOtelcol({ ...file, content: noTls })!.tls).toBe(false);
    const all = file.content.replace('required_acks: 1', 'required_acks: all');
    expect(readBackOtelcol({ ...file, content: all })!.acks).toBe(-1);
  });
});

describe('every rendered key is in the exporter’s option list for the chosen release line', () => {
  const combos = fc.sample(
    fc.record({
      version: fc.constantFrom('post124' as const, 'pre124' as const),
      mode: fc.constantFrom('complete' as const, 'output-only' as const),
      receiver: fc.constantFrom('filelog' as const, 'otlp' as const),
      logsEncoding: fc.constantFrom('raw' as const, 'otlp_json' as const),
      extraSignals: fc.subarray(['metrics', 'traces'] as ('metrics' | 'traces')[]),
      compression: fc.constantFrom(...CODECS),
      secretMode: fc.constantFrom('inline' as const, 'env' as const),
      target: fc.constantFrom('sls' as const, 'sandbox' as const),
    }),
    { numRuns: 64, seed: 11 },
  ).map((c) => (c.version === 'pre124' ? { ...c, extraSignals: [] } : c));

  test.each(combos.map((c) => [JSON.stringify(c), c] as const))('%s', (_, c) => {
    const { secretMode, target, ...options } = c;
    const { doc } = render({ secretMode, target }, options);
    expect(schemaProblems(doc, options.version)).toEqual([]);
  });

  test('a key of the other release line, an unknown key or a wrong type fails the check', () => {
    const post = render({}, { version: 'post124' }).doc;
    expect(schemaProblems(post, 'pre124').join('\n')).toMatch(/exporters\.kafka\.logs\.topic: only for post124/);
    const pre = render({}, { version: 'pre124' }).doc;
    expect(schemaProblems(pre, 'post124').join('\n')).toMatch(/exporters\.kafka\.auth\.tls\.insecure: only for pre124/);
    const kafka = (post.exporters as Tree).kafka as Tree;
    const unknown = { ...post, exporters: { kafka: { ...kafka, routing_key: 'x' } } };
    expect(schemaProblems(unknown, 'post124')).toEqual(["exporters.kafka.routing_key: not in the agent's option list"]);
    const mistyped = { ...post, exporters: { kafka: { ...kafka, brokers: 'a:1' } } };
    expect(schemaProblems(mistyped, 'post124')[0]).toMatch(/brokers: expected array<string>/);
    const badEnum = { ...post, exporters: { kafka: { ...kafka, producer: { compression: 'brotli' } } } };
    expect(schemaProblems(badEnum, 'post124')[0]).toMatch(/producer\.compression: "brotli" is not one of/);
    const unknownReceiver = { ...post, receivers: { journald: { directory: '/x' } } };
    expect(schemaProblems(unknownReceiver, 'post124')).toEqual(["receivers.journald.directory: not in the agent's option list"]);
  });
});

describe('options', () => {
  test('output-only: the exporter alone; the steps say which pipelines to add it to', () => {
    const { doc, steps } = render({}, { mode: 'output-only', extraSignals: ['traces'] });
    expect(Object.keys(doc)).toEqual(['exporters']);
    const merge = steps.find((s) => s.title === 'Merge the exporter into your config');
    expect(merge?.detail).toContain('service.pipelines.logs.exporters, service.pipelines.traces.exporters');
  });

  test('otlp receiver: loopback endpoints, pipeline reads otlp', () => {
    const { doc } = render({}, { receiver: 'otlp' });
    expect(doc.receivers).toEqual({
      otlp: { protocols: { grpc: { endpoint: 'localhost:4317' }, http: { endpoint: 'localhost:4318' } } },
    });
    expect(((doc.service as Tree).pipelines as Tree).logs).toMatchObject({ receivers: ['otlp'] });
  });

  test('extra signals: their own topic settings, an otlp receiver and a pipeline each', () => {
    const { doc, kafka } = render({}, { extraSignals: ['metrics', 'traces'] });
    expect(kafka.metrics).toEqual({ topic: EXAMPLE_INPUT.logstore, encoding: 'otlp_json' });
    expect(kafka.traces).toEqual({ topic: EXAMPLE_INPUT.logstore, encoding: 'otlp_json' });
    expect(Object.keys(doc.receivers as Tree)).toEqual(['filelog', 'otlp']);
    expect(Object.keys((doc.service as Tree).pipelines as Tree)).toEqual(['logs', 'metrics', 'traces']);
    // One Kafka message per batch: the batch is capped.
    expect(doc.processors).toEqual({ batch: { send_batch_size: 500, send_batch_max_size: 500 } });
  });

  test.each(['raw', 'otlp_json'] as const)('logs encoding %s', (logsEncoding) => {
    const { kafka, doc, steps } = render({}, { logsEncoding });
    expect((kafka.logs as Tree).encoding).toBe(logsEncoding);
    expect(doc.processors).toEqual({ batch: logsEncoding === 'raw' ? {} : { send_batch_size: 500, send_batch_max_size: 500 } });
    expect(steps.some((s) => s.kind === 'warning' && s.title === 'raw sends the log body only')).toBe(logsEncoding === 'raw');
  });

  test.each(CODECS)('compression %s', (compression) => {
    expect((render({}, { compression }).kafka.producer as Tree).compression).toBe(compression);
  });

  test('always protocol 2.1.0, acks 1, a TLS block; never insecure, never partition by resource', () => {
    for (const version of ['post124', 'pre124'] as const) {
      const { kafka, file } = render({}, { version });
      expect(kafka.protocol_version).toBe('2.1.0');
      expect((kafka.producer as Tree).required_acks).toBe(1);
      expect(file.content).toMatch(/\n\s+tls:\n\s+insecure: false/);
      expect(file.content).not.toMatch(/insecure_skip_verify|insecure: true|partition_|plain_text|required_acks: (all|-1)/);
    }
  });
});

describe('targets and secrets', () => {
  test.each(['post124', 'pre124'] as const)('sandbox (%s): the sandbox endpoint and its CA file', (version) => {
    const { kafka, steps } = render({ target: 'sandbox' }, { version });
    expect(kafka.brokers).toEqual(['localhost:10012']);
    const tls = version === 'post124' ? kafka.tls : (kafka.auth as Tree).tls;
    expect(tls).toEqual({ insecure: false, ca_file: '/etc/otelcol-contrib/sls-sandbox-ca.pem' });
    expect(allCommands(steps)).toContain(`sudo curl -fsSo /etc/otelcol-contrib/sls-sandbox-ca.pem ${SANDBOX.caUrl}`);
  });

  test('JSON expansion: the .json logs topic; metrics and traces keep the Logstore', () => {
    const { kafka } = render({ expandJson: true }, { extraSignals: ['metrics'] });
    expect((kafka.logs as Tree).topic).toBe(`${EXAMPLE_INPUT.logstore}.json`);
    expect((kafka.metrics as Tree).topic).toBe(EXAMPLE_INPUT.logstore);
  });

  test('env: a ${env:SLS_KAFKA_PASSWORD} reference; a systemd drop-in loads the env file', () => {
    const { kafka, file, steps } = render({ secretMode: 'env' });
    expect(((kafka.auth as Tree).sasl as Tree).password).toBe('${env:SLS_KAFKA_PASSWORD}');
    expect(file.content).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    expect(file.content.split('$')).toHaveLength(2);
    expect(stepText(steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    const commands = allCommands(steps);
    expect(commands).toContain('sudo install -m 600 -o root -g root /dev/null /etc/otelcol-contrib/sls-kafka.env');
    expect(commands).toContain("printf '[Service]\\nEnvironmentFile=/etc/otelcol-contrib/sls-kafka.env\\n' | sudo tee /etc/systemd/system/otelcol-contrib.service.d/sls-kafka.conf > /dev/null");
    expect(commands).toContain('sudo systemctl daemon-reload');
    expect(commands).toContain("sudo sh -c 'set -a && . /etc/otelcol-contrib/sls-kafka.env && exec otelcol-contrib validate --config=/etc/otelcol-contrib/config.yaml'");
  });

  test('inline: no $ in the file, validate without the env file', () => {
    const { file, steps } = render();
    expect(file.content).not.toContain('$');
    expect(allCommands(steps)).toContain('sudo otelcol-contrib validate --config=/etc/otelcol-contrib/config.yaml');
    expect(stepText(steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
  });

  test('the registry renders the collector from settings', () => {
    const result = renderSettings(exampleSettings({ agents: { otelcol: {} } }));
    expect(result.files.filter((f) => f.agent === 'otelcol').map((f) => f.path)).toEqual(['config.yaml']);
  });
});

describe('options schema', () => {
  test.each([
    [{ version: '0.150.0' }, 'Collector version:'],
    [{ mode: 'sink' }, 'What to generate:'],
    [{ receiver: 'journald' }, 'Receiver:'],
    [{ logPaths: [] }, 'Files to collect:'],
    [{ logPaths: ['var/log/*.log'] }, 'Files to collect:'],
    [{ logPaths: ['/var/log/${env:HOME}.log'] }, 'Files to collect:'],
    [{ logsEncoding: 'otlp_proto' }, 'Log encoding:'],
    [{ extraSignals: ['profiles'] }, 'Also send:'],
    [{ extraSignals: ['metrics', 'metrics'] }, 'Also send:'],
    [{ version: 'pre124', extraSignals: ['metrics'] }, 'Also send:'],
    [{ compression: 'brotli' }, 'Compression:'],
    [{ requiredAcks: 'all' }, 'OpenTelemetry Collector options:'],
  ])('%j is rejected with a message naming the field', (input, prefix) => {
    expectRejectedNaming(otelcolOptionsSchema, input, prefix);
  });
});

// ---------------------------------------------------------------------------
// Properties

const HOSTILE = ['"', "'", '\\', '\n', '\r', '\t', '#', ' # x', '${', '$', '$$', '${env:X}', ':', '- ', '[', ']', '{', '}', '&a', '*a', '!!str', '\u2028', '\u0085', 'é', '😀', '\ud800', '\u0000', 'true', 'null', '---'];
const hostileText = hostileTextFrom(HOSTILE);

const optionsArbitrary = fc
  .record({
    version: fc.constantFrom('post124', 'pre124'),
    mode: fc.constantFrom('complete', 'output-only'),
    receiver: fc.constantFrom('filelog', 'otlp'),
    logPaths: fc.array(fc.stringMatching(/^\/[a-z0-9_*.\/-]{1,20}$/), { minLength: 1, maxLength: 4 }),
    logsEncoding: fc.constantFrom('raw', 'otlp_json'),
    extraSignals: fc.subarray(['metrics', 'traces']),
    compression: fc.constantFrom(...CODECS),
  })
  .map((o) => (o.version === 'pre124' ? { ...o, extraSignals: [] } : o));

describe('properties', () => {
  test('random valid options: the read-back agrees with the settings and every key is listed', () => {
    fc.assert(
      fc.property(optionsArbitrary, settingsArbitrary, (input, overrides) => {
        const options = otelcolOptionsSchema.parse(input);
        const ctx = contextFor(overrides);
        const file = renderOtelcolConfig(ctx, options).files[0]!;
        expect(readBackOtelcol(file)).toMatchObject(producerReadBack(ctx, { password: ctx.secretMode === 'env' ? '${env:SLS_KAFKA_PASSWORD}' : ctx.password, codec: options.compression, acks: 1 }));
        const doc = load(file.content) as Tree;
        expect(schemaProblems(doc, options.version)).toEqual([]);
        // Every pipeline names only receivers the file defines.
        if (options.mode === 'complete') {
          const receivers = Object.keys(doc.receivers as Tree);
          for (const pipeline of Object.values((doc.service as Tree).pipelines as Tree)) {
            for (const r of (pipeline as Tree).receivers as string[]) expect(receivers).toContain(r);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a hostile log path is refused naming the field, or read back exactly', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, hostileText.map((t) => `/${t}`)), (path) => {
        const parsed = otelcolOptionsSchema.safeParse({ logPaths: [path] });
        if (!parsed.success) {
          expect(parsed.error.issues.every((i) => i.message.startsWith('Files to collect:'))).toBe(true);
          return;
        }
        const file = renderOtelcolConfig(contextFor(), parsed.data).files[0]!;
        const doc = load(file.content) as Tree;
        expect(((doc.receivers as Tree).filelog as Tree).include).toEqual([path]);
        expect(file.content.split('\n')).toHaveLength(render().file.content.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });

  test('hostile username, password, topic and host: refused with a RangeError, or read back exactly', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, fc.constantFrom('post124' as const, 'pre124' as const), (username, password, topic, host, version) => {
        const ctx: RenderContext = { ...contextFor(), username, password, topic, endpoint: { host, port: 10012, bootstrap: `${host}:10012` } };
        let file;
        try {
          file = renderOtelcolConfig(ctx, otelcolOptionsSchema.parse({ version })).files[0]!;
        } catch (err) {
          expect(err).toBeInstanceOf(RangeError);
          expect([username, password, topic, host].some((v) => /[$\p{Cs}]/u.test(v))).toBe(true);
          return;
        }
        const read = readBackOtelcol(file)!;
        expect([read.username, read.password, read.topic, read.bootstrap]).toEqual([username, password, topic, `${host}:10012`]);
        expect(file.content).not.toContain('$');
      }),
      { numRuns: 300 },
    );
  });
});
