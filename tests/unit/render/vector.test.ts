/**
 * Vector renderer: golden files (YAML and TOML × inline and env secret ×
 * SLS and sandbox, and the sink alone), parse-back with js-yaml and
 * smol-toml, every rendered key checked against Vector's option list from
 * upstream source (tests/fixtures/agents/vector/schema.json), option
 * branches, steps, schema errors, and property tests for random options and
 * hostile values.
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { renderSettings, type RenderContext } from '@/lib/agents';
import { CODECS } from '@/lib/agents/common/codecs';
import { readBackVector } from '@/lib/agents/vector/read-back';
import { renderVectorConfig } from '@/lib/agents/vector/render';
import { vectorOptionsSchema, type VectorOptions } from '@/lib/agents/vector/schema';
import type { SettingsInput } from '@/lib/settings/schema';
import { checkAgainstKeys, leaves, loadAgentOptionSchema, typeProblem } from '@/tests/support/agent-option-schema';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';
import { allCommands, contextFor, expectGolden, expectRejectedNaming, goldenCases, hostileTextFrom, producerReadBack, SANDBOX, settingsArbitrary, stepText } from '@/tests/support/render-helpers';

type Tree = Record<string, unknown>;

const HOST = `${EXAMPLE_INPUT.project}.cn-hangzhou.log.aliyuncs.com`;

function parseFile(language: string, content: string): Tree {
  return (language === 'toml' ? parseToml(content) : load(content)) as Tree;
}

function render(overrides: Partial<SettingsInput> = {}, options: Partial<VectorOptions> = {}) {
  const result = renderVectorConfig(contextFor(overrides), vectorOptionsSchema.parse(options));
  expect(result.files).toHaveLength(1);
  const file = result.files[0]!;
  const doc = parseFile(file.language, file.content);
  const sink = (doc.sinks as Tree).sls as Tree;
  return { file, doc, sink, steps: result.steps };
}

// ---------------------------------------------------------------------------
// Vector's option list from upstream source

const SCHEMA = loadAgentOptionSchema('vector');

/** Every key of a parsed Vector file, checked against the sink's keys and the listed other components. */
function schemaProblems(doc: Tree): string[] {
  const problems: string[] = [];
  for (const [top, value] of Object.entries(doc)) {
    if (top === 'sinks' || top === 'sources') {
      for (const [id, component] of Object.entries(value as Tree)) {
        if (top === 'sinks') {
          problems.push(...checkAgainstKeys(component, SCHEMA.keys, undefined, `sinks.${id}`));
          continue;
        }
        for (const [segments, leaf] of leaves(component)) {
          const listed = SCHEMA.otherComponents.find((k) => k.path === `sources.<id>.${segments.join('.')}`);
          if (!listed) problems.push(`sources.${id}.${segments.join('.')}: not in the agent's option list`);
          else {
            const typeMsg = typeProblem(listed.type, leaf);
            if (typeMsg) problems.push(`sources.${id}.${segments.join('.')}: ${typeMsg}`);
            if (listed.enum && !listed.enum.includes(leaf)) problems.push(`sources.${id}.${segments.join('.')}: not in enum`);
          }
        }
      }
      continue;
    }
    const listed = SCHEMA.otherComponents.find((k) => k.path === top);
    if (!listed) problems.push(`${top}: not in the agent's option list`);
    else if (typeProblem(listed.type, value)) problems.push(`${top}: ${typeProblem(listed.type, value)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------

describe('golden files', () => {
  test.each(goldenCases(['yaml', 'toml'] as const))('complete %s, %s secret, target %s', async (format, secretMode, target) => {
    const rendered = render({ secretMode, target }, { format });
    expect(rendered.file.path).toBe(`vector.${format}`);
    expect(rendered.file.language).toBe(format);
    await expectGolden(rendered, `./golden/vector/vector.${secretMode}.${target}.${format}`, `./golden/vector/steps.${secretMode}.${target}.${format}.md`);
  });

  test.each(['yaml', 'toml'] as const)('the sink alone (%s)', async (format) => {
    const rendered = render({ expandJson: true }, { format, mode: 'output-only', inputs: ['app_logs', 'parse_nginx'] });
    expect(rendered.file.path).toBe(`sls-kafka.${format}`);
    await expectGolden(rendered, `./golden/vector/sls-kafka.${format}`, `./golden/vector/steps.output-only.${format}.md`);
  });
});

describe('parse-back', () => {
  test('the default sink says exactly the SLS facts', () => {
    const { doc, sink } = render();
    expect(Object.keys(doc)).toEqual(['data_dir', 'sources', 'sinks']);
    expect(doc.sources).toEqual({ sls_source: { type: 'file', include: ['/var/log/*.log'], read_from: 'end' } });
    expect(sink).toEqual({
      type: 'kafka',
      inputs: ['sls_source'],
      bootstrap_servers: `${HOST}:10012`,
      topic: EXAMPLE_INPUT.logstore,
      encoding: { codec: 'json' },
      compression: 'gzip',
      sasl: { enabled: true, mechanism: 'PLAIN', username: EXAMPLE_INPUT.project, password: EXAMPLE_PASSWORD },
      tls: { enabled: true },
      acknowledgements: { enabled: true },
      librdkafka_options: { 'client.id': 'vector-sls', 'enable.idempotence': 'false' },
    });
  });

  test('YAML and TOML say the same thing', () => {
    for (const secretMode of ['inline', 'env'] as const) {
      for (const mode of ['complete', 'output-only'] as const) {
        const yaml = render({ secretMode, target: 'sandbox' }, { format: 'yaml', mode }).doc;
        const toml = render({ secretMode, target: 'sandbox' }, { format: 'toml', mode }).doc;
        expect(toml).toEqual(yaml);
      }
    }
  });

  test('read-back: producer settings of every format and mode', () => {
    for (const format of ['yaml', 'toml'] as const) {
      for (const mode of ['complete', 'output-only'] as const) {
        const { file } = render({}, { format, mode });
        expect(readBackVector(file)).toEqual({
          agent: 'vector',
          path: file.path,
          ...producerReadBack(contextFor(), { password: EXAMPLE_PASSWORD, codec: 'gzip', acks: -1 }),
        });
      }
    }
  });

  test('read-back notices TLS off, SASL off and a key field', () => {
    const { file } = render();
    const tampered = file.content
      .replace('tls:\n      enabled: true', 'tls:\n      enabled: false')
      .replace('sasl:\n      enabled: true', 'sasl:\n      enabled: false')
      .replace('    compression:', '    key_field: "host"\n    compression:');
    const read = readBackVector({ ...file, content: tampered })!;
    expect(read.tls).toBe(false);
    expect(read.mechanism).toBeUndefined();
    expect(read.constantKey).toBe('host');
  });
});

describe('every rendered key is in Vector’s option list with the right type', () => {
  const combos = fc.sample(
    fc.record({
      format: fc.constantFrom('yaml', 'toml'),
      mode: fc.constantFrom('complete', 'output-only'),
      codec: fc.constantFrom('json', 'text'),
      compression: fc.constantFrom(...CODECS),
      acknowledgements: fc.boolean(),
      secretMode: fc.constantFrom('inline', 'env'),
      target: fc.constantFrom('sls', 'sandbox'),
      expandJson: fc.boolean(),
    }),
    { numRuns: 64, seed: 11 },
  );

  test.each(combos.map((c) => [JSON.stringify(c), c] as const))('%s', (_, c) => {
    const { format, mode, codec, compression, acknowledgements, secretMode, target, expandJson } = c;
    const { doc } = render({ secretMode, target, expandJson }, { format, mode, codec, compression, acknowledgements });
    expect(schemaProblems(doc)).toEqual([]);
  });

  test('an unknown or mistyped key fails the check', () => {
    const { doc } = render();
    const sink = (doc.sinks as Tree).sls as Tree;
    const withUnknown = { ...doc, sinks: { sls: { ...sink, routing_key: 'x' } } };
    expect(schemaProblems(withUnknown)).toEqual(['sinks.sls.routing_key: not in the agent\'s option list']);
    const mistyped = { ...doc, sinks: { sls: { ...sink, tls: { enabled: 'true' } } } };
    expect(schemaProblems(mistyped)[0]).toMatch(/^sinks\.sls\.tls\.enabled: expected bool/);
    const forbidden = { ...doc, sinks: { sls: { ...sink, librdkafka_options: { 'security.protocol': 'plaintext' } } } };
    expect(schemaProblems(forbidden).join('\n')).toContain('security.protocol');
    const listAsServers = { ...doc, sinks: { sls: { ...sink, bootstrap_servers: ['a:1'] } } };
    expect(schemaProblems(listAsServers)[0]).toMatch(/bootstrap_servers: expected string/);
  });
});

describe('options', () => {
  test('output-only: the sink alone, fed by the given inputs, loaded next to vector.yaml', () => {
    const { doc, sink, steps } = render({}, { mode: 'output-only', inputs: ['app_logs', 'parse.*'] });
    expect(Object.keys(doc)).toEqual(['sinks']);
    expect(sink.inputs).toEqual(['app_logs', 'parse.*']);
    const commands = allCommands(steps);
    expect(commands).toContain("echo 'VECTOR_CONFIG=/etc/vector/vector.yaml,/etc/vector/sls-kafka.yaml' | sudo tee -a /etc/default/vector > /dev/null");
    expect(commands).toContain('sudo -u vector vector validate --no-environment /etc/vector/vector.yaml /etc/vector/sls-kafka.yaml');
  });

  test('complete mode ignores the inputs option: the sink reads its own file source', () => {
    const { sink, doc } = render({}, { inputs: ['other'], logPaths: ['/srv/app/*.log', '/var/log/syslog'] });
    expect(sink.inputs).toEqual(['sls_source']);
    expect(((doc.sources as Tree).sls_source as Tree).include).toEqual(['/srv/app/*.log', '/var/log/syslog']);
  });

  test.each(['json', 'text'] as const)('codec %s', (codec) => {
    expect(render({}, { codec }).sink.encoding).toEqual({ codec });
  });

  test('codec text with JSON expansion warns', () => {
    const warned = (codec: 'json' | 'text') => render({ expandJson: true }, { codec }).steps.some((s) => s.kind === 'warning' && s.title.includes('JSON'));
    expect(warned('text')).toBe(true);
    expect(warned('json')).toBe(false);
  });

  test.each(CODECS)('compression %s', (compression) => {
    const { sink, steps } = render({}, { compression });
    expect(sink.compression).toBe(compression);
    expect(steps.some((s) => s.kind === 'warning' && s.title.includes(compression))).toBe(compression !== 'gzip' && compression !== 'none');
  });

  test('acknowledgements off', () => {
    expect(render({}, { acknowledgements: false }).sink.acknowledgements).toEqual({ enabled: false });
  });

  test('never a key, never TLS without verification, never idempotence', () => {
    for (const format of ['yaml', 'toml'] as const) {
      const { sink, file } = render({}, { format });
      expect(sink).not.toHaveProperty('key_field');
      expect(sink).not.toHaveProperty('headers_key');
      expect(file.content).not.toMatch(/verify_(certificate|hostname)/);
      expect((sink.librdkafka_options as Tree)['enable.idempotence']).toBe('false');
    }
  });
});

describe('targets and secrets', () => {
  test('sandbox: the sandbox endpoint and its CA file, downloaded by the steps', () => {
    const { sink, steps } = render({ target: 'sandbox' });
    expect(sink.bootstrap_servers).toBe('localhost:10012');
    expect(sink.tls).toEqual({ enabled: true, ca_file: '/etc/vector/sls-sandbox-ca.pem' });
    expect(allCommands(steps)).toContain(`sudo curl -fsSo /etc/vector/sls-sandbox-ca.pem ${SANDBOX.caUrl}`);
  });

  test('JSON expansion: the .json topic', () => {
    expect(render({ expandJson: true }).sink.topic).toBe(`${EXAMPLE_INPUT.logstore}.json`);
  });

  test('intranet endpoint', () => {
    expect(render({ network: 'intranet' }).sink.bootstrap_servers).toBe(`${EXAMPLE_INPUT.project}.cn-hangzhou-intranet.log.aliyuncs.com:10011`);
  });

  test.each(['yaml', 'toml'] as const)('env (%s): a ${SLS_KAFKA_PASSWORD} reference, interpolation allowed in /etc/default/vector', (format) => {
    const { sink, file, steps } = render({ secretMode: 'env' }, { format });
    expect((sink.sasl as Tree).password).toBe('${SLS_KAFKA_PASSWORD}');
    expect(file.content).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    // The reference is the only `$` in the file (Vector would expand any other).
    expect(file.content.split('$')).toHaveLength(2);
    const text = stepText(steps);
    expect(text).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    const commands = allCommands(steps);
    expect(commands).toContain("echo 'VECTOR_DANGEROUSLY_ALLOW_ENV_VAR_INTERPOLATION=true' | sudo tee -a /etc/default/vector > /dev/null");
    expect(commands.some((c) => c.startsWith('read -rsp ') && c.endsWith(' SLS_KAFKA_PASSWORD && echo'))).toBe(true);
    expect(commands).toContain(`sudo sh -c 'set -a && . /etc/default/vector && exec vector validate --no-environment /etc/vector/vector.${format}'`);
  });

  test('inline: no $ anywhere in the file, no interpolation switch in the steps', () => {
    for (const format of ['yaml', 'toml'] as const) {
      const { file, steps } = render({}, { format });
      expect(file.content).not.toContain('$');
      expect(stepText(steps)).not.toContain('VECTOR_DANGEROUSLY_ALLOW_ENV_VAR_INTERPOLATION=true');
      expect(stepText(steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    }
  });

  test('the registry renders Vector from settings', () => {
    const result = renderSettings(exampleSettings({ agents: { vector: {} } }));
    expect(result.files.filter((f) => f.agent === 'vector').map((f) => f.path)).toEqual(['vector.yaml']);
  });
});

describe('steps', () => {
  test('install, place, check with vector validate --no-environment, restart, journal', () => {
    const commands = allCommands(render().steps);
    expect(commands).toContain('sudo install -m 640 -o root -g vector vector.yaml /etc/vector/vector.yaml');
    expect(commands).toContain('sudo -u vector vector validate --no-environment /etc/vector/vector.yaml');
    expect(commands).toContain('sudo systemctl restart vector');
    expect(commands.some((c) => c.startsWith('sudo journalctl -u vector'))).toBe(true);
  });
});

describe('options schema', () => {
  test.each([
    [{ format: 'json' }, 'Config format:'],
    [{ mode: 'sink' }, 'What to generate:'],
    [{ inputs: [] }, 'Sink inputs:'],
    [{ inputs: ['a b'] }, 'Sink inputs:'],
    [{ inputs: ['${X}'] }, 'Sink inputs:'],
    [{ inputs: 'app' }, 'Sink inputs:'],
    [{ logPaths: ['relative/*.log'] }, 'Files to collect:'],
    [{ logPaths: ['/var/log/$HOST/*.log'] }, 'Files to collect:'],
    [{ logPaths: ['/var/log/SECRET[a.b]'] }, 'Files to collect:'],
    [{ logPaths: ['/var/log/a.log\n'] }, 'Files to collect:'],
    [{ codec: 'avro' }, 'Message encoding:'],
    [{ compression: 'brotli' }, 'Compression:'],
    [{ acknowledgements: 'yes' }, 'End-to-end acknowledgements:'],
    [{ keyField: 'host' }, 'Vector options:'],
  ])('%j is rejected with a message naming the field', (input, prefix) => {
    expectRejectedNaming(vectorOptionsSchema, input, prefix);
  });
});

// ---------------------------------------------------------------------------
// Properties

const HOSTILE = ['"', "'", '\\', '\n', '\r', '\t', '#', ' # x', '${', '$', '$$', '${SLS_KAFKA_PASSWORD}', 'SECRET[a.b]', '{{ x }}', '%Y', ':', '- ', '[', ']', '{', '}', '\u2028', '\u0085', 'é', '😀', '\ud800', '\u0000', 'true', 'null'];
const hostileText = hostileTextFrom(HOSTILE);
const plainPath = fc.stringMatching(/^\/[a-z0-9_*.\/-]{1,20}$/);
const inputId = fc.stringMatching(/^[a-z_][a-z0-9_.*-]{0,12}$/);

const optionsArbitrary = fc.record({
  format: fc.constantFrom('yaml', 'toml'),
  mode: fc.constantFrom('complete', 'output-only'),
  inputs: fc.array(inputId, { minLength: 1, maxLength: 4 }),
  logPaths: fc.array(plainPath, { minLength: 1, maxLength: 4 }),
  codec: fc.constantFrom('json', 'text'),
  compression: fc.constantFrom(...CODECS),
  acknowledgements: fc.boolean(),
});

describe('properties', () => {
  test('random valid options: the read-back agrees with the settings and every key is listed', () => {
    fc.assert(
      fc.property(optionsArbitrary, settingsArbitrary, (input, overrides) => {
        const options = vectorOptionsSchema.parse(input);
        const ctx = contextFor(overrides);
        const file = renderVectorConfig(ctx, options).files[0]!;
        const read = readBackVector(file)!;
        expect(read).toMatchObject(producerReadBack(ctx, { password: ctx.secretMode === 'env' ? '${SLS_KAFKA_PASSWORD}' : ctx.password, codec: options.compression, acks: -1 }));
        const doc = parseFile(file.language, file.content);
        expect(schemaProblems(doc)).toEqual([]);
        const sink = (doc.sinks as Tree).sls as Tree;
        expect(sink.inputs).toEqual(options.mode === 'complete' ? ['sls_source'] : options.inputs);
        if (options.mode === 'complete') expect(((doc.sources as Tree).sls_source as Tree).include).toEqual(options.logPaths);
      }),
      { numRuns: 200 },
    );
  });

  test('a hostile log path is refused naming the field, or read back exactly', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, hostileText.map((t) => `/${t}`)), fc.constantFrom('yaml', 'toml'), (path, format) => {
        const parsed = vectorOptionsSchema.safeParse({ format, logPaths: [path] });
        if (!parsed.success) {
          expect(parsed.error.issues.every((i) => i.message.startsWith('Files to collect:'))).toBe(true);
          return;
        }
        const file = renderVectorConfig(contextFor(), parsed.data).files[0]!;
        const doc = parseFile(format, file.content);
        expect(((doc.sources as Tree).sls_source as Tree).include).toEqual([path]);
        expect(file.content).not.toContain('$');
        expect(file.content.split('\n')).toHaveLength(render({}, { format }).file.content.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });

  test('hostile username, password, topic and host: refused with a RangeError, or read back exactly', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, (username, password, topic, host) => {
        for (const format of ['yaml', 'toml'] as const) {
          const ctx: RenderContext = { ...contextFor(), username, password, topic, endpoint: { host, port: 10012, bootstrap: `${host}:10012` } };
          const options = vectorOptionsSchema.parse({ format });
          let file;
          try {
            file = renderVectorConfig(ctx, options).files[0]!;
          } catch (err) {
            expect(err).toBeInstanceOf(RangeError);
            const values = [username, password, topic, host];
            expect(values.some((v) => /[$\p{Cs}]|SECRET\[/u.test(v)) || /[{}%]/.test(topic)).toBe(true);
            continue;
          }
          const read = readBackVector(file)!;
          expect([read.username, read.password, read.topic, read.bootstrap]).toEqual([username, password, topic, `${host}:10012`]);
          expect(file.content).not.toContain('$');
        }
      }),
      { numRuns: 300 },
    );
  });
});
