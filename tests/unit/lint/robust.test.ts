/**
 * lintConfig on hostile input: random text (and broken fragments of each
 * agent's syntax) either lints or throws LintInputError (the route's 422),
 * never another error (the route's 500). Large inputs stay quick.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintConfig, LintInputError, MAX_LINT_CONTENT_CHARS } from '@/lib/lint';

const FRAGMENTS = [
  'output.kafka:\n', '  hosts: ["a.cn-hangzhou.log.aliyuncs.com:10012"]\n', '  ssl:\n', '    enabled: [\n', '[[outputs.kafka]]\n', '  brokers = [\n',
  '<Plugin write_kafka>\n', '  Property "a"\n', '</Plugin>\n', '<match **>\n', '  @type kafka2\n', '</match>\n', 'output {\n', '  kafka {\n', '}\n',
  'KafkaClient {\n', '  password="x#y";\n', '};\n', '#', '"', "'", '\\', '${', '#{', '\u0000', '\ufeff',
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

  it('refuses a file above the size limit, and lints a large valid one', () => {
    expect(() => lintConfig({ content: 'x'.repeat(MAX_LINT_CONTENT_CHARS + 1) })).toThrow(LintInputError);
    const big = `# ${'padding '.repeat(6000)}\noutput.kafka:\n  hosts: ["p-1.cn-hangzhou.log.aliyuncs.com:10012"]\n  topic: "ls-1"\n`;
    const r = lintConfig({ content: big });
    expect(r.agent).toBe('beats');
  });
});
