import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCollectdConfig } from '@/lib/agents/collectd/render';
import { collectdString, UnrepresentableCollectdValueError, unrepresentableCharacter } from '@/lib/config-languages/collectd/quote';
import { shellWord } from '@/lib/config-languages/shell/quote';
import { createRenderContext, renderSettings, type RenderContext, type RenderOptions } from '@/lib/agents';
import type { RenderStep } from '@/lib/agents/types';
import {
  COLLECTD_ACKS,
  COLLECTD_COMPRESSIONS,
  collectdOptionsSchema,
  type CollectdOptions,
} from '@/lib/agents/collectd/schema';
import { fieldErrors, settingsSchema, type SettingsInput } from '@/lib/settings/schema';
import {
  CollectdParseError,
  childrenNamed,
  onlyChild,
  parseCollectdConfig,
  propertiesOf,
  type CollectdItem,
} from '@/lib/config-languages/collectd/parser';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';
import { stepText } from '@/tests/support/render-helpers';

type CollectdInput = Partial<Record<keyof CollectdOptions, unknown>>;

function render(collectd: CollectdInput = {}, overrides: Partial<SettingsInput> = {}, renderOptions: RenderOptions = {}) {
  const settings = exampleSettings({ ...overrides, agents: { collectd: collectd as CollectdOptions } });
  const ctx = createRenderContext(settings, renderOptions);
  const result = renderCollectdConfig(ctx, settings.agents.collectd!);
  expect(result.files).toHaveLength(1);
  const file = result.files[0]!;
  return { ctx, file, content: file.content, steps: result.steps, tree: parseCollectdConfig(file.content) };
}

/** What write_kafka would see: global properties, the topic and its children. */
function writeKafka(tree: CollectdItem[]) {
  const plugin = onlyChild(tree, 'Plugin');
  expect(plugin.values).toEqual(['write_kafka']);
  const topic = onlyChild(plugin.children, 'Topic');
  return {
    plugin,
    topic,
    global: new Map(propertiesOf(plugin).map(([k, v]) => [k, v])),
    topicProps: new Map(propertiesOf(topic).map(([k, v]) => [k, v])),
    option: (key: string) => childrenNamed(topic.children, key).map((c) => c.values),
  };
}

function stepsText(steps: RenderStep[]): string {
  return steps
    .map((s, i) => {
      const head = `## ${i + 1}. ${s.title}${s.kind === 'warning' ? ' [warning]' : ''}`;
      const detail = s.detail ? `\n${s.detail}` : '';
      const commands = s.commands?.length ? `\n\n${s.commands.map((c) => `$ ${c}`).join('\n')}` : '';
      return `${head}${detail}${commands}\n`;
    })
    .join('\n');
}

/** Characters that break naive templates: quotes, backslashes, line breaks, comments, interpolation, unicode. */
const HOSTILE = ['"', '\\', '\n', '\r', '#', '${', '#{', "'", '`', '$', ' ', '<', '>', '/', '\t', '\u0000', 'é', '漢', '😀', '\u2028', '\u0085', 'a', 'Z', '0', '.'];
const hostileString = fc.oneof(
  fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
);

describe('collectd options schema', () => {
  it('requires an absolute CA path for OS family custom, naming the field', () => {
    for (const [caPath, pattern] of [
      ['', /^CA path: enter the absolute path of the CA bundle/],
      ['certs/ca.pem', /^CA path: enter an absolute path such as/],
      ['/etc/ca\n.pem', /^CA path: remove the line break or other control character \(U\+000A\)/],
      ['/etc/ca\u0000.pem', /\(U\+0000\)/],
      ['/etc/ca\u0085.pem', /\(U\+0085\)/],
    ] as const) {
      const res = collectdOptionsSchema.safeParse({ osFamily: 'custom', caPath });
      expect(res.success, caPath).toBe(false);
      expect(res.error!.issues).toHaveLength(1);
      expect(res.error!.issues[0]!.path).toEqual(['caPath']);
      expect(res.error!.issues[0]!.message).toMatch(pattern);
    }
    expect(collectdOptionsSchema.parse({ osFamily: 'custom', caPath: '/opt/ca "x" #1\\.pem' }).caPath).toBe('/opt/ca "x" #1\\.pem');
  });

  it('checks a CA path given for another OS family too', () => {
    expect(collectdOptionsSchema.safeParse({ osFamily: 'rhel', caPath: 'relative.pem' }).success).toBe(false);
    expect(collectdOptionsSchema.parse({ osFamily: 'rhel', caPath: '/etc/pki/own.pem' }).caPath).toBe('/etc/pki/own.pem');
  });

  it('names the field and the accepted values in every other message', () => {
    const res = collectdOptionsSchema.safeParse({ osFamily: 'suse', compression: 'brotli', acks: 'all', storeRates: 'yes', format: 'Graphite' });
    const byField = Object.fromEntries(res.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.osFamily).toMatch(/^OS family: choose “debian”/);
    expect(byField.compression).toMatch(/^Compression: choose “none”, “gzip”, “snappy”, “lz4” or “zstd”/);
    expect(byField.acks).toMatch(/^Acks: choose 1 .*-1 .*0 /);
    expect(byField.storeRates).toBe('Store rates: expected true or false.');
    expect(byField.format).toMatch(/^Format: only “JSON” is offered/);
    for (const acks of COLLECTD_ACKS) expect(collectdOptionsSchema.parse({ acks }).acks).toBe(acks);
    expect(collectdOptionsSchema.safeParse({ acks: 2 }).success).toBe(false);
  });

  it('rejects unknown options by name, also through the settings schema', () => {
    const res = settingsSchema.safeParse({ ...EXAMPLE_INPUT, agents: { collectd: { key: 'content' } } });
    expect(res.success).toBe(false);
    const errors = fieldErrors(res.error!);
    expect(errors.map((e) => e.field).sort()).toEqual(['agents.collectd.key']);
    expect(errors[0]!.message).toMatch(/^Unknown collectd option “key”: remove it/);
  });

  it('reports the CA path problem under agents.collectd.caPath in the settings', () => {
    const res = settingsSchema.safeParse({ ...EXAMPLE_INPUT, agents: { collectd: { osFamily: 'custom' } } });
    expect(fieldErrors(res.error!)).toEqual([{ field: 'agents.collectd.caPath', message: expect.stringMatching(/^CA path: /) }]);
  });
});

describe('collectdString (collectd.conf quoting)', () => {
  it('escapes quotes and backslashes and leaves # literal', () => {
    expect(collectdString('a"b\\c#d ${x} #{y}')).toBe('"a\\"b\\\\c#d ${x} #{y}"');
    const [item] = parseCollectdConfig(`Key ${collectdString('AKID#secret" \\')}\n`);
    expect(item!.values).toEqual(['AKID#secret" \\']);
  });

  it('refuses control characters, naming the value', () => {
    expect(() => collectdString('a\nb', 'Password')).toThrow(UnrepresentableCollectdValueError);
    expect(() => collectdString('a\nb', 'Password')).toThrow(/^Password: the control character U\+000A/);
    expect(unrepresentableCharacter('tab\there')).toBe('U+0009');
    expect(unrepresentableCharacter('fine é 😀 \u2028')).toBeUndefined();
  });

  it('round-trips any string it accepts, without touching the lines around it', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        if (unrepresentableCharacter(value) !== undefined) {
          expect(() => collectdString(value)).toThrow(UnrepresentableCollectdValueError);
          return;
        }
        const text = `Before 1\nProperty ${collectdString(value)} ${collectdString(value)}\n<Block ${collectdString(value)}>\n  Inner true\n</Block>\nAfter "x"\n`;
        expect(parseCollectdConfig(text)).toEqual([
          { key: 'Before', values: [1], children: [], line: 1 },
          { key: 'Property', values: [value, value], children: [], line: 2 },
          { key: 'Block', values: [value], children: [{ key: 'Inner', values: [true], children: [], line: 4 }], line: 3 },
          { key: 'After', values: ['x'], children: [], line: 6 },
        ]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('shellWord (step commands)', () => {
  it('keeps plain words and single-quotes the rest', () => {
    expect(shellWord('/etc/collectd/sls-sandbox-ca.pem')).toBe('/etc/collectd/sls-sandbox-ca.pem');
    expect(shellWord("/opt/it's here")).toBe(`'/opt/it'\\''s here'`);
  });

  it('is read back by sh as exactly one word', () => {
    fc.assert(
      fc.property(hostileString.filter((v) => !v.includes('\u0000')), (value) => {
        const out = execFileSync('sh', ['-c', `printf '%s' ${shellWord(value)}`]);
        expect(out.toString('utf8')).toBe(Buffer.from(value, 'utf8').toString('utf8'));
      }),
      { numRuns: 60 },
    );
  });
});

describe('collectd.conf test parser (liboconfig rules)', () => {
  it('reads numbers, booleans, unquoted strings, addresses, comments and continued lines', () => {
    const tree = parseCollectdConfig(
      [
        'Interval 10 # comment',
        'Float -1.5e+3 0x1F 017',
        'Flags true off yes_no on',
        'Addr 10.0.0.1:8080 [::1]:9092',
        'Joined "a" \\',
        '  "b"',
        'Multi "first \\',
        '    second"',
        'Hash "a#b" #"c"',
        '',
      ].join('\n'),
    );
    expect(tree.map((i) => [i.key, i.values])).toEqual([
      ['Interval', [10]],
      ['Float', [-1500, 31, 17]],
      ['Flags', [true, false, 'yes_no', true]],
      ['Addr', ['10.0.0.1:8080', '[::1]:9092']],
      ['Joined', ['a', 'b']],
      ['Multi', ['first second']],
      ['Hash', ['a#b']],
    ]);
  });

  it('rejects broken input the way collectd does', () => {
    expect(() => parseCollectdConfig('Key "open\n')).toThrow(CollectdParseError);
    expect(() => parseCollectdConfig('<Plugin a>\n</plugin>\n')).toThrow(/closed by <\/plugin>/);
    expect(() => parseCollectdConfig('Key "x"')).toThrow(/end of file/);
    expect(() => parseCollectdConfig('Key value; rm\n')).toThrow(/stray character/);
    expect(() => parseCollectdConfig('<Plugin a>\nKey 1\n')).toThrow(/not closed/);
  });
});

describe('renderCollectdConfig', () => {
  it('matches the reviewed golden file at default settings', async () => {
    const { file, content } = render();
    expect(file).toMatchObject({ agent: 'collectd', path: 'write_kafka.conf', language: 'collectd' });
    await expect(content).toMatchFileSnapshot('./golden/collectd/write_kafka.conf');
  });

  it('matches the reviewed golden steps at default settings', async () => {
    await expect(stepsText(render().steps)).toMatchFileSnapshot('./golden/collectd/steps.md');
  });

  it('matches the reviewed golden file and steps for sandbox, env mode, Alpine', async () => {
    const { content, steps } = render({ osFamily: 'alpine' }, { target: 'sandbox', secretMode: 'env', expandJson: true });
    await expect(content).toMatchFileSnapshot('./golden/collectd/write_kafka.sandbox-env-alpine.conf');
    await expect(stepsText(steps)).toMatchFileSnapshot('./golden/collectd/steps.sandbox-env-alpine.md');
  });

  it('parses back to a TLS-verified SASL PLAIN producer for the Logstore', () => {
    const { tree } = render();
    expect(tree.map((i) => i.key)).toEqual(['LoadPlugin', 'Plugin']);
    expect(tree[0]!.values).toEqual(['write_kafka']);
    const { global, topic, topicProps, option } = writeKafka(tree);
    expect(global.get('metadata.broker.list')).toBe('test-project-1.cn-hangzhou.log.aliyuncs.com:10012');
    expect(global.get('security.protocol')).toBe('sasl_ssl');
    expect(global.get('sasl.mechanisms')).toBe('PLAIN');
    expect(global.get('sasl.username')).toBe(EXAMPLE_INPUT.project);
    expect(global.get('sasl.password')).toBe(EXAMPLE_PASSWORD);
    expect(global.get('ssl.ca.location')).toBe('/etc/ssl/certs/ca-certificates.crt');
    expect(global.get('ssl.endpoint.identification.algorithm')).toBe('https');
    expect(global.get('broker.address.family')).toBe('v4');
    expect(global.get('compression.codec')).toBe('gzip');
    expect(global.get('enable.idempotence')).toBe('false');
    // Day-two settings: the client id names agent and host (placeholder until the install step), batching is global.
    expect(global.get('client.id')).toBe('collectd-HOSTNAME_HERE');
    expect(global.get('linger.ms')).toBe('100');
    expect(global.get('batch.num.messages')).toBe('1000');
    expect(topic.values).toEqual([EXAMPLE_INPUT.logstore]);
    expect(option('Format')).toEqual([['JSON']]);
    expect(option('StoreRates')).toEqual([[true]]);
    expect(option('Key')).toEqual([]);
    // message.timeout.ms is a topic-level property in librdkafka 2.0.2: it belongs inside <Topic>.
    expect([...topicProps]).toEqual([
      ['request.required.acks', '1'],
      ['message.timeout.ms', '300000'],
    ]);
    expect(global.has('message.timeout.ms')).toBe(false);
  });

  it('says that write_kafka never reports deliveries, and the install step fills in the host name', () => {
    const { steps } = render();
    const warning = steps.find((s) => s.title.includes('never reports whether a message was delivered'));
    expect(warning?.kind).toBe('warning');
    expect(warning?.detail).toMatch(/message\.timeout\.ms \(5 minutes\) is dropped without a collectd error/);
    const install = steps.find((s) => s.title.startsWith('Save write_kafka.conf'));
    expect(install?.commands).toContain('sed -i "s/HOSTNAME_HERE/$(hostname -s)/g" /etc/collectd/collectd.conf.d/write_kafka.conf');
  });

  it('loads the plugin first and puts every global property before the Topic block', () => {
    const { tree } = render();
    const { plugin, topic } = writeKafka(tree);
    expect(tree[0]!.line).toBeLessThan(plugin.line);
    const globalLines = childrenNamed(plugin.children, 'Property').map((p) => p.line);
    expect(globalLines).toHaveLength(13);
    expect(Math.max(...globalLines)).toBeLessThan(topic.line);
    // Only Property children and the one Topic at plugin level.
    expect(new Set(plugin.children.map((c) => c.key))).toEqual(new Set(['Property', 'Topic']));
    // No Key anywhere, in any spelling.
    expect(JSON.stringify(tree).toLowerCase()).not.toMatch(/"key":"key"/);
  });

  it.each(COLLECTD_COMPRESSIONS)('sets compression.codec %s', (compression) => {
    expect(writeKafka(render({ compression }).tree).global.get('compression.codec')).toBe(compression);
  });

  it.each(COLLECTD_ACKS)('sets request.required.acks %s as a topic property (a string, as write_kafka requires)', (acks) => {
    const { topicProps, global } = writeKafka(render({ acks }).tree);
    expect(topicProps.get('request.required.acks')).toBe(String(acks));
    expect(global.has('request.required.acks')).toBe(false);
  });

  it.each([true, false])('writes StoreRates %s', (storeRates) => {
    expect(writeKafka(render({ storeRates }).tree).option('StoreRates')).toEqual([[storeRates]]);
  });

  it.each([
    ['debian', '/etc/ssl/certs/ca-certificates.crt', '/etc/collectd/collectd.conf.d/write_kafka.conf', '-o root -g root -m 600'],
    ['rhel', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/collectd.d/write_kafka.conf', '-o root -g root -m 600'],
    ['alpine', '/etc/ssl/certs/ca-certificates.crt', '/etc/collectd.d/write_kafka.conf', '-o root -g collectd -m 640'],
  ] as const)('OS family %s: CA bundle %s, file %s', (osFamily, ca, dropIn, install) => {
    const { tree, steps } = render({ osFamily });
    expect(writeKafka(tree).global.get('ssl.ca.location')).toBe(ca);
    const commands = steps.flatMap((s) => s.commands ?? []);
    expect(commands).toContain(`install ${install} write_kafka.conf ${dropIn}`);
    expect(commands.some((c) => c.startsWith('collectd -T -C '))).toBe(true);
  });

  it('installs and restarts the way each OS family does', () => {
    const commands = (osFamily: string) => render({ osFamily }).steps.flatMap((s) => s.commands ?? []);
    expect(commands('debian')).toContain('apt-get install -y --no-install-recommends collectd collectd-core librdkafka1 libyajl2 ca-certificates');
    expect(commands('debian')).toContain('systemctl restart collectd');
    expect(commands('debian')).toContain('collectd -T -C /etc/collectd/collectd.conf; echo "exit status: $?"');
    expect(commands('rhel')).toContain('yum install -y collectd collectd-write_kafka ca-certificates');
    expect(commands('rhel')).toContain('collectd -T -C /etc/collectd.conf; echo "exit status: $?"');
    expect(commands('alpine')).toContain('apk add collectd collectd-write_kafka ca-certificates');
    expect(commands('alpine')).toContain('rc-service collectd restart');
  });

  it('uses a CA path given by the user, and for custom takes it as required', () => {
    expect(writeKafka(render({ osFamily: 'debian', caPath: '/etc/own/ca.pem' }).tree).global.get('ssl.ca.location')).toBe('/etc/own/ca.pem');
    const custom = render({ osFamily: 'custom', caPath: '/opt/certs/bundle.pem' });
    expect(writeKafka(custom.tree).global.get('ssl.ca.location')).toBe('/opt/certs/bundle.pem');
    const commands = custom.steps.flatMap((s) => s.commands ?? []);
    expect(commands[0]).toBe('collectd -h');
    expect(commands).toContain('COLLECTD_CONF=/etc/collectd/collectd.conf  # change to your collectd.conf');
    expect(commands).toContain('collectd -T -C "$COLLECTD_CONF"; echo "exit status: $?"');
  });

  it('the custom include and check-config commands work in a real shell', () => {
    const dir = execFileSync('mktemp', ['-d']).toString().trim();
    const { steps } = render({ osFamily: 'custom', caPath: '/opt/ca.pem' });
    const include = steps.find((s) => s.title.startsWith('Include write_kafka.conf'))!.commands!;
    const check = steps.find((s) => s.title.startsWith('Watch collectd'))!.commands![0]!;
    const script = [`COLLECTD_CONF=${dir}/collectd.conf`, 'touch "$COLLECTD_CONF"', include[1]!, check.replace('/tmp/collectd-kafka-check.conf', `${dir}/check.conf`)].join('\n');
    execFileSync('sh', ['-c', script]);
    const main = parseCollectdConfig(execFileSync('cat', [`${dir}/collectd.conf`]).toString());
    expect(main).toEqual([{ key: 'Include', values: [`${dir}/write_kafka.conf`], children: [], line: 1 }]);
    const checkTree = parseCollectdConfig(execFileSync('cat', [`${dir}/check.conf`]).toString());
    expect(onlyChild(checkTree, 'Include').values).toEqual([`${dir}/write_kafka.conf`]);
    expect(childrenNamed(checkTree, 'LoadPlugin').map((i) => i.values[0])).toEqual(['logfile', 'load']);
    execFileSync('rm', ['-r', dir]);
  });

  it('env mode still embeds the password (collectd has no alternative) and says so', () => {
    const { tree, steps } = render({}, { secretMode: 'env' });
    expect(writeKafka(tree).global.get('sasl.password')).toBe(EXAMPLE_PASSWORD);
    const warning = steps.find((s) => s.title.includes('SLS_KAFKA_PASSWORD'))!;
    expect(warning.kind).toBe('warning');
    expect(warning.detail).toMatch(/no secret store and no environment-variable substitution/);
    expect(warning.commands).toEqual([
      'chown root:root /etc/collectd/collectd.conf.d/write_kafka.conf',
      'chmod 600 /etc/collectd/collectd.conf.d/write_kafka.conf',
      'ls -l /etc/collectd/collectd.conf.d/write_kafka.conf',
    ]);
  });

  it('inline mode has a chmod 600 step too, and no step ever prints the secret', () => {
    for (const secretMode of ['inline', 'env'] as const) {
      const { steps } = render({}, { secretMode });
      expect(steps.flatMap((s) => s.commands ?? [])).toContain('chmod 600 /etc/collectd/collectd.conf.d/write_kafka.conf');
      expect(stepText(steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
      expect(stepText(steps)).not.toContain(EXAMPLE_INPUT.accessKeyId);
    }
  });

  it('target sandbox dials the sandbox and trusts the downloaded sandbox CA', () => {
    const { tree, steps } = render({}, { target: 'sandbox' });
    const { global } = writeKafka(tree);
    expect(global.get('metadata.broker.list')).toBe('localhost:10012');
    expect(global.get('ssl.ca.location')).toBe('/etc/collectd/sls-sandbox-ca.pem');
    expect(global.get('security.protocol')).toBe('sasl_ssl');
    expect(global.get('ssl.endpoint.identification.algorithm')).toBe('https');
    const commands = steps.flatMap((s) => s.commands ?? []);
    expect(commands).toContain('curl -fsSo /etc/collectd/sls-sandbox-ca.pem http://localhost:3000/api/sandbox/ca');
    expect(commands).toContain(
      `curl -fsS 'http://localhost:3000/api/sandbox/records?project=${EXAMPLE_INPUT.project}&logstore=${EXAMPLE_INPUT.logstore}&limit=5'`,
    );
  });

  it('target sandbox on RHEL keeps the CA out of the unfiltered /etc/collectd.d', () => {
    const { tree } = render({ osFamily: 'rhel' }, { target: 'sandbox' });
    expect(writeKafka(tree).global.get('ssl.ca.location')).toBe('/etc/pki/tls/certs/sls-sandbox-ca.pem');
  });

  it('target sandbox with OS family custom saves the sandbox CA next to the CA path', () => {
    const { tree, steps } = render({ osFamily: 'custom', caPath: "/opt/my certs/it's.pem" }, { target: 'sandbox' });
    expect(writeKafka(tree).global.get('ssl.ca.location')).toBe('/opt/my certs/sls-sandbox-ca.pem');
    expect(steps.flatMap((s) => s.commands ?? [])).toContain(`curl -fsSo '/opt/my certs/sls-sandbox-ca.pem' http://localhost:3000/api/sandbox/ca`);
  });

  it('follows the sandbox host the server announces, IPv6 included', () => {
    const sandbox = { host: '::1', port: 19092, caUrl: 'https://wizard.example:8443/api/sandbox/ca' };
    const { tree, steps } = render({}, { target: 'sandbox' }, { sandbox });
    const { global } = writeKafka(tree);
    expect(global.get('metadata.broker.list')).toBe('[::1]:19092');
    expect(global.get('broker.address.family')).toBe('any');
    expect(steps.flatMap((s) => s.commands ?? [])).toContain('curl -fsSo /etc/collectd/sls-sandbox-ca.pem https://wizard.example:8443/api/sandbox/ca');
  });

  it('expandJson switches the topic to <logstore>.json and warns about the JSON array', () => {
    const on = render({}, { expandJson: true });
    expect(writeKafka(on.tree).topic.values).toEqual([`${EXAMPLE_INPUT.logstore}.json`]);
    expect(on.steps.some((s) => s.kind === 'warning' && /JSON arrays/.test(s.title))).toBe(true);
    const off = render({}, { expandJson: false });
    expect(writeKafka(off.tree).topic.values).toEqual([EXAMPLE_INPUT.logstore]);
    expect(off.steps.some((s) => /JSON arrays/.test(s.title))).toBe(false);
  });

  it('network intranet and host form region change the bootstrap server', () => {
    expect(writeKafka(render({}, { network: 'intranet' }).tree).global.get('metadata.broker.list')).toBe(
      'test-project-1.cn-hangzhou-intranet.log.aliyuncs.com:10011',
    );
    expect(writeKafka(render({}, { hostForm: 'region' }).tree).global.get('metadata.broker.list')).toBe('cn-hangzhou.log.aliyuncs.com:10012');
  });

  it('is what the registry renders for agents.collectd', () => {
    const settings = exampleSettings({ agents: { collectd: {} as CollectdOptions } });
    const result = renderSettings(settings);
    expect(result.files.filter((f) => f.agent === 'collectd').map((f) => f.path)).toEqual(['write_kafka.conf']);
    expect(result.steps.filter((s) => s.agent === 'collectd').length).toBeGreaterThan(5);
  });

  it('any CA path is either rejected by the schema, naming the field, or read back exactly with nothing else changed', () => {
    const baseline = render({ osFamily: 'custom', caPath: '/BASELINE' });
    expect(writeKafka(baseline.tree).global.get('ssl.ca.location')).toBe('/BASELINE');
    fc.assert(
      fc.property(fc.oneof(hostileString, hostileString.map((s) => `/${s}`)), (caPath) => {
        const parsed = collectdOptionsSchema.safeParse({ osFamily: 'custom', caPath });
        if (!parsed.success) {
          expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['caPath']);
          expect(parsed.error.issues[0]!.message).toMatch(/^CA path: /);
          return;
        }
        const ctx = createRenderContext(exampleSettings());
        const content = renderCollectdConfig(ctx, parsed.data).files[0]!.content;
        expect(content.split('\n')).toHaveLength(baseline.content.split('\n').length);
        expect(parseCollectdConfig(content)).toEqual(replaceValue(baseline.tree, '/BASELINE', caPath));
      }),
      { numRuns: 300 },
    );
  });

  it('any connection value reaching the template is either refused or read back exactly', () => {
    const base = createRenderContext(exampleSettings());
    const options = collectdOptionsSchema.parse({});
    const baseline = parseCollectdConfig(renderCollectdConfig(withValues(base, 'USER', 'PASS', 'TOPIC', 'HOST'), options).files[0]!.content);
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, hostileString, (user, pass, topic, host) => {
        const values = [user, pass, topic, host];
        let content: string;
        try {
          content = renderCollectdConfig(withValues(base, user, pass, topic, host), options).files[0]!.content;
        } catch (error) {
          expect(error).toBeInstanceOf(UnrepresentableCollectdValueError);
          expect(values.some((v) => unrepresentableCharacter(v) !== undefined)).toBe(true);
          return;
        }
        expect(values.every((v) => unrepresentableCharacter(v) === undefined)).toBe(true);
        const tree = parseCollectdConfig(content);
        const { global, topic: topicBlock } = writeKafka(tree);
        expect(global.get('sasl.username')).toBe(user);
        expect(global.get('sasl.password')).toBe(pass);
        expect(global.get('metadata.broker.list')).toBe(`${host}:10012`);
        expect(topicBlock.values).toEqual([topic]);
        // Same shape and lines as the baseline: nothing injected, nothing lost.
        const shape = (items: CollectdItem[]): unknown => items.map((i) => [i.key, i.line, i.values.length, shape(i.children)]);
        expect(shape(tree)).toEqual(shape(baseline));
      }),
      { numRuns: 300 },
    );
  });
});

/** The tree with every value equal to `from` replaced by `to`. */
function replaceValue(items: CollectdItem[], from: string, to: string): CollectdItem[] {
  return items.map((item) => ({
    ...item,
    values: item.values.map((v) => (v === from ? to : v)),
    children: replaceValue(item.children, from, to),
  }));
}

function withValues(ctx: RenderContext, username: string, password: string, topic: string, host: string): RenderContext {
  return {
    ...ctx,
    username,
    password,
    topic,
    endpoint: { host, port: 10012, bootstrap: `${host}:10012` },
  };
}
