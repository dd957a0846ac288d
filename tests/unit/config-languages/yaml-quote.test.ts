/** The remembered YAML quoting answers exactly what js-yaml does, and cannot grow without bound. */
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { yamlDoubleQuoted } from '@/lib/config-languages/yaml/quote';

const TRICKY = ['yes', '0123', '1e3', '# not a comment', 'a: b', 'quote " and \\ backslash', 'line\nbreak', '\u0085\u2028\u2029', 'tab\there', '', '中文', '${SLS_KAFKA_PASSWORD}'];

describe('yamlDoubleQuoted', () => {
  it('is js-yaml’s double-quoted scalar, first time and remembered, and reads back as the same string', () => {
    for (const value of TRICKY) {
      const expected = dump(value, { forceQuotes: true, quoteStyle: 'double', lineWidth: -1 }).replace(/\n$/, '');
      expect(yamlDoubleQuoted(value)).toBe(expected);
      expect(yamlDoubleQuoted(value)).toBe(expected);
      expect(load(`k: ${yamlDoubleQuoted(value)}`)).toEqual({ k: value });
    }
  });

  it('keeps answering correctly after far more distinct values than it remembers', () => {
    for (let i = 0; i < 5000; i++) expect(yamlDoubleQuoted(`value-${i}\n`)).toBe(`"value-${i}\\n"`);
    expect(yamlDoubleQuoted('yes')).toBe('"yes"');
  });
});
