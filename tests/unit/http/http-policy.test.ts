/**
 * The HTTP front door's decisions as pure functions: configuration parsing,
 * which client a request speaks for (X-Forwarded-For only through a trusted
 * proxy), open mode's "this machine only", the Host allow list, the CSP, the
 * bounded rate-limit table, JSON error positions and strict mode's read check.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hostAllowList, hostName } from '@/lib/http/front-door';
import { jsonErrorPosition } from '@/lib/http/errors';
import { clientAddress, fromThisMachine, proxyMatcher } from '@/lib/http/peer';
import { RateLimiter } from '@/lib/http/rate-limit';
import { readableLogstores } from '@/lib/http/records-access';
import { loadAccounts } from '@/lib/sandbox/accounts';
import { ConfigError, exposureWarning, isLoopback, parseRuntimeConfig } from '@/lib/sandbox/config';

describe('runtime config', () => {
  it('has the documented defaults', () => {
    const c = parseRuntimeConfig({});
    expect(c.http).toEqual({ port: 3000, bind: '127.0.0.1', allowedHosts: [], trustProxy: [] });
    expect(c.sandbox).toMatchObject({ port: 10012, publicPort: 10012, publicHost: 'localhost', mode: 'open', shards: 2, sync: 'normal', enabled: true });
    expect(c.validate).toEqual({ allowLiveCheck: false, burst: 5, perSecond: 0.5, deadlineMs: 5000 });
  });

  it('advertises SANDBOX_PUBLIC_PORT when set', () => {
    const c = parseRuntimeConfig({ SANDBOX_PORT: '19092', SANDBOX_PUBLIC_PORT: '29092' });
    expect(c.sandbox.port).toBe(19092);
    expect(c.sandbox.publicPort).toBe(29092);
  });

  it.each([
    [{ SANDBOX_PORT: 'ten' }, /SANDBOX_PORT: “ten” is not a port number/],
    [{ PORT: '70000' }, /PORT: “70000” is not a port number/],
    [{ SANDBOX_PUBLIC_PORT: 'x' }, /SANDBOX_PUBLIC_PORT: “x” is not a port number/],
    [{ SANDBOX_BIND: 'not a host' }, /SANDBOX_BIND: “not a host” is not a host name or IP address/],
    [{ SANDBOX_SHARDS: '0' }, /SANDBOX_SHARDS: expected a whole number 1–64/],
    [{ SANDBOX_SYNC: 'fast' }, /SANDBOX_SYNC: “fast” is not one of “normal”, “full”/],
    [{ ALLOW_LIVE_CHECK: 'yes' }, /ALLOW_LIVE_CHECK: “yes” is not one of “0”, “1”/],
    [{ VALIDATE_PER_SECOND: '-1' }, /VALIDATE_PER_SECOND: expected a number above 0/],
    [{ TRUST_PROXY: '10.0.0.0/99' }, /TRUST_PROXY: “10.0.0.0\/99” is not an IP address or CIDR block/],
    [{ ALLOWED_HOSTS: 'ok.example, bad host' }, /ALLOWED_HOSTS: “bad host” is not a host name/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => parseRuntimeConfig(env)).toThrow(ConfigError);
    expect(() => parseRuntimeConfig(env)).toThrow(message);
  });

  it('warns loudly for a listener beyond loopback only', () => {
    expect(exposureWarning('HTTP server', '127.0.0.1', 3000)).toBeUndefined();
    expect(exposureWarning('HTTP server', '::1', 3000)).toBeUndefined();
    expect(exposureWarning('HTTP server', '0.0.0.0', 3000)).toMatch(/WARNING: the HTTP server listens on 0\.0\.0\.0:3000, reachable from other machines/);
    expect(exposureWarning('sandbox Kafka endpoint', '192.0.2.10', 10012)).toMatch(/WARNING/);
  });

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['0.0.0.0', '::', '10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1', 'example.com']) expect(isLoopback(a), a).toBe(false);
  });
});

describe('client address', () => {
  const none = proxyMatcher([]);
  const proxy = proxyMatcher(['10.0.0.5', '192.168.0.0/16']);

  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.7', '127.0.0.1', none)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:198.51.100.7', undefined, none)).toBe('198.51.100.7');
  });

  it('through a trusted proxy is the right-most untrusted hop', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', proxy)).toBe('203.0.113.9');
    // The client wrote "1.1.1.1"; the proxy appended what it saw.
    expect(clientAddress('10.0.0.5', '1.1.1.1, 203.0.113.9', proxy)).toBe('203.0.113.9');
    // Two trusted proxies in a row.
    expect(clientAddress('10.0.0.5', '1.1.1.1, 203.0.113.9, 192.168.4.4', proxy)).toBe('203.0.113.9');
    // An untrusted peer's header is not read at all.
    expect(clientAddress('10.0.0.6', '203.0.113.9', proxy)).toBe('10.0.0.6');
  });

  it('open mode reads only from this machine', () => {
    const base = { proxied: false, forwarded: false };
    expect(fromThisMachine({ ...base, peer: '127.0.0.1', client: '127.0.0.1' })).toBe(true);
    expect(fromThisMachine({ ...base, peer: '::ffff:127.0.0.1', client: '127.0.0.1' })).toBe(true);
    expect(fromThisMachine({ ...base, peer: '10.1.2.3', client: '10.1.2.3' })).toBe(false);
    // A non-loopback socket cannot talk its way in with headers...
    expect(fromThisMachine({ ...base, forwarded: true, peer: '10.1.2.3', client: '10.1.2.3' })).toBe(false);
    // ...and a loopback socket carrying forwarding headers it is not trusted to set is an untrusted local proxy.
    expect(fromThisMachine({ ...base, forwarded: true, peer: '127.0.0.1', client: '127.0.0.1' })).toBe(false);
    // A trusted proxy naming a remote client: refused.
    expect(fromThisMachine({ proxied: true, forwarded: true, peer: '127.0.0.1', client: '203.0.113.9' })).toBe(false);
    expect(fromThisMachine(undefined)).toBe(false);
  });
});

describe('Host allow list', () => {
  const config = parseRuntimeConfig({ SANDBOX_PUBLIC_HOST: 'sandbox.example', ALLOWED_HOSTS: 'wizard.example' });
  const allowed = hostAllowList(config);

  it('parses Host headers', () => {
    expect(hostName('Example.COM:3000')).toBe('example.com');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(hostName(undefined)).toBeUndefined();
    expect(hostName('a b')).toBeUndefined();
    expect(hostName('user@evil.example')).toBeUndefined();
  });

  it('accepts loopback names, the public host and ALLOWED_HOSTS; refuses others', () => {
    for (const h of ['localhost', '127.0.0.1', '::1', 'sandbox.example', 'wizard.example']) expect(allowed(h), h).toBe(true);
    for (const h of ['evil.example', '10.0.0.1', 'wizard.example.evil.example']) expect(allowed(h), h).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts by nonce only, and no framing', () => {
    const csp = contentSecurityPolicy('abc123');
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toContain("'nonce-abc123'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});

describe('RateLimiter', () => {
  it('keeps at most maxClients buckets, forgetting the least recently seen', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 0.001, maxClients: 100 }, () => 0);
    for (let i = 0; i < 10_000; i++) limiter.take(`198.51.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBe(100);
    // The most recent client is still remembered (and limited); an evicted one starts afresh.
    expect(() => limiter.take('198.51.39.15')).toThrow(/Too many/);
    expect(() => limiter.take('198.51.0.0')).not.toThrow();
  });
});

describe('JSON error positions', () => {
  it('name line and column without quoting the text', () => {
    expect(jsonErrorPosition('{"a": tru}')).toBe('line 1, column 7 (position 6)');
    expect(jsonErrorPosition('{\n  "a": 1,\n  secret\n}')).toBe('line 3, column 3 (position 14)');
    expect(jsonErrorPosition('')).toMatch(/position 0/);
  });
});

describe('strict mode read check', () => {
  const accounts = loadAccounts({ SANDBOX_CONFIG: path.join(__dirname, '../../integration/fixtures/sandbox-accounts/strict.yaml') });
  const ALL = 'LTAI5tStrictKeyId000001#StrictSecret0123456789abcdef01';
  const APP_ONLY = 'LTAI5tStrictKeyId000002#StrictSecret0123456789abcdef02';

  it('lets a key read what it may write, and nothing else', () => {
    expect(readableLogstores(accounts, 'test-project-1', 'test-logstore-1', ALL)).toEqual({ ok: true, logstores: new Set(['test-logstore-1']) });
    expect(readableLogstores(accounts, 'test-project-1', undefined, APP_ONLY)).toEqual({ ok: true, logstores: new Set(['app_logs']) });
    expect(readableLogstores(accounts, 'test-project-1', 'test-logstore-1', APP_ONLY).ok).toBe(false);
    expect(readableLogstores(accounts, 'test-project-2', undefined, ALL).ok).toBe(false);
    expect(readableLogstores(accounts, 'test-project-1', undefined, `${ALL}x`)).toMatchObject({ ok: false, reason: expect.stringMatching(/secret does not belong/) });
    expect(readableLogstores(accounts, 'test-project-1', undefined, 'no-hash')).toMatchObject({ ok: false });
  });
});
