/** The properties language: both dialects' writers give back exactly what the parser reads, or refuse. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJava, parseProperties, propertiesRecord, renderProperties } from '@/lib/config-languages/properties';

describe('properties', () => {
  it('java: any value round-trips through escape and Properties#load rules', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const text = renderProperties([{ comment: 'c' }, { key: 'a.b', value }, { blank: true }], 'java');
        expect(/[^\x20-\x7e\n]/.test(text)).toBe(false);
        expect(propertiesRecord(text, 'java')['a.b']).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('java: reads the grammar’s separators, comments, escapes and continuation lines', () => {
    const text = '# c\n! c2\n  a = 1\nb:2\nc 3\nd=x\\\n   y\ne=\\u0041\\t\\#\nf\\=g=h\n';
    expect(parseProperties(text, 'java')).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
      ['d', 'xy'],
      ['e', 'A\t#'],
      ['f=g', 'h'],
    ]);
    expect(escapeJava('#x y', 'value')).toBe('\\#x y');
  });

  it('librdkafka: values literal, split at the first =, line breaks refused', () => {
    expect(parseProperties('# c\n\n sasl.password=a=b#c\\n\n', 'librdkafka')).toEqual([['sasl.password', 'a=b#c\\n']]);
    expect(() => renderProperties([{ key: 'x', value: 'a\nb' }], 'librdkafka')).toThrow(/x: a line break/);
    expect(() => parseProperties('novalue\n', 'librdkafka')).toThrow(/line 1: expected property=value/);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((v) => !/[\r\n]/.test(v) && v.trim() === v), (value) => {
        expect(propertiesRecord(renderProperties([{ key: 'k', value }], 'librdkafka'), 'librdkafka').k).toBe(value);
      }),
    );
  });
});
