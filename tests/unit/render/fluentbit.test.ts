/**
 * Fluent Bit renderer: golden files (classic + YAML, inline + env, SLS +
 * sandbox, output-only, Docker, Kubernetes), parse-back with the
 * grammar-faithful classic parser and js-yaml, every rendered key checked
 * against tests/fixtures/agents/fluentbit/schema.json (no Fluent Bit binary
 * can be had here), the env-mode start guard, and property tests for hostile
 * values.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import type { RenderContext } from '@/lib/agents';
import { kafkaOutputProperties, readBackFluentbit } from '@/lib/agents/fluentbit/read-back';
import { renderFluentbitConfig } from '@/lib/agents/fluentbit/render';
import {
  FLUENTBIT_FORMATS,
  FLUENTBIT_MODES,
  FLUENTBIT_PLATFORMS,
  FLUENTBIT_TIMESTAMP_FORMATS,
  fluentbitOptionsSchema,
  type FluentbitOptions,
} from '@/lib/agents/fluentbit/schema';
import type { RenderedFile } from '@/lib/agents/types';
import { CODECS } from '@/lib/agents/common/codecs';
import {
  expandVariables,
  FluentBitClassicParseError,
  parseFluentBitClassic,
  propertyMap,
  sectionsNamed,
} from '@/lib/config-languages/fluentbit-classic/parser';
import { classicLine, fluentBitLiteral, fluentBitValueProblem } from '@/lib/config-languages/fluentbit-classic/quote';
import type { SettingsInput } from '@/lib/settings/schema';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD } from '@/tests/support/settings';
import { allCommands, contextFor, stepsMarkdown } from '@/tests/support/render-helpers';

function render(overrides: Partial<SettingsInput> = {}, options: unknown = {}) {
  const result = renderFluentbitConfig(contextFor(overrides), fluentbitOptionsSchema.parse(options));
  expect(result.files).toHaveLength(1);
  const file = result.files[0]!;
  return { file, steps: result.steps, kafka: Object.fromEntries(kafkaOutputProperties(file) ?? []) };
}

/** Every section of a rendered file as `{ kind, props }`, from either format, keys lower-case. */
function sectionsOf(file: RenderedFile): { kind: string; props: Map<string, string> }[] {
  if (file.language === 'fluentbit-classic') {
    return parseFluentBitClassic(file.content).sections.map((s) => ({ kind: s.name.toLowerCase(), props: propertyMap(s) }));
  }
  const doc = load(file.content) as { service?: Record<string, unknown>; pipeline: { inputs?: Record<string, unknown>[]; outputs?: Record<string, unknown>[] } };
  const toMap = (o: Record<string, unknown>) => new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return [
    ...(doc.service ? [{ kind: 'service', props: toMap(doc.service) }] : []),
    ...(doc.pipeline.inputs ?? []).map((o) => ({ kind: 'input', props: toMap(o) })),
    ...(doc.pipeline.outputs ?? []).map((o) => ({ kind: 'output', props: toMap(o) })),
  ];
}

// ---------------------------------------------------------------------------
// Golden files

describe('golden files', () => {
  test.each([
    ['classic, inline, SLS (default)', {}, {}, 'fluent-bit.conf', 'classic.inline.sls'],
    ['classic, env, SLS', { secretMode: 'env' }, {}, 'fluent-bit.conf', 'classic.env.sls'],
    ['classic, inline, sandbox', { target: 'sandbox' }, {}, 'fluent-bit.conf', 'classic.inline.sandbox'],
    ['classic, env, sandbox, JSON expansion', { secretMode: 'env', target: 'sandbox', expandJson: true }, {}, 'fluent-bit.conf', 'classic.env.sandbox'],
    ['YAML, inline, SLS', {}, { format: 'yaml' }, 'fluent-bit.yaml', 'yaml.inline.sls'],
    ['YAML, env, SLS', { secretMode: 'env' }, { format: 'yaml' }, 'fluent-bit.yaml', 'yaml.env.sls'],
    ['YAML, inline, sandbox', { target: 'sandbox' }, { format: 'yaml' }, 'fluent-bit.yaml', 'yaml.inline.sandbox'],
    ['YAML, env, sandbox', { secretMode: 'env', target: 'sandbox' }, { format: 'yaml' }, 'fluent-bit.yaml', 'yaml.env.sandbox'],
    ['classic output only, env', { secretMode: 'env' }, { mode: 'output-only' }, 'sls-kafka.conf', 'classic.output-only.env'],
    ['YAML output only, custom CA', {}, { format: 'yaml', mode: 'output-only', caFile: '/etc/pki/tls/certs/ca-bundle.crt' }, 'sls-kafka.yaml', 'yaml.output-only.ca'],
    ['Docker, env, zstd', { secretMode: 'env' }, { platform: 'docker', compression: 'zstd' }, 'fluent-bit.conf', 'docker.env'],
    ['Kubernetes, env, sandbox', { secretMode: 'env', target: 'sandbox' }, { platform: 'kubernetes' }, 'fluent-bit.conf', 'kubernetes.env.sandbox'],
    ['Kubernetes, inline', {}, { platform: 'kubernetes', format: 'yaml' }, 'fluent-bit.yaml', 'kubernetes.inline'],
  ] as const)('%s', async (_, settings, options, path, name) => {
    const { file, steps } = render(settings as Partial<SettingsInput>, options);
    expect(file.path).toBe(path);
    expect(file.agent).toBe('fluentbit');
    expect(file.language).toBe(path.endsWith('.yaml') ? 'yaml' : 'fluentbit-classic');
    await expect(file.content).toMatchFileSnapshot(`./golden/fluentbit/${name}.${path.endsWith('.yaml') ? 'yaml' : 'conf'}`);
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot(`./golden/fluentbit/steps.${name}.md`);
  });
});

// ---------------------------------------------------------------------------
// Parse-back

const EXPECTED_KAFKA = {
  name: 'kafka',
  match: '*',
  brokers: `${EXAMPLE_INPUT.project}.cn-hangzhou.log.aliyuncs.com:10012`,
  topics: EXAMPLE_INPUT.logstore,
  format: 'json',
  timestamp_key: '@timestamp',
  timestamp_format: 'iso8601',
  'rdkafka.client.id': 'fluent-bit-${HOSTNAME}',
  'rdkafka.security.protocol': 'SASL_SSL',
  'rdkafka.sasl.mechanisms': 'PLAIN',
  'rdkafka.sasl.username': EXAMPLE_INPUT.project,
  'rdkafka.sasl.password': EXAMPLE_PASSWORD,
  'rdkafka.compression.codec': 'gzip',
  'rdkafka.request.required.acks': '1',
  'rdkafka.enable.idempotence': 'false',
};

describe('parse-back', () => {
  test('classic: the whole kafka output, keys lower-cased as Fluent Bit stores them', () => {
    expect(render().kafka).toEqual(EXPECTED_KAFKA);
  });

  test('YAML says exactly what the classic file says, in every option combination', () => {
    for (const mode of FLUENTBIT_MODES) {
      for (const secretMode of ['inline', 'env'] as const) {
        for (const target of ['sls', 'sandbox'] as const) {
          const classic = sectionsOf(render({ secretMode, target }, { mode }).file);
          const yaml = sectionsOf(render({ secretMode, target }, { mode, format: 'yaml' }).file);
          expect(yaml).toEqual(classic);
        }
      }
    }
  });

  test('complete mode: service, one tail input, one kafka output; output-only: the output alone', () => {
    const complete = parseFluentBitClassic(render().file.content);
    expect(complete.sections.map((s) => s.name)).toEqual(['SERVICE', 'INPUT', 'OUTPUT']);
    expect(complete.includes).toEqual([]);
    expect(complete.metas).toEqual([]);
    expect(Object.fromEntries(propertyMap(sectionsNamed(complete, 'input')[0]!))).toEqual({
      name: 'tail',
      tag: 'host.logs',
      path: '/var/log/*.log',
      db: '/var/lib/fluent-bit/tail.db',
      mem_buf_limit: '16MB',
      skip_long_lines: 'On',
    });
    const only = parseFluentBitClassic(render({}, { mode: 'output-only' }).file.content);
    expect(only.sections.map((s) => s.name)).toEqual(['OUTPUT']);
  });

  test('read-back: TLS, PLAIN, no key, codec and acks; env mode reads the reference', () => {
    for (const format of FLUENTBIT_FORMATS) {
      for (const compression of CODECS) {
        const { file } = render({ secretMode: 'env' }, { format, compression });
        expect(readBackFluentbit(file)).toEqual({
          agent: 'fluentbit',
          path: file.path,
          bootstrap: EXPECTED_KAFKA.brokers,
          topic: EXAMPLE_INPUT.logstore,
          username: EXAMPLE_INPUT.project,
          password: '${SLS_KAFKA_PASSWORD}',
          mechanism: 'PLAIN',
          tls: true,
          constantKey: undefined,
          codec: compression,
          acks: 1,
        });
      }
    }
  });

  test('read-back notices the traps: no security.protocol, a constant Message_Key, verification off', () => {
    const { file } = render();
    const without = { ...file, content: file.content.replace(/^ {4}rdkafka\.security\.protocol .*\n/m, '') };
    expect(readBackFluentbit(without)?.tls).toBe(false);
    const keyed = { ...file, content: file.content.replace('    Format ', '    Message_Key                   host\n    Format ') };
    expect(readBackFluentbit(keyed)?.constantKey).toBe('host');
    const unverified = { ...file, content: `${file.content}    rdkafka.enable.ssl.certificate.verification false\n` };
    expect(readBackFluentbit(unverified)?.tls).toBe(false);
  });

  test('env mode: ${SLS_KAFKA_PASSWORD} is the only variable besides ${HOSTNAME}; Fluent Bit expands it to the pair', () => {
    const { file, kafka } = render({ secretMode: 'env' });
    expect(file.content).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    const env = (name: string) => ({ SLS_KAFKA_PASSWORD: EXAMPLE_PASSWORD, HOSTNAME: 'web-1' })[name];
    expect(expandVariables(kafka['rdkafka.sasl.password']!, env)).toBe(EXAMPLE_PASSWORD);
    expect(expandVariables(kafka['rdkafka.client.id']!, env)).toBe('fluent-bit-web-1');
    const references = [...file.content.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]);
    expect(new Set(references)).toEqual(new Set(['SLS_KAFKA_PASSWORD', 'HOSTNAME']));
    // Unset, the password expands to nothing: the failure the steps guard against.
    expect(expandVariables(kafka['rdkafka.sasl.password']!, () => undefined)).toBe('');
  });

  test('no protocol pin, no key, no verification switch in any combination', () => {
    for (const format of FLUENTBIT_FORMATS)
      for (const platform of FLUENTBIT_PLATFORMS)
        for (const target of ['sls', 'sandbox'] as const) {
          const { kafka, file } = render({ target }, { format, platform });
          for (const key of ['message_key', 'message_key_field', 'rdkafka.api.version.request', 'rdkafka.broker.version.fallback', 'rdkafka.enable.ssl.certificate.verification', 'rdkafka.ssl.endpoint.identification.algorithm', 'rdkafka.transactional.id']) {
            expect(kafka).not.toHaveProperty(key);
          }
          expect(file.content.toLowerCase()).not.toMatch(/^\s*message_key/m);
        }
  });

  test('CA: the sandbox CA for target sandbox, the custom file when given, else none', () => {
    expect(render({ target: 'sandbox' }).kafka['rdkafka.ssl.ca.location']).toBe('/etc/fluent-bit/sls-sandbox-ca.pem');
    expect(render({ target: 'sandbox' }, { platform: 'docker' }).kafka['rdkafka.ssl.ca.location']).toBe('/fluent-bit/etc/sls-sandbox-ca.pem');
    expect(render({}, { caFile: '/opt/ca.pem' }).kafka['rdkafka.ssl.ca.location']).toBe('/opt/ca.pem');
    expect(render().kafka).not.toHaveProperty('rdkafka.ssl.ca.location');
  });

  test('JSON expansion uses the .json topic', () => {
    expect(render({ expandJson: true }).kafka.topics).toBe(`${EXAMPLE_INPUT.logstore}.json`);
  });
});

// ---------------------------------------------------------------------------
// Every rendered key against the option schema researched from upstream source

interface SchemaKey {
  name: string;
  type: string;
  enum?: string[];
  range?: [number, number];
  trap?: string;
}
const SCHEMA = JSON.parse(readFileSync('tests/fixtures/agents/fluentbit/schema.json', 'utf8')) as {
  sections: {
    output: { keys: SchemaKey[]; prefixes: { prefix: string; knownKeys: SchemaKey[] }[] };
    service: { keys: SchemaKey[] };
    'input.tail': { keys: SchemaKey[] };
  };
};

/** Why `value` is not a valid `type` value (Fluent Bit's config-map types; bool per flb_utils_bool). */
function typeProblem(spec: SchemaKey, value: string): string | undefined {
  const v = value.toLowerCase();
  switch (spec.type) {
    case 'bool':
      if (!['true', 'false', 'on', 'off', 'yes', 'no'].includes(v)) return 'not a bool';
      break;
    case 'int':
      if (!/^-?\d+$/.test(value)) return 'not an int';
      if (spec.range && (Number(value) < spec.range[0] || Number(value) > spec.range[1])) return 'out of range';
      break;
    case 'float':
      if (!/^-?\d+(\.\d+)?$/.test(value)) return 'not a number';
      break;
    case 'size':
      if (!/^\d+(\.\d+)?([kKmMgG][bB]?)?$/.test(value)) return 'not a size';
      break;
    case 'string':
      break;
    default:
      return `unknown type ${spec.type}`;
  }
  if (spec.enum && !spec.enum.map((e) => e.toLowerCase()).includes(v)) return `not one of ${spec.enum.join(', ')}`;
  if (spec.trap) return `a trap: ${spec.trap}`;
  return undefined;
}

function checkAgainstSchema(kind: string, props: Map<string, string>): string[] {
  const problems: string[] = [];
  const keys =
    kind === 'output' ? SCHEMA.sections.output.keys : kind === 'service' ? SCHEMA.sections.service.keys : SCHEMA.sections['input.tail'].keys;
  for (const [key, value] of props) {
    const spec = keys.find((k) => k.name === key);
    if (spec) {
      const p = typeProblem(spec, value);
      if (p) problems.push(`${kind}.${key}=${value}: ${p}`);
      continue;
    }
    const prefix = kind === 'output' ? SCHEMA.sections.output.prefixes.find((p) => key.startsWith(p.prefix)) : undefined;
    const known = prefix?.knownKeys.find((k) => k.name === key.slice(prefix.prefix.length));
    if (!known) {
      problems.push(`${kind}.${key}: not an option name`);
      continue;
    }
    // librdkafka reads the value after Fluent Bit's ${VAR} expansion.
    const p = typeProblem(known, value.includes('${') ? 'x' : value);
    if (p) problems.push(`${kind}.${key}=${value}: ${p}`);
  }
  return problems;
}

describe('schema.json check (no Fluent Bit binary here)', () => {
  test('every key of every section we write is a real option with a valid value, in every combination', () => {
    let checked = 0;
    for (const format of FLUENTBIT_FORMATS)
      for (const mode of FLUENTBIT_MODES)
        for (const platform of FLUENTBIT_PLATFORMS)
          for (const timestampFormat of FLUENTBIT_TIMESTAMP_FORMATS)
            for (const compression of CODECS)
              for (const [secretMode, target] of [['inline', 'sls'], ['env', 'sandbox']] as const) {
                const { file } = render({ secretMode, target }, { format, mode, platform, timestampFormat, compression, caFile: '/opt/ca.pem' });
                for (const section of sectionsOf(file)) {
                  expect(['service', 'input', 'output']).toContain(section.kind);
                  expect(checkAgainstSchema(section.kind, section.props), `${format}/${mode}/${platform}`).toEqual([]);
                  checked += section.props.size;
                }
              }
    expect(checked).toBeGreaterThan(1000);
  });

  test('the check itself fails on a wrong name, a wrong type and a trap', () => {
    expect(checkAgainstSchema('output', new Map([['brokerz', 'x']]))).toEqual(['output.brokerz: not an option name']);
    expect(checkAgainstSchema('output', new Map([['rdkafka.sasl.mechanismz', 'PLAIN']]))).toHaveLength(1);
    expect(checkAgainstSchema('output', new Map([['rdkafka.request.required.acks', 'all']]))).toHaveLength(1);
    expect(checkAgainstSchema('output', new Map([['format', 'yaml']]))).toHaveLength(1);
    expect(checkAgainstSchema('output', new Map([['message_key', 'k']]))).toHaveLength(1);
    expect(checkAgainstSchema('input', new Map([['skip_long_lines', 'maybe']]))).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------
// Steps

describe('steps', () => {
  test('env mode: the password goes to /etc/default/fluent-bit and the start is guarded by a check', () => {
    const { steps } = render({ secretMode: 'env' });
    const commands = allCommands(steps);
    expect(commands).toContain("printf 'SLS_KAFKA_PASSWORD=%s\\n' \"$SLS_KAFKA_PASSWORD\" | sudo tee -a /etc/default/fluent-bit > /dev/null && unset SLS_KAFKA_PASSWORD");
    const start = commands.filter((c) => c.includes('systemctl restart fluent-bit'));
    expect(start).toHaveLength(1);
    expect(start[0]).toMatch(/^if sudo grep -q '\^SLS_KAFKA_PASSWORD=.*' \/etc\/default\/fluent-bit && systemctl show fluent-bit -p EnvironmentFiles/);
    expect(steps.some((s) => s.kind === 'warning' && s.detail?.includes('segfault'))).toBe(true);
    // The drop-in names the env file, and it comes before the start.
    const dropIn = commands.findIndex((c) => c.includes('EnvironmentFile=/etc/default/fluent-bit'));
    expect(dropIn).toBeGreaterThanOrEqual(0);
    expect(dropIn).toBeLessThan(commands.indexOf(start[0]!));
  });

  test('the guard really tells a set variable from a missing one', () => {
    const { steps } = render({ secretMode: 'env' }, { platform: 'docker' });
    const guard = allCommands(steps).find((c) => c.startsWith('if grep -q'))!;
    const pattern = /grep -q '([^']+)'/.exec(guard)![1]!;
    // grep's basic regex: \+ is "one or more".
    const re = new RegExp(pattern.replace(/\\\+/g, '+'), 'm');
    expect(re.test(`SLS_KAFKA_PASSWORD=${EXAMPLE_PASSWORD}\n`)).toBe(true);
    expect(re.test('SLS_KAFKA_PASSWORD=\n')).toBe(false);
    expect(re.test('# SLS_KAFKA_PASSWORD=a#b\n')).toBe(false);
  });

  test('inline mode: no secret in the steps; every platform checks the file and reads the log', () => {
    for (const platform of FLUENTBIT_PLATFORMS) {
      const { steps } = render({}, { platform });
      expect(JSON.stringify(steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
      expect(steps.every((s) => s.agent === 'fluentbit')).toBe(true);
      const commands = allCommands(steps).join('\n');
      if (platform !== 'kubernetes') expect(commands).toContain('--dry-run');
      expect(commands).toMatch(/grep -iE 'kafka\|error\|warn'/);
    }
  });

  test('YAML on systemd: a drop-in starts fluent-bit with the .yaml file', () => {
    const commands = allCommands(render({}, { format: 'yaml' }).steps);
    expect(commands.some((c) => c.includes('ExecStart=\\nExecStart=/opt/fluent-bit/bin/fluent-bit -c /etc/fluent-bit/fluent-bit.yaml'))).toBe(true);
  });

  test('classic output-only: the file is included once from fluent-bit.conf', () => {
    const commands = allCommands(render({}, { mode: 'output-only' }).steps);
    expect(commands).toContain(
      "sudo grep -qi '^@INCLUDE sls-kafka.conf$' /etc/fluent-bit/fluent-bit.conf || echo '@INCLUDE sls-kafka.conf' | sudo tee -a /etc/fluent-bit/fluent-bit.conf > /dev/null",
    );
    // And the include line parses as an include.
    expect(parseFluentBitClassic('@INCLUDE sls-kafka.conf\n').includes).toEqual(['sls-kafka.conf']);
  });

  test('Kubernetes inline: a warning that the secret would sit in a ConfigMap', () => {
    expect(render({}, { platform: 'kubernetes' }).steps.some((s) => s.kind === 'warning' && s.title.includes('ConfigMap'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// The classic grammar

describe('classic parser (flb_cf_fluentbit.c)', () => {
  test('sections, comments, metas, includes, CRLF, trimmed values, lower-cased keys', () => {
    const doc = parseFluentBitClassic('@SET a=b\r\n@include x.conf\n# c\n[OUTPUT]\n    Name   kafka \r\n    # c2\n    Brokers a#b\n\n');
    expect(doc.metas).toEqual(['@SET a=b']);
    expect(doc.includes).toEqual(['x.conf']);
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]!.properties.map((p) => [p.key, p.value])).toEqual([
      ['name', 'kafka'],
      ['brokers', 'a#b'],
    ]);
  });

  test.each([
    ['[OUTPUT\n', 'bad header definition'],
    ['[OUTPUT]\n    Name kafka\n  Match *\n', 'indentation level is too low'],
    ['[OUTPUT]\n    Name kafka\n     Match *\n', 'extra indentation level found'],
    ['[OUTPUT]\n    Name\n', 'undefined value'],
    ['[OUTPUT]\n    Name \n', 'key has an empty value'],
    ['[OUTPUT]\n    Name kafka\n\tMatch *\n', 'inconsistent use of tab and space'],
    ['    Name kafka\n', 'outside any section'],
  ])('%j is an error: %s', (text, message) => {
    expect(() => parseFluentBitClassic(text)).toThrow(FluentBitClassicParseError);
    expect(() => parseFluentBitClassic(text)).toThrow(message);
  });

  test('a [group] inside a section takes twice the indent (and, as in read_config, needs a space after it)', () => {
    expect(() => parseFluentBitClassic('[S]\n    name p\n    [RULE]\n')).toThrow('undefined value');
    const doc = parseFluentBitClassic('[MULTILINE_PARSER]\n    name p\n    [RULE] -\n        a b\n    type regex\n');
    expect(doc.sections[0]!.groups).toEqual([{ name: 'RULE', properties: [{ key: 'a', value: 'b', line: 4 }] }]);
    expect(doc.sections[0]!.properties.map((p) => p.key)).toEqual(['name', 'type']);
  });

  test('expandVariables follows flb_env_var_translate', () => {
    const env = (n: string) => ({ A: '1', B: '2' })[n];
    expect(expandVariables('x${A}y${B}z', env)).toBe('x1y2z');
    expect(expandVariables('${UNSET}', env)).toBe('');
    expect(expandVariables('a${', env)).toBe('a${');
  });
});

// ---------------------------------------------------------------------------
// Property tests

const hostileFragment = fc.constantFrom(' ', '\t', '\n', '\r\n', '#', '# x', '[OUTPUT]', '${', '${A}', '}', '$', '@INCLUDE /etc/passwd', '\u0000', '\u007f', 'é', '日志', '😀', '\ud800', ':', ',', "'", '"', '\\');
const hostileText = fc.array(fc.oneof(hostileFragment, fc.string({ maxLength: 5 })), { maxLength: 8 }).map((parts) => parts.join(''));

describe('value check (the quoting rule)', () => {
  test('a value passes exactly when a `Key value` line with it parses back to it', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const problem = fluentBitValueProblem('Value', value);
        if (problem) {
          expect(problem.startsWith('Value: ')).toBe(true);
          expect(() => fluentBitLiteral('Value', value)).toThrow(RangeError);
          return;
        }
        const text = `[OUTPUT]\n${classicLine('    ', 'Key', value, 10)}\n    Other x\n`;
        const [section] = parseFluentBitClassic(text).sections;
        expect(section!.properties.map((p) => [p.key, p.value])).toEqual([
          ['key', value],
          ['other', 'x'],
        ]);
        expect(expandVariables(value, () => 'SET')).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('renderer with hostile values', () => {
  const base = render({}, { caFile: '/placeholder.pem' });
  const baseLines = base.file.content.split('\n').length;

  test('username, password, topic, host, log path and CA file: read back exactly (both formats), or refused', () => {
    const ctx = contextFor();
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        hostileText,
        hostileText,
        fc.oneof(hostileText, hostileText.map((t) => `/${t}`)),
        fc.oneof(hostileText, hostileText.map((t) => `/${t}`)),
        fc.constantFrom(...FLUENTBIT_FORMATS),
        (username, password, topic, host, logPath, caFile, format) => {
          const parsed = fluentbitOptionsSchema.safeParse({ logPath, caFile, format });
          if (!parsed.success) {
            for (const issue of parsed.error.issues) expect(issue.message).toMatch(/^(Files to collect|CA certificate file): \S/);
            return;
          }
          const options: FluentbitOptions = parsed.data;
          const hostile: RenderContext = { ...ctx, username, password, topic, endpoint: { host, port: 10012, bootstrap: `${host}:10012` } };
          const values = [username, password, topic, `${host}:10012`];
          if (values.some((v) => fluentBitValueProblem('v', v) !== undefined)) {
            expect(() => renderFluentbitConfig(hostile, options)).toThrow(RangeError);
            return;
          }
          const file = renderFluentbitConfig(hostile, options).files[0]!;
          const sections = sectionsOf(file);
          const kafka = Object.fromEntries(sections.find((s) => s.kind === 'output')!.props);
          expect(kafka).toMatchObject({
            brokers: `${host}:10012`,
            topics: topic,
            'rdkafka.sasl.username': username,
            'rdkafka.sasl.password': password,
            'rdkafka.security.protocol': 'SASL_SSL',
          });
          if (options.caFile !== '') expect(kafka['rdkafka.ssl.ca.location']).toBe(options.caFile);
          expect(sections.find((s) => s.kind === 'input')!.props.get('path')).toBe(options.logPath);
          expect(sections.map((s) => [s.kind, [...s.props.keys()].sort()])).toEqual(sectionsOf(render({}, { format, caFile: options.caFile === '' ? '' : '/placeholder.pem' }).file).map((s) => [s.kind, [...s.props.keys()].sort()]));
          if (format === 'classic' && options.caFile !== '') expect(file.content.split('\n')).toHaveLength(baseLines);
        },
      ),
      { numRuns: 400 },
    );
  });
});
