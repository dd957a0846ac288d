/**
 * The code viewer's grammars: collectd and Fluentd get their own TextMate
 * grammars (numbers inside strings stay strings), tokens carry both themes'
 * colours, and languages without a grammar stay plain text.
 */
import { describe, expect, it } from 'vitest';
import { canHighlight, grammarFor, highlightCode } from '@/components/output/highlight';
import { renderSettings } from '@/lib/agents';
import { exampleSettings } from '../../support/settings';

type Token = { content: string; htmlStyle?: Record<string, string> };

/** The tokens of the first line containing `needle`. */
function lineWith(lines: Token[][], needle: string): Token[] {
  const line = lines.find((tokens) => tokens.map((t) => t.content).join('').includes(needle));
  if (!line) throw new Error(`no line contains ${needle}`);
  return line;
}

function colourOf(line: Token[], text: string): string | undefined {
  const token = line.find((t) => t.content.includes(text));
  if (!token) throw new Error(`no token contains ${text}: ${JSON.stringify(line.map((t) => t.content))}`);
  return token.htmlStyle?.['--shiki-light'];
}

describe('highlightCode', () => {
  it('collectd: a port inside a quoted string is coloured as the string, a bare number as a number', async () => {
    const code = '<Plugin write_kafka>\n  Property "metadata.broker.list" "host:10012"\n  Interval 10\n</Plugin>\n';
    const lines = (await highlightCode(code, 'collectd')) as Token[][];
    expect(lines).not.toBeNull();
    const property = lineWith(lines, 'Property');
    const whole = property.find((t) => t.content.includes('host:10012'));
    // One token for the whole string content: the digits are not split out.
    expect(whole?.content).toContain('host:10012');
    expect(colourOf(property, 'host:10012')).toBe(colourOf(property, 'metadata.broker.list'));
    expect(colourOf(property, 'Property')).not.toBe(colourOf(property, 'host:10012'));
    const interval = lineWith(lines, 'Interval');
    expect(colourOf(interval, '10')).not.toBe(colourOf(property, 'host:10012'));
    const open = lineWith(lines, '<Plugin');
    expect(colourOf(open, 'Plugin')).toBe(colourOf(lineWith(lines, '</Plugin>'), 'Plugin'));
  });

  it('fluentd: sections, @type, quoted values and sizes each get their own colour', async () => {
    const code = "<match **>\n  @type kafka2\n  brokers 'h.example:10012'\n  flush_interval 5s\n  # a comment 42\n</match>\n";
    const lines = (await highlightCode(code, 'fluentd')) as Token[][];
    const brokers = lineWith(lines, 'brokers');
    expect(brokers.find((t) => t.content.includes('10012'))?.content).toContain('h.example:10012');
    const type = lineWith(lines, '@type');
    expect(colourOf(type, '@type')).not.toBe(colourOf(brokers, 'brokers'));
    const comment = lineWith(lines, 'a comment');
    expect(comment.map((t) => t.content).join('')).toContain('# a comment 42');
    expect(new Set(comment.filter((t) => t.content.trim()).map((t) => t.htmlStyle?.['--shiki-light'])).size).toBe(1);
    expect(colourOf(lineWith(lines, 'flush_interval'), '5s')).not.toBe(colourOf(brokers, 'h.example'));
  });

  it('every token carries a light and a dark colour', async () => {
    const lines = (await highlightCode('a: "1"\n', 'yaml')) as Token[][];
    for (const token of lines.flat()) {
      expect(token.htmlStyle?.['--shiki-light']).toMatch(/^#/);
      expect(token.htmlStyle?.['--shiki-dark']).toMatch(/^#/);
    }
  });

  it('the rendered collectd and Fluentd files highlight with their own grammars, not Apache', async () => {
    const { files } = renderSettings(exampleSettings({ agents: { collectd: {}, fluentd: {} } } as never));
    for (const file of files.filter((f) => f.language === 'collectd' || f.language === 'fluentd')) {
      expect(grammarFor(file.language)).toBe(file.language);
      const lines = (await highlightCode(file.content, file.language)) as Token[][];
      expect(lines.length).toBe(file.content.split('\n').length);
      // The password line: its digits stay inside the string's token.
      const password = lines.find((l) => l.some((t) => t.content.includes('AbCdEf')));
      expect(password?.some((t) => /^\d+$/.test(t.content))).toBe(false);
    }
  });

  it('maps the languages other parts of the app may add, and leaves the rest plain', () => {
    expect(grammarFor('properties')).toBe('properties');
    expect(grammarFor('python')).toBe('python');
    expect(grammarFor('go')).toBe('go');
    expect(grammarFor('javascript')).toBe('javascript');
    expect(grammarFor('java')).toBe('java');
    expect(canHighlight('pem')).toBe(false);
    expect(canHighlight('rainerscript')).toBe(false);
    expect(canHighlight('toString')).toBe(false);
  });

  it('returns null for a plain-text language', async () => {
    expect(await highlightCode('-----BEGIN CERTIFICATE-----', 'pem')).toBeNull();
  });
});
