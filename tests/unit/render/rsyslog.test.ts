/**
 * rsyslog omkafka renderer: golden files (inline/env × SLS/sandbox), the
 * RainerScript quoting and parser, and random valid settings whose file reads
 * back to them. The daemon's own check (`rsyslogd -N1`) runs in
 * tests/integration/interop/rsyslog.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRenderContext, renderSettings, type RenderOptions } from '@/lib/agents';
import { checkProducerSettings } from '@/lib/agents/producer-check';
import { readBackRsyslog } from '@/lib/agents/rsyslog/read-back';
import { renderRsyslogConfig } from '@/lib/agents/rsyslog/render';
import { RSYSLOG_OS_FAMILIES, rsyslogOptionsSchema, type RsyslogOptions } from '@/lib/agents/rsyslog/schema';
import { ACKS_ORDER, CODECS } from '@/lib/agents/common/codecs';
import {
  expandBacktick,
  parseRainerScript,
  RainerScriptParseError,
  rainerParam,
  rainerStringParam,
} from '@/lib/config-languages/rainerscript/parser';
import { rainerString, UnrepresentableRainerScriptValueError } from '@/lib/config-languages/rainerscript/quote';
import { settingsSchema, type SettingsInput } from '@/lib/settings/schema';
import { EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';
import { producerReadBack, stepsMarkdown } from '@/tests/support/render-helpers';

function render(options: Partial<RsyslogOptions> = {}, overrides: Partial<SettingsInput> = {}, renderOptions: RenderOptions = {}) {
  const settings = exampleSettings({ ...overrides, agents: { rsyslog: options } });
  const ctx = createRenderContext(settings, renderOptions);
  const result = renderRsyslogConfig(ctx, settings.agents.rsyslog!);
  expect(result.files).toHaveLength(1);
  return { ctx, file: result.files[0]!, steps: result.steps };
}

function omkafka(content: string) {
  const action = parseRainerScript(content).find((o) => o.type === 'action' && rainerStringParam(o, 'type') === 'omkafka');
  expect(action).toBeDefined();
  return action!;
}

describe('rsyslog options schema', () => {
  it('names the field and the fix in every message', () => {
    const res = rsyslogOptionsSchema.safeParse({ osFamily: 'suse', caPath: 'certs/ca.pem', compression: 'brotli', acks: 'all' });
    const byField = Object.fromEntries(res.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.osFamily).toMatch(/^OS family: choose “debian”/);
    expect(byField.caPath).toMatch(/^CA file: enter an absolute path/);
    expect(byField.compression).toMatch(/^Compression: choose “none”/);
    expect(byField.acks).toMatch(/^Acks: choose 1 /);
    expect(rsyslogOptionsSchema.safeParse({ caPath: '/etc/ca\n.pem' }).error!.issues[0]!.message).toMatch(/^CA file: remove the line break/);
    expect(rsyslogOptionsSchema.safeParse({ key: 'x' }).error!.issues[0]!.message).toBe('rsyslog options: unknown field “key”; remove it.');
    const viaSettings = settingsSchema.safeParse({ ...exampleSettings(), agents: { rsyslog: { acks: 2 } } });
    expect(viaSettings.error!.issues[0]!.path).toEqual(['agents', 'rsyslog', 'acks']);
  });
});

describe('golden files', () => {
  const sandbox: RenderOptions = { sandbox: { host: 'localhost', port: 10012, caUrl: 'http://localhost:3000/api/sandbox/ca' } };
  it.each([
    ['sls', 'inline', {}],
    ['sls', 'env', { osFamily: 'rhel', compression: 'lz4', acks: -1 }],
    ['sandbox', 'inline', { compression: 'none' }],
    ['sandbox', 'env', { caPath: '/opt/sls/ca.pem', acks: 0 }],
  ] as const)('%s, %s secret', async (target, secretMode, options) => {
    const { file, steps } = render(options as Partial<RsyslogOptions>, { target, secretMode, expandJson: target === 'sandbox' }, sandbox);
    const name = `${target}-${secretMode}`;
    await expect(file.content).toMatchFileSnapshot(`./golden/rsyslog/60-sls-kafka.${name}.conf`);
    await expect(stepsMarkdown(steps)).toMatchFileSnapshot(`./golden/rsyslog/steps.${name}.md`);
    if (secretMode === 'env') {
      expect(file.content + JSON.stringify(steps)).not.toContain(EXAMPLE_PASSWORD.split('#')[1]);
    }
  });
});

describe('what the file tells omkafka', () => {
  it('spreads keyless records over the shards and switches TLS and SASL PLAIN on', () => {
    const { file, ctx } = render();
    const action = omkafka(file.content);
    expect(rainerStringParam(action, 'partitions.auto')).toBe('on');
    expect(rainerParam(action, 'key')).toBeUndefined();
    expect(rainerParam(action, 'broker')).toEqual({ kind: 'array', items: [{ kind: 'string', value: ctx.endpoint.bootstrap }] });
    const conf = rainerParam(action, 'confParam');
    expect(conf?.kind).toBe('array');
    const items = conf!.kind === 'array' ? conf!.items.map((i) => (i.kind === 'string' ? i.value : i.kind)) : [];
    expect(items).toEqual(
      expect.arrayContaining(['security.protocol=SASL_SSL', 'sasl.mechanisms=PLAIN', 'sasl.username=test-project-1', `sasl.password=${EXAMPLE_PASSWORD}`, 'ssl.ca.location=/etc/ssl/certs/ca-certificates.crt']),
    );
    expect(items.some((i) => /verification|ssl.endpoint.identification.algorithm=none/.test(i))).toBe(false);
    // The template is rsyslog's JSON builder, and the action uses it.
    const template = parseRainerScript(file.content).find((o) => o.type === 'template')!;
    expect(rainerStringParam(template, 'option.jsonf')).toBe('on');
    expect(template.children.map((c) => rainerStringParam(c, 'outname'))).toEqual(['time', 'host', 'severity', 'facility', 'program', 'message']);
    expect(rainerStringParam(action, 'template')).toBe(rainerStringParam(template, 'name'));
  });

  it('takes the whole password parameter from SLS_KAFKA_PASSWORD in env mode', () => {
    const { file } = render({}, { secretMode: 'env' });
    const conf = rainerParam(omkafka(file.content), 'confParam');
    const backticks = conf!.kind === 'array' ? conf!.items.filter((i) => i.kind === 'backtick') : [];
    expect(backticks).toEqual([{ kind: 'backtick', text: 'echo sasl.password=$SLS_KAFKA_PASSWORD' }]);
    const text = backticks[0]!.kind === 'backtick' ? backticks[0]!.text : '';
    expect(expandBacktick(text, { SLS_KAFKA_PASSWORD: EXAMPLE_PASSWORD })).toBe(`sasl.password=${EXAMPLE_PASSWORD}`);
    expect(expandBacktick(text, {})).toBe('sasl.password=');
  });

  it('reports a constant key or partitions.auto off as pinning one shard', () => {
    const { file, ctx } = render();
    for (const [from, to] of [
      ['partitions.auto="on"', 'partitions.auto="off"'],
      ['partitions.auto="on"', ''],
      ['template="sls_kafka_json"', 'template="sls_kafka_json" key="content"'],
    ] as const) {
      const changed = { ...file, content: file.content.replace(from, to) };
      const check = checkProducerSettings(ctx, [changed]);
      expect(check.problems.join('\n'), to).toMatch(/pins every record to one shard/);
    }
  });
});

describe('RainerScript quoting and parser', () => {
  const HOSTILE = ['"', '\\', '#', '$', '`', '${', ' ', ']', ')', ',', '=', '/*', '*/', 'é', '日志', '😀', "'", '\\n', 'a'];
  it('reads back every quoted value exactly, whatever it holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (value) => {
        fc.pre(!/[\u0000-\u001f\u007f-\u009f]/u.test(value));
        const objects = parseRainerScript(`action(type="omfile" file=${rainerString(value)} confParam=[${rainerString(value)}, "x"]) # ${value.replace(/\n/g, '')}\n`);
        expect(objects).toHaveLength(1);
        expect(rainerStringParam(objects[0]!, 'file')).toBe(value);
        expect(rainerParam(objects[0]!, 'confParam')).toEqual({ kind: 'array', items: [{ kind: 'string', value }, { kind: 'string', value: 'x' }] });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses control characters, naming the value', () => {
    expect(() => rainerString('a\nb', 'CA file')).toThrow(UnrepresentableRainerScriptValueError);
    expect(() => rainerString('a\u0085b', 'CA file')).toThrow(/CA file: the control character U\+0085/);
  });

  it('rejects what rsyslog rejects, with a line number', () => {
    for (const [text, message] of [
      ['action(type="omkafka" topic="a\\qb")', /invalid escape \\q/],
      ['action(type="omkafka" topic="abc)', /unterminated string/],
      ['action(type="omkafka" topic=abc)', /expected a "string"/],
      ['action(type="omkafka" topic="a" topic="b")', /given twice/],
      ['*.* /var/log/x', /expected a name/],
      ['if $msg contains "x" then stop', /unsupported statement “if”/],
      ['template(name="t" type="list") { foo(x="y") }', /expected property\(…\) or constant\(…\)/],
      ['/* open', /unterminated \/\* comment/],
    ] as const) {
      expect(() => parseRainerScript(text), text).toThrow(RainerScriptParseError);
      expect(() => parseRainerScript(text), text).toThrow(message);
    }
  });

  it('skips both comment styles and matches names case-insensitively, as rsyslog does', () => {
    const [a] = parseRainerScript('/* x */ ACTION(Type="omkafka" # c\n  CONFPARAM=["a=1"] /* y\n */ Topic="t")');
    expect(a!.type).toBe('action');
    expect(rainerStringParam(a!, 'topic')).toBe('t');
    expect(rainerParam(a!, 'confparam')).toEqual({ kind: 'array', items: [{ kind: 'string', value: 'a=1' }] });
  });
});

describe('random valid settings read back', () => {
  const optionsArb = fc.record({
    osFamily: fc.constantFrom(...RSYSLOG_OS_FAMILIES),
    caPath: fc.oneof(fc.constant(''), fc.stringMatching(/^\/[a-z0-9 "#\\$`=_.\/-]{1,30}$/)),
    compression: fc.constantFrom(...CODECS),
    acks: fc.constantFrom(...ACKS_ORDER),
  });
  it('gives back bootstrap, topic, user, password or reference, PLAIN, TLS, no key, codec and acks', () => {
    fc.assert(
      fc.property(optionsArb, fc.constantFrom('inline', 'env'), fc.constantFrom('sls', 'sandbox'), fc.boolean(), (options, secretMode, target, expandJson) => {
        const settings = exampleSettings({ secretMode, target, expandJson, agents: { rsyslog: options } });
        const ctx = createRenderContext(settings);
        const { files } = renderSettings(settings);
        const read = readBackRsyslog(files[0]!)!;
        expect(read).toEqual({
          agent: 'rsyslog',
          path: '60-sls-kafka.conf',
          ...producerReadBack(ctx, { password: secretMode === 'env' ? '$SLS_KAFKA_PASSWORD' : ctx.password, codec: options.compression, acks: options.acks }),
        });
        const ca = /"ssl\.ca\.location=((?:[^"\\]|\\.)*)"/.exec(files[0]!.content)![1]!.replace(/\\(.)/g, '$1');
        if (options.caPath !== '') expect(ca).toBe(options.caPath);
        expect(checkProducerSettings(ctx, files).problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
