/**
 * syslog-ng kafka-c() renderer: golden files (inline/env × SLS/sandbox), the
 * syslog-ng quoting and destination parser, and random valid settings whose
 * file reads back to them. The daemon's own check (`syslog-ng --syntax-only`)
 * runs in tests/integration/interop/syslog-ng.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRenderContext, renderSettings, type RenderOptions } from '@/lib/agents';
import { CODECS } from '@/lib/agents/common/codecs';
import { checkProducerSettings } from '@/lib/agents/producer-check';
import { readBackSyslogNg } from '@/lib/agents/syslog-ng/read-back';
import { renderSyslogNgConfig } from '@/lib/agents/syslog-ng/render';
import { SYSLOG_NG_OS_FAMILIES, syslogNgOptionsSchema, type SyslogNgOptions } from '@/lib/agents/syslog-ng/schema';
import {
  parseSyslogNgConfig,
  substituteBackticks,
  SyslogNgParseError,
  syslogNgOptions,
  syslogNgPairs,
  syslogNgValue,
  type SyslogNgOption,
} from '@/lib/config-languages/syslog-ng/parser';
import { syslogNgString, UnrepresentableSyslogNgValueError } from '@/lib/config-languages/syslog-ng/quote';
import { settingsSchema, type SettingsInput } from '@/lib/settings/schema';
import { EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';
import { producerReadBack, stepsMarkdown } from '@/tests/support/render-helpers';

function render(options: Partial<SyslogNgOptions> = {}, overrides: Partial<SettingsInput> = {}, renderOptions: RenderOptions = {}) {
  const settings = exampleSettings({ ...overrides, agents: { 'syslog-ng': options } });
  const ctx = createRenderContext(settings, renderOptions);
  const result = renderSyslogNgConfig(ctx, settings.agents['syslog-ng']!);
  expect(result.files).toHaveLength(1);
  return { ctx, file: result.files[0]!, steps: result.steps };
}

function kafkaDriver(content: string): { driver: SyslogNgOption; logs: SyslogNgOption[][] } {
  const statements = parseSyslogNgConfig(content);
  const destinations = statements.filter((s) => s.kind === 'block' && s.type === 'destination');
  expect(destinations).toHaveLength(1);
  const d = destinations[0]!;
  if (d.kind !== 'block') throw new Error('unreachable');
  expect(d.items.map((i) => i.name)).toEqual(['kafka-c']);
  const logs = statements.flatMap((s) => (s.kind === 'block' && s.type === 'log' ? [s.items] : []));
  return { driver: d.items[0]!, logs };
}

describe('syslog-ng options schema', () => {
  it('names the field and the fix in every message', () => {
    const res = syslogNgOptionsSchema.safeParse({ osFamily: 'suse', source: 's src', caPath: '/etc/`x`.pem', compression: 'brotli' });
    const byField = Object.fromEntries(res.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.osFamily).toMatch(/^OS family: choose “debian”/);
    expect(byField.source).toMatch(/^Source: enter the name of a source/);
    expect(byField.caPath).toMatch(/^CA file: remove the character `/);
    expect(byField.compression).toMatch(/^Compression: choose “none”/);
    expect(syslogNgOptionsSchema.safeParse({ syncSend: true }).error!.issues[0]!.message).toBe('syslog-ng options: unknown field “syncSend”; remove it.');
    const viaSettings = settingsSchema.safeParse({ ...exampleSettings(), agents: { 'syslog-ng': { caPath: 'rel.pem' } } });
    expect(viaSettings.error!.issues[0]!.path).toEqual(['agents', 'syslog-ng', 'caPath']);
  });
});

describe('golden files', () => {
  const sandbox: RenderOptions = { sandbox: { host: 'localhost', port: 10012, caUrl: 'http://localhost:3000/api/sandbox/ca' } };
  it.each([
    ['sls', 'inline', {}],
    ['sls', 'env', { osFamily: 'rhel', compression: 'zstd' }],
    ['sandbox', 'inline', { source: 's_net', compression: 'none' }],
    ['sandbox', 'env', { caPath: '/opt/sls/ca.pem' }],
  ] as const)('%s, %s secret', async (target, secretMode, options) => {
    const { file, steps } = render(options as Partial<SyslogNgOptions>, { target, secretMode, expandJson: target === 'sandbox' }, sandbox);
    const name = `${target}-${secretMode}`;
    await expect(file.content).toMatchFileSnapshot(`./golden/syslog-ng/sls-kafka.${name}.conf`);
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot(`./golden/syslog-ng/steps.${name}.md`);
    if (secretMode === 'env') expect(file.content + JSON.stringify(steps)).not.toContain(EXAMPLE_PASSWORD.split('#')[1]);
  });
});

describe('what the file tells kafka-c()', () => {
  it('has no key(), no sync-send(), TLS and SASL PLAIN in config(), JSON messages, and a log path', () => {
    const { file, ctx } = render();
    const { driver, logs } = kafkaDriver(file.content);
    expect(syslogNgOptions(driver, 'key')).toEqual([]);
    expect(syslogNgOptions(driver, 'sync-send')).toEqual([]);
    expect(syslogNgValue(syslogNgOptions(driver, 'bootstrap-servers')[0])).toBe(ctx.endpoint.bootstrap);
    expect(syslogNgValue(syslogNgOptions(driver, 'message')[0])).toMatch(/^\$\(format-json --scope rfc5424 --scope nv-pairs /);
    const config = syslogNgPairs(syslogNgOptions(driver, 'config')[0]!);
    expect(Object.fromEntries(config)).toMatchObject({
      'security.protocol': 'SASL_SSL',
      'sasl.mechanisms': 'PLAIN',
      'sasl.username': 'test-project-1',
      'sasl.password': EXAMPLE_PASSWORD,
      'ssl.ca.location': '/etc/ssl/certs/ca-certificates.crt',
    });
    expect([...config.keys()].some((k) => /verification|transactional/.test(k))).toBe(false);
    expect(logs).toEqual([[
      { name: 'source', args: [{ kind: 'word', value: 's_src' }] },
      { name: 'destination', args: [{ kind: 'word', value: 'd_sls_kafka' }] },
    ]]);
    expect(kafkaDriver(render({ osFamily: 'rhel' }).file.content).logs[0]![0]!.args).toEqual([{ kind: 'word', value: 's_sys' }]);
  });

  it('names SLS_KAFKA_PASSWORD in env mode, which syslog-ng substitutes (empty when unset)', () => {
    const { file } = render({}, { secretMode: 'env' });
    const config = syslogNgPairs(syslogNgOptions(kafkaDriver(file.content).driver, 'config')[0]!);
    expect(config.get('sasl.password')).toBe('`SLS_KAFKA_PASSWORD`');
    const substituted = (env: Record<string, string>) =>
      syslogNgPairs(syslogNgOptions(kafkaDriver(substituteBackticks(file.content, env)).driver, 'config')[0]!).get('sasl.password');
    expect(substituted({ SLS_KAFKA_PASSWORD: EXAMPLE_PASSWORD })).toBe(EXAMPLE_PASSWORD);
    expect(substituted({})).toBe('');
  });

  it('reports a constant key and refuses sync-send(yes)', () => {
    const { file, ctx } = render();
    const keyed = { ...file, content: file.content.replace('topic(', 'key("content")\n    topic(') };
    expect(checkProducerSettings(ctx, [keyed]).problems.join('\n')).toMatch(/constant message key “content” pins every record to one shard/);
    const sync = { ...file, content: file.content.replace('topic(', 'sync-send(yes)\n    topic(') };
    expect(checkProducerSettings(ctx, [sync]).problems.join('\n')).toMatch(/does not parse: sync-send\(yes\) uses transactions/);
  });
});

describe('syslog-ng quoting and parser', () => {
  const HOSTILE = ['"', '\\', '#', '$', '${', ' ', ')', '(', '=>', ';', '}', '{', 'é', '日志', '😀', "'", '\\n', '@', 'a'];
  it('reads back every quoted value exactly, whatever it holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (value) => {
        fc.pre(!/[\u0000-\u001f\u007f-\u009f`]/u.test(value) && value !== 'k');
        const q = syslogNgString(value);
        const [d] = parseSyslogNgConfig(`destination d { kafka-c(topic(${q}) config(${q} => ${q} "k" => "v")); };\n`);
        if (d?.kind !== 'block') throw new Error('expected a block');
        const driver = d.items[0]!;
        expect(syslogNgValue(syslogNgOptions(driver, 'topic')[0])).toBe(value);
        expect([...syslogNgPairs(syslogNgOptions(driver, 'config')[0]!)]).toEqual([[value, value], ['k', 'v']]);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses control characters and backticks, naming the value', () => {
    expect(() => syslogNgString('a\nb', 'CA file')).toThrow(UnrepresentableSyslogNgValueError);
    expect(() => syslogNgString('a`b`', 'CA file')).toThrow(/CA file: the character ` cannot be written/);
  });

  it('reads C escapes, single quotes, pragmas, comments and _ as -', () => {
    const statements = parseSyslogNgConfig('@version: 3.38\n# c\ndestination d {\n  kafka_c(topic("a\\tb\\x41\\q") bootstrap_servers(\'x\\y\'));\n};\n');
    expect(statements[0]).toEqual({ kind: 'pragma', text: '@version: 3.38' });
    const d = statements[1]!;
    if (d.kind !== 'block') throw new Error('expected a block');
    expect(d.items[0]!.name).toBe('kafka-c');
    expect(syslogNgValue(syslogNgOptions(d.items[0]!, 'topic')[0])).toBe('a\tbAq');
    expect(syslogNgValue(syslogNgOptions(d.items[0]!, 'bootstrap-servers')[0])).toBe('x\\y');
  });

  it('rejects broken files with a line number', () => {
    for (const [text, message] of [
      ['destination d { kafka-c(topic("x")); }', /expected “;”/],
      ['destination d { kafka-c(topic("x"); };', /unclosed|expected/],
      ['destination d { kafka-c(topic("x)); };', /unterminated string/],
      ['destination d { kafka-c topic("x"); };', /expected “\(” after kafka-c/],
    ] as const) {
      expect(() => parseSyslogNgConfig(text), text).toThrow(SyslogNgParseError);
      expect(() => parseSyslogNgConfig(text), text).toThrow(message);
    }
  });
});

describe('random valid settings read back', () => {
  const optionsArb = fc.record({
    osFamily: fc.constantFrom(...SYSLOG_NG_OS_FAMILIES),
    source: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/)),
    caPath: fc.oneof(fc.constant(''), fc.stringMatching(/^\/[a-z0-9 "#\\$=_.\/(){};-]{1,30}$/)),
    compression: fc.constantFrom(...CODECS),
  });
  it('gives back bootstrap, topic, user, password or reference, PLAIN, TLS, no key and codec', () => {
    fc.assert(
      fc.property(optionsArb, fc.constantFrom('inline', 'env'), fc.constantFrom('sls', 'sandbox'), fc.boolean(), (options, secretMode, target, expandJson) => {
        const settings = exampleSettings({ secretMode, target, expandJson, agents: { 'syslog-ng': options } });
        const ctx = createRenderContext(settings);
        const { files } = renderSettings(settings);
        expect(readBackSyslogNg(files[0]!)).toEqual({
          agent: 'syslog-ng',
          path: 'sls-kafka.conf',
          ...producerReadBack(ctx, { password: secretMode === 'env' ? '`SLS_KAFKA_PASSWORD`' : ctx.password, codec: options.compression, acks: -1 }),
        });
        const config = syslogNgPairs(syslogNgOptions(kafkaDriver(files[0]!.content).driver, 'config')[0]!);
        if (options.caPath !== '') expect(config.get('ssl.ca.location')).toBe(options.caPath);
        if (options.source !== '') expect(kafkaDriver(files[0]!.content).logs[0]![0]!.args).toEqual([{ kind: 'word', value: options.source }]);
        expect(checkProducerSettings(ctx, files).problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
