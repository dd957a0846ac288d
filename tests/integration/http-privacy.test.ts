/**
 * The HTTP server's privacy and hardening, against the real server script
 * (front door + Next.js): binding, Host check, security headers, rate limit
 * keyed on the socket, JSON errors, who may read /api/sandbox/records in open
 * and strict mode, and the advertised sandbox port in rendered configs.
 */
import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDS_PASSWORD_HEADER } from '@/lib/http/contract';
import { freePort, startApp } from '../support/app-server';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app';
import { EXAMPLE_INPUT } from '../support/settings';
import { findTool } from '../support/tools';

/** A raw request, so the Host header is exactly what the test says. */
function raw(url: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers, setHost: !('Host' in headers) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectSecurityHeaders(headers: Headers, what: string) {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc, what).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc, what).not.toContain('unsafe-inline');
}

const invalidSettings = JSON.stringify({ ...EXAMPLE_INPUT, project: 'Bad_Project' });

describe('open mode, loopback binding', () => {
  let app: SandboxApp;
  let publicPort: number;
  beforeAll(async () => {
    publicPort = await freePort();
    app = await startSandboxApp({ SANDBOX_PUBLIC_PORT: String(publicPort), VALIDATE_BURST: '3', VALIDATE_PER_SECOND: '0.01' });
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('rendered sandbox configs dial SANDBOX_PUBLIC_PORT, not SANDBOX_PORT', async () => {
    expect(publicPort).not.toBe(app.sandboxPort);
    const res = await fetch(`${app.url}/api/render`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...EXAMPLE_INPUT, target: 'sandbox', agents: { beats: {}, collectd: {}, telegraf: {}, fluentd: {}, logstash: {} } }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(`localhost:${publicPort}`);
    expect(text).not.toContain(String(app.sandboxPort));
    // The inbox shows the same advertised address.
    const inbox = await (await fetch(`${app.url}/sandbox`)).text();
    expect(inbox).toContain(`localhost:${publicPort}`);
  });

  it('listens on SANDBOX_BIND (127.0.0.1) only', async () => {
    const port = new URL(app.url).port;
    // 127.0.0.2 is this machine too (all of 127/8 is loopback on Linux), but not the bound address.
    const refused = await new Promise<string>((resolve) => {
      const s = connect({ host: '127.0.0.2', port: Number(port) });
      s.once('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    const ss = findTool('ss', 'iproute2');
    if (ss.path) {
      const listeners = execFileSync(ss.path, ['-Hltn', `sport = :${port}`], { encoding: 'utf8' }).trim().split('\n');
      expect(listeners.length).toBeGreaterThan(0);
      for (const line of listeners) expect(line.split(/\s+/)[3]).toBe(`127.0.0.1:${port}`);
    }
  });

  it('refuses a Host it does not answer to (DNS rebinding) without echoing it', async () => {
    const evil = await raw(`${app.url}/api/sandbox/records?project=abc`, { Host: 'evil.example' });
    expect(evil.status).toBe(421);
    expect(evil.body).not.toContain('evil.example');
    expect(JSON.parse(evil.body)).toMatchObject({ error: { code: 'misdirected_host' } });
    const page = await raw(`${app.url}/`, { Host: `evil.example:${new URL(app.url).port}` });
    expect(page.status).toBe(421);
    const ok = await raw(`${app.url}/api/sandbox/ca`, { Host: `localhost:${new URL(app.url).port}` });
    expect(ok.status).toBe(200);
  });

  it('puts the security headers on pages, API routes, errors and static files', async () => {
    const page = await fetch(`${app.url}/`);
    expectSecurityHeaders(page.headers, 'wizard page');
    const html = await page.text();
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    // Every inline script of the page carries the response's nonce.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const m of inline) expect(m[1]).toContain(`nonce="${nonce}"`);
    expectSecurityHeaders((await fetch(`${app.url}/sandbox`)).headers, 'inbox page');
    expectSecurityHeaders((await fetch(`${app.url}/api/sandbox/ca`)).headers, 'CA route');
    const bad = await fetch(`${app.url}/api/sandbox/records`);
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad.headers, '400 error');
    const missing = await fetch(`${app.url}/no-such-page`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers, '404');
    const chunk = /<script src="([^"]+)"/.exec(html)?.[1];
    expect(chunk).toBeDefined();
    expectSecurityHeaders((await fetch(new URL(chunk!, app.url))).headers, 'static chunk');
  });

  it('a JSON syntax error names the position and never echoes the body', async () => {
    const body = '{"accessKeySecret": SuperSecretValue123}';
    const res = await fetch(`${app.url}/api/render`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('line 1, column 21 (position 20)');
    expect(text).not.toContain('SuperSecretValue123');
    expect(text).not.toContain('accessKeySecret');
  });

  it('rate limits on the socket address: a spoofed X-Forwarded-For picks no bucket', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${app.url}/api/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-real-ip': `198.51.100.${i + 1}` },
        body: invalidSettings,
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses.slice(3)).toEqual(Array(17).fill(429));
  });

  it('serves records to this machine only, and forwarding headers do not help', async () => {
    const ok = await fetch(`${app.url}/api/sandbox/records?project=test-project-1`);
    expect(ok.status).toBe(200);
    // A loopback socket carrying X-Forwarded-For is an untrusted local proxy for someone else.
    const proxied = await fetch(`${app.url}/api/sandbox/records?project=test-project-1`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(proxied.status).toBe(403);
    expect(((await proxied.json()) as { error: { code: string } }).error.code).toBe('loopback_only');
    // The internal stamp headers cannot be forged by a client.
    const forged = await fetch(`${app.url}/api/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sls-client': '192.0.2.99', 'x-sls-peer': '192.0.2.99', 'x-sls-front-door': 'guess' },
      body: invalidSettings,
    });
    expect(forged.status).toBe(429);
  });
});

describe('behind a trusted proxy (TRUST_PROXY)', () => {
  let app: SandboxApp;
  beforeAll(async () => {
    app = await startSandboxApp({ TRUST_PROXY: '127.0.0.1', VALIDATE_BURST: '2', VALIDATE_PER_SECOND: '0.01' });
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  const post = (forwardedFor: string) =>
    fetch(`${app.url}/api/validate`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: invalidSettings }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });

  it('keys on the right-most untrusted X-Forwarded-For hop', async () => {
    expect([await post('203.0.113.1'), await post('203.0.113.1'), await post('203.0.113.1')]).toEqual([400, 400, 429]);
    // Another client has its own bucket...
    expect(await post('203.0.113.2')).toBe(400);
    // ...but what a client writes to the left of the proxy's hop is not believed.
    expect(await post('10.9.9.9, 203.0.113.1')).toBe(429);
  });

  it('refuses open-mode records to a remote client the proxy names', async () => {
    const res = await fetch(`${app.url}/api/sandbox/records?project=test-project-1`, { headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(res.status).toBe(403);
  });
});

describe('strict mode records', () => {
  const ACCOUNTS = path.join(__dirname, 'fixtures', 'sandbox-accounts', 'strict.yaml');
  const KEY_ALL = 'LTAI5tStrictKeyId000001#StrictSecret0123456789abcdef01';
  const KEY_APP_ONLY = 'LTAI5tStrictKeyId000002#StrictSecret0123456789abcdef02';
  let app: SandboxApp;
  beforeAll(async () => {
    app = await startSandboxApp({ SANDBOX_CONFIG: ACCOUNTS });
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  const get = (query: string, password?: string) =>
    fetch(`${app.url}/api/sandbox/records?${query}`, { headers: password ? { [RECORDS_PASSWORD_HEADER]: password } : {} });

  it("another tenant's records are not readable", async () => {
    const none = await get('project=test-project-1&logstore=test-logstore-1');
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string; message: string } }).error.message).toContain(RECORDS_PASSWORD_HEADER);
    const wrongSecret = await get('project=test-project-1&logstore=test-logstore-1', `${KEY_ALL.slice(0, -2)}XX`);
    expect(wrongSecret.status).toBe(403);
    const notAllowed = await get('project=test-project-1&logstore=test-logstore-1', KEY_APP_ONLY);
    expect(notAllowed.status).toBe(403);
    const otherProject = await get('project=test-project-2', KEY_ALL);
    expect(otherProject.status).toBe(403);
    const right = await get('project=test-project-1&logstore=test-logstore-1', KEY_ALL);
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ project: 'test-project-1', records: [] });
  });

  it('never takes the password from the URL', async () => {
    const res = await get(`project=test-project-1&password=${encodeURIComponent(KEY_ALL)}`);
    expect(res.status).toBe(400);
  });
});

describe('start-up', () => {
  it('warns loudly when listening beyond loopback', async () => {
    // SANDBOX=off: only the HTTP listener is opened on the wildcard address, for the few seconds of this test.
    const app = await startApp({ SANDBOX_BIND: '0.0.0.0', SANDBOX: 'off' });
    try {
      expect(app.output()).toContain('WARNING: the HTTP server listens on 0.0.0.0:');
    } finally {
      await app.stop();
    }
  });

  it('refuses a bad setting, naming the variable', async () => {
    await expect(startApp({ PORT: 'abc' })).rejects.toThrow(/PORT: “abc” is not a port number/);
  });
});
