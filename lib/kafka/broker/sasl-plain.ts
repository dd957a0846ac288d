/**
 * SASL PLAIN tokens (RFC 4616): `authzid NUL authcid NUL passwd`. Kafka 2.1.1
 * (PlainSaslServer) wants exactly three parts, non-empty authcid and password,
 * and an authzid that is empty or equal to the authcid.
 */
export interface PlainCredentials {
  username: string;
  password: string;
}

export function parsePlainToken(token: Buffer): PlainCredentials | { error: string } {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < token.length; i++) {
    if (token[i] === 0) {
      parts.push(token.subarray(start, i));
      start = i + 1;
    }
  }
  parts.push(token.subarray(start));
  if (parts.length !== 3) return { error: 'Invalid SASL/PLAIN response: expected 3 tokens' };
  const [authzid, authcid, passwd] = parts.map((p) => p.toString('utf8')) as [string, string, string];
  if (!authcid) return { error: 'Authentication failed: username not specified' };
  if (!passwd) return { error: 'Authentication failed: password not specified' };
  if (authzid && authzid !== authcid) return { error: 'Authentication failed: Client requested an authorization id that is different from username' };
  return { username: authcid, password: passwd };
}

export function encodePlainToken(username: string, password: string, authzid = ''): Buffer {
  return Buffer.concat([Buffer.from(authzid), Buffer.from([0]), Buffer.from(username), Buffer.from([0]), Buffer.from(password)]);
}
