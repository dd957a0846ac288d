/**
 * lintConfig on hostile input: random text (and broken fragments of each
 * agent's syntax) either lints or throws LintInputError (the route's 422),
 * never another error (the route's 500). Large inputs stay quick.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSettings } from '@/lib/agents';
import { lintConfig, LintInputError, MAX_LINT_CONTENT_CHARS } from '@/lib/lint';
import { exampleSettings } from '../../support/settings';

const FRAGMENTS = [
  'output.kafka:\n', '  hosts: ["a.cn-hangzhou.log.aliyuncs.com:10012"]\n', '  ssl:\n', '    enabled: [\n', '[[outputs.kafka]]\n', '  brokers = [\n',
  '<Plugin write_kafka>\n', '  Property "a"\n', '</Plugin>\n', '<match **>\n', '  @type kafka2\n', '</match>\n', 'output {\n', '  kafka {\n', '}\n',
  'KafkaClient {\n', '  password="x#y";\n', '};\n', '#', '"', "'", '\\', '${', '#{', '\u0000', '\ufeff',
  // The seven newer agents.
  '[OUTPUT]\n', '    Name kafka\n', '    rdkafka.security.protocol SASL_SSL\n', 'pipeline:\n', '  outputs:\n', '    - name: kafka\n', '      rdkafka.sasl.password: x\n',
  '[sinks.s]\n', '  type = "kafka"\n', '[sinks.s.librdkafka_options]\n', '  "enable.idempotence" = "true"\n', 'sinks:\n', '  s:\n', '    type: kafka\n', '    tls:\n',
  'exporters:\n', '  kafka:\n', '    brokers: [\n', '    auth:\n', '      sasl:\n',
  'action(type="omkafka"\n', '  confParam=[\n', '    "security.protocol=SASL_SSL",\n', '    `echo sasl.password=$X`\n', ']\n', ')\n', 'module(load="omkafka")\n',
  'destination d {\n', '  kafka-c(\n', '    config(\n', '      "a" => "b"\n', '    sync-send(yes)\n', '  );\n',
  'kcat -P -b x:10012 -t t -k k -X a=b -F <(printf x) -F f.conf\n', 'security.protocol=PLAINTEXT\n', 'sasl.username=p\n', '(', ')', '[', ']', '=>', '`',
];

function check(content: string) {
  try {
    const r = lintConfig({ content });
    for (const f of r.findings) expect(f.line).toBeGreaterThanOrEqual(1);
  } catch (err) {
    expect(err).toBeInstanceOf(LintInputError);
  }
}

describe('lintConfig on hostile input', () => {
  it('random text: a result or LintInputError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), check), { numRuns: 300 });
  });

  it('shuffled fragments of every agent’s syntax: a result or LintInputError', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((a) => a.join('')), check), { numRuns: 500 });
  });

  it('the newer agents’ rendered files with lines cut out: a result or LintInputError, and a fixed file that still reads', () => {
    const files = renderSettings(
      exampleSettings({ secretMode: 'inline', agents: { fluentbit: {}, vector: { format: 'toml' }, otelcol: {}, rsyslog: {}, 'syslog-ng': {}, kcat: {} } }),
    ).files.filter((f) => ['fluentbit', 'vector', 'otelcol', 'rsyslog', 'syslog-ng', 'kcat'].includes(f.agent));
    const yamlFiles = renderSettings(exampleSettings({ agents: { fluentbit: { format: 'yaml' }, vector: {} } })).files.filter((f) => f.language === 'yaml');
    const all = [...files, ...yamlFiles].map((f) => f.content.split('\n'));
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.array(fc.nat(200), { maxLength: 6 }), (which, cuts) => {
        const lines = [...all[which]!];
        for (const c of cuts) lines.splice(c % lines.length, 1);
        const content = lines.join('\n');
        check(content);
        try {
          const r = lintConfig({ content });
          // A fixed file is one the same reader can read again.
          if (r.fixed !== undefined) lintConfig({ content: r.fixed, agent: r.agent });
        } catch (err) {
          expect(err).toBeInstanceOf(LintInputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a file above the size limit, and lints a large valid one', () => {
    expect(() => lintConfig({ content: 'x'.repeat(MAX_LINT_CONTENT_CHARS + 1) })).toThrow(LintInputError);
    const big = `# ${'padding '.repeat(6000)}\noutput.kafka:\n  hosts: ["p-1.cn-hangzhou.log.aliyuncs.com:10012"]\n  topic: "ls-1"\n`;
    const r = lintConfig({ content: big });
    expect(r.agent).toBe('beats');
  });
});
