import { describe, expect, it } from 'vitest';
import { settingsSchema } from '@/lib/settings/schema';

const base = {
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr',
  accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
};

function messageFor(field: 'accessKeyId' | 'accessKeySecret', value: unknown): string | undefined {
  const res = settingsSchema.safeParse({ ...base, [field]: value });
  return res.success ? undefined : res.error.issues.find((i) => i.path[0] === field)?.message;
}

describe('AccessKey ID', () => {
  it.each([
    ['LTAI5tAbCdEfGhIjKlMnOpQr', 'current 24-character key'],
    ['LTAIabcdEFGH1234', 'older 16-character key'],
    ['LTAI5tExampleKeyId00001', 'the DESIGN example (23 characters)'],
  ])('accepts %s (%s)', (id) => {
    expect(messageFor('accessKeyId', id)).toBeUndefined();
  });

  it.each([
    ['', /^AccessKey ID: enter the AccessKey ID/],
    ['LTAI5tAbCdEfGhIjKlMnOpQr ', /remove the whitespace/],
    [' LTAI5tAbCdEfGhIjKlMnOpQr', /remove the whitespace/],
    ['LTAI5tAbCd\nEfGhIjKlMnOpQr', /whitespace/],
    ['"LTAI5tAbCdEfGhIjKlMnOpQr"', /remove the quotes/],
    ["'LTAI5tAbCdEfGhIjKlMnOpQr'", /remove the quotes/],
    ['LTAI5tAbCdEfGhIjKlMnOpQr#secret', /remove the “#”/],
    ['STS.NUgYrLnoC37mZZCNnAbez2RfX', /STS credentials do not work/],
    ['LTAI5t-AbCdEfGhIjKlMnOp', /“-” is not allowed/],
    ['LTAI5tAbCdEfGhIjKlMnOpQrStUvWxYz', /32 characters, expected 16–30/],
    ['LTAI1234', /8 characters, expected 16–30/],
  ])('rejects %j', (id, message) => {
    const m = messageFor('accessKeyId', id);
    expect(m).toMatch(/^AccessKey ID: /);
    expect(m).toMatch(message);
  });
});

describe('AccessKey secret', () => {
  it.each(['AbCdEfGhIjKlMnOpQrStUvWxYz0123', 'ExampleSecret0123456789abcdef'])('accepts %s', (secret) => {
    expect(messageFor('accessKeySecret', secret)).toBeUndefined();
  });

  it.each([
    ['', /enter the secret/],
    ['AbCdEfGhIjKlMnOpQrStUvWxYz0123\n', /whitespace/],
    ['Ab"CdEfGhIjKlMnOpQrStUvWxYz0123', /quotes/],
    ['AbCd#EfGhIjKlMnOpQrStUvWxYz0123', /“#”/],
    ['AbCd+EfGhIjKlMnOpQrStUvWxYz012', /“\+” is not allowed/],
    ['short', /5 characters, expected 16–64/],
  ])('rejects %j', (secret, message) => {
    const m = messageFor('accessKeySecret', secret);
    expect(m).toMatch(/^AccessKey secret: /);
    expect(m).toMatch(message);
  });

  it('never echoes the secret in its error message', () => {
    const secret = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123 ';
    const res = settingsSchema.safeParse({ ...base, accessKeySecret: secret });
    expect(res.success).toBe(false);
    expect(JSON.stringify(res.error?.issues)).not.toContain(secret.trim());
  });
});
