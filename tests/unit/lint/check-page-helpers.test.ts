/** The /check page's own helpers: masking the secret in the user's file, and the folded line diff. */
import { describe, expect, it } from 'vitest';
import { lineDiff } from '@/components/lint/line-diff';
import { maskSecrets, SECRET_MASK } from '@/components/lint/mask';

const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123';

describe('maskSecrets', () => {
  it('masks the part after AccessKeyId# in every syntax, keeping the ID', () => {
    const text = [
      `  password: "LTAI5tAbCdEfGhIjKlMnOpQr#${SECRET}"`,
      `  Property "sasl.password" "LTAI5tAbCdEfGhIjKlMnOpQr#${SECRET}"`,
      `    rdkafka.sasl.password LTAI5tAbCdEfGhIjKlMnOpQr#${SECRET}`,
      `kcat -X sasl.password=LTAI5tAbCdEfGhIjKlMnOpQr#${SECRET} -b host:10012`,
    ].join('\n');
    const masked = maskSecrets(text);
    expect(masked).not.toContain(SECRET);
    expect(masked.split('\n').every((l) => l.includes(`LTAI5tAbCdEfGhIjKlMnOpQr#${SECRET_MASK}`))).toBe(true);
    expect(masked).toContain(' -b host:10012');
  });

  it('masks a password without “#” only on the lines the checker flagged', () => {
    const text = `  sasl_password = "${SECRET}"\n  topic = "${SECRET}"`;
    expect(maskSecrets(text, new Set([1]))).toBe(`  sasl_password = "${SECRET_MASK}"\n  topic = "${SECRET}"`);
    expect(maskSecrets(`    rdkafka.sasl.password ${SECRET}`, new Set([1]))).toBe(`    rdkafka.sasl.password ${SECRET_MASK}`);
  });

  it('leaves a file without a secret as it is', () => {
    const text = 'output.kafka:\n  hosts: ["p.cn-hangzhou.log.aliyuncs.com:10012"]\n  password: "${SLS_KAFKA_PASSWORD}"\n';
    expect(maskSecrets(text, new Set([3]))).toBe(text);
  });
});

describe('lineDiff', () => {
  it('numbers both sides, marks changes and folds unchanged stretches beyond two lines of context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].join('\n');
    const after = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const rows = lineDiff(before, after);
    expect(rows).toEqual([
      { kind: 'fold', count: 2 },
      { kind: 'same', text: 'c', oldLine: 3, newLine: 3 },
      { kind: 'same', text: 'd', oldLine: 4, newLine: 4 },
      { kind: 'removed', text: 'e', oldLine: 5 },
      { kind: 'added', text: 'E', newLine: 5 },
      { kind: 'same', text: 'f', oldLine: 6, newLine: 6 },
      { kind: 'same', text: 'g', oldLine: 7, newLine: 7 },
      { kind: 'same', text: 'h', oldLine: 8, newLine: 8 },
      { kind: 'removed', text: 'i', oldLine: 9 },
      { kind: 'added', text: 'i', newLine: 9 },
      { kind: 'added', text: 'j', newLine: 10 },
    ]);
  });

  it('shows no change for equal files', () => {
    expect(lineDiff('x\ny\n', 'x\ny\n')).toEqual([{ kind: 'fold', count: 2 }]);
  });
});
