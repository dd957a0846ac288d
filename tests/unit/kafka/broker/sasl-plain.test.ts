import { describe, expect, it } from 'vitest';
import { encodePlainToken, parsePlainToken } from '@/lib/kafka/broker/sasl-plain';

describe('SASL PLAIN token', () => {
  it('parses authzid NUL authcid NUL password, with or without authzid', () => {
    expect(parsePlainToken(encodePlainToken('test-project-1', 'LTAI5t#secret'))).toEqual({ username: 'test-project-1', password: 'LTAI5t#secret' });
    // kafka-python repeats the username as authzid.
    expect(parsePlainToken(encodePlainToken('p-1', 'id#s', 'p-1'))).toEqual({ username: 'p-1', password: 'id#s' });
  });

  it.each([
    [Buffer.from('no-nuls'), /expected 3 tokens/],
    [Buffer.from('\0a\0b\0c'), /expected 3 tokens/],
    [encodePlainToken('', 'pw'), /username not specified/],
    [encodePlainToken('user', ''), /password not specified/],
    [encodePlainToken('user', 'pw', 'other'), /authorization id that is different/],
  ])('rejects %j', (token, message) => {
    const res = parsePlainToken(token);
    expect('error' in res && res.error).toMatch(message);
  });
});
