import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CA_CERT_FILE,
  CA_KEY_FILE,
  SERVER_CERT_FILE,
  SERVER_KEY_FILE,
  SandboxCertificateError,
  ensureSandboxCertificates,
  type SandboxTls,
} from '@/lib/sandbox/ca';
import { REGIONS } from '@/lib/sls/regions';
import { kafkaEndpoint } from '@/lib/sls/endpoints';

const DAY = 24 * 60 * 60 * 1000;
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'sandbox-ca-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  while (dirs.length) rmSync(dirs.pop() ?? '', { recursive: true, force: true });
});

function openssl(args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** A TLS handshake from a client that trusts `caPem` and asks for `servername`. */
function handshake(tlsFiles: SandboxTls, caPem: string, servername: string): Promise<{ ok: true } | { ok: false; code: string }> {
  return new Promise((resolve, reject) => {
    const server = tls.createServer({ key: tlsFiles.serverKeyPem, cert: tlsFiles.serverCertPem }, (s) => s.end());
    server.on('tlsClientError', () => undefined);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      const socket = tls.connect({ host: '127.0.0.1', port: address.port, ca: caPem, servername });
      const done = (r: { ok: true } | { ok: false; code: string }) => {
        socket.destroy();
        server.close();
        resolve(r);
      };
      socket.once('secureConnect', () => done({ ok: true }));
      socket.once('error', (err: NodeJS.ErrnoException) => done({ ok: false, code: err.code ?? err.message }));
    });
  });
}

describe('ensureSandboxCertificates: first start', () => {
  let dir: string;
  let t: SandboxTls;
  let ca: X509Certificate;
  let server: X509Certificate;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sandbox-ca-first-'));
    t = await ensureSandboxCertificates(dir, { publicHost: 'sandbox.example.com' });
    ca = new X509Certificate(t.caCertPem);
    server = new X509Certificate(t.serverCertPem);
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('writes the four files, keys readable by the owner only', () => {
    expect(t.issued).toEqual({ ca: true, server: true });
    expect(t.caFile).toBe(path.join(path.resolve(dir), CA_CERT_FILE));
    expect(path.isAbsolute(t.caFile)).toBe(true);
    expect(readFileSync(t.caFile, 'utf8')).toBe(t.caCertPem);
    expect(readFileSync(path.join(dir, SERVER_CERT_FILE), 'utf8')).toBe(t.serverCertPem);
    expect(readFileSync(path.join(dir, SERVER_KEY_FILE), 'utf8')).toBe(t.serverKeyPem);
    expect(statSync(path.join(dir, CA_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, SERVER_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(t.serverKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('makes a P-256 CA with the agreed subject, critical CA:true and keyCertSign+cRLSign, valid 10 years', () => {
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe('CN=SLS Kafka wizard sandbox CA (local)');
    expect(ca.issuer).toBe(ca.subject);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect((ca.publicKey as KeyObject).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const days = (Date.parse(ca.validTo) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(3649);
    expect(days).toBeLessThan(3651);
    const text = openssl(['x509', '-in', t.caFile, '-noout', '-text']).out;
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign\s/);
    expect(text).toContain('ecdsa-with-SHA256');
  });

  it('signs a server certificate for TLS servers only, valid 825 days', () => {
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    const days = (Date.parse(server.validTo) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(824);
    expect(days).toBeLessThan(826);
    const text = openssl(['x509', '-in', path.join(dir, SERVER_CERT_FILE), '-noout', '-text']).out;
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Extended Key Usage:\s+TLS Web Server Authentication\s/);
  });

  it('names localhost, the loopback IPs, the public host and every SLS host form of every region', () => {
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBeDefined();
    expect(server.checkHost('sandbox.example.com')).toBe('sandbox.example.com');
    expect(server.checkHost('cn-hangzhou.log.aliyuncs.com')).toBeDefined();
    for (const r of REGIONS) {
      for (const network of ['internet', 'intranet'] as const) {
        for (const hostForm of ['project', 'region'] as const) {
          const { host } = kafkaEndpoint({ region: r.id, network, project: 'test-project-1', hostForm });
          expect(server.checkHost(host), host).toBeDefined();
        }
      }
    }
  });

  it('does not name hosts outside those forms', () => {
    expect(server.checkHost('evil.example.com')).toBeUndefined();
    expect(server.checkHost('a.b.cn-hangzhou.log.aliyuncs.com')).toBeUndefined();
    expect(server.checkHost('log.aliyuncs.com')).toBeUndefined();
    expect(server.checkHost('p.cn-hangzhou.log.aliyuncs.com.evil.com')).toBeUndefined();
    expect(server.checkIP('10.0.0.1')).toBeUndefined();
  });

  it('covers any project prefix in any region (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$/),
        fc.constantFrom(...REGIONS.map((r) => r.id)),
        fc.constantFrom('internet' as const, 'intranet' as const),
        (project, region, network) => {
          const { host } = kafkaEndpoint({ region, network, project });
          return server.checkHost(host) !== undefined && server.checkHost(`x.${host}`) === undefined;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('verifies with the openssl CLI as a TLS server certificate for SLS hosts and the public host', () => {
    const serverFile = path.join(dir, SERVER_CERT_FILE);
    const base = ['verify', '-CAfile', t.caFile, '-purpose', 'sslserver'];
    expect(openssl([...base, serverFile])).toEqual({ ok: true, out: `${serverFile}: OK\n` });
    for (const host of ['test-project-1.cn-hangzhou.log.aliyuncs.com', 'cn-shanghai-intranet.log.aliyuncs.com', 'sandbox.example.com']) {
      expect(openssl([...base, '-verify_hostname', host, serverFile]).ok, host).toBe(true);
    }
    expect(openssl([...base, '-verify_ip', '127.0.0.1', serverFile]).ok).toBe(true);
    expect(openssl([...base, '-verify_hostname', 'evil.example.com', serverFile]).ok).toBe(false);
    // The CA must not pass as a server certificate, nor the server certificate as a CA.
    expect(openssl(['verify', '-CAfile', serverFile, serverFile]).ok).toBe(false);
  });

  it('completes a real TLS handshake for an SLS project host', async () => {
    expect(await handshake(t, t.caCertPem, 'test-project-1.cn-hangzhou.log.aliyuncs.com')).toEqual({ ok: true });
    expect(await handshake(t, t.caCertPem, 'sandbox.example.com')).toEqual({ ok: true });
  });

  it('fails the handshake for a host the certificate does not name', async () => {
    expect(await handshake(t, t.caCertPem, 'evil.example.com')).toEqual({ ok: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('fails the handshake when the client trusts a different CA', async () => {
    const other = await ensureSandboxCertificates(tempDir(), { publicHost: 'sandbox.example.com' });
    const r = await handshake(t, other.caCertPem, 'test-project-1.cn-hangzhou.log.aliyuncs.com');
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ code: expect.stringMatching(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/) });
  });
});

describe('ensureSandboxCertificates: later starts', () => {
  it('reuses all four files unchanged', async () => {
    const dir = tempDir();
    const first = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    const second = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    expect(second.issued).toEqual({ ca: false, server: false });
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.serverCertPem).toBe(first.serverCertPem);
    expect(second.serverKeyPem).toBe(first.serverKeyPem);
  });

  it('re-issues only the server certificate when the public host changes', async () => {
    const dir = tempDir();
    const first = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    const caKey = readFileSync(path.join(dir, CA_KEY_FILE), 'utf8');
    const second = await ensureSandboxCertificates(dir, { publicHost: 'kafka-sandbox.internal' });
    expect(second.issued).toEqual({ ca: false, server: true });
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(readFileSync(path.join(dir, CA_KEY_FILE), 'utf8')).toBe(caKey);
    expect(second.serverCertPem).not.toBe(first.serverCertPem);
    const cert = new X509Certificate(second.serverCertPem);
    expect(cert.checkHost('kafka-sandbox.internal')).toBe('kafka-sandbox.internal');
    expect(cert.verify(new X509Certificate(first.caCertPem).publicKey)).toBe(true);
    // And it sticks: a third start with the same host changes nothing.
    expect((await ensureSandboxCertificates(dir, { publicHost: 'kafka-sandbox.internal' })).issued).toEqual({ ca: false, server: false });
  });

  it('puts an IP public host in an IP SAN', async () => {
    const t = await ensureSandboxCertificates(tempDir(), { publicHost: '192.0.2.10' });
    const cert = new X509Certificate(t.serverCertPem);
    expect(cert.checkIP('192.0.2.10')).toBe('192.0.2.10');
    expect(cert.subjectAltName).toContain('IP Address:192.0.2.10');
    expect(cert.subjectAltName).not.toContain('DNS:192.0.2.10');
    const v6 = await ensureSandboxCertificates(tempDir(), { publicHost: '[2001:db8::5]' });
    expect(new X509Certificate(v6.serverCertPem).checkIP('2001:db8::5')).toBeDefined();
  });

  it('renews the server certificate within 30 days of expiry, keeping the CA', async () => {
    const dir = tempDir();
    const first = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    const at31 = await ensureSandboxCertificates(dir, { publicHost: 'localhost', now: new Date(Date.now() + 794 * DAY) });
    expect(at31.issued).toEqual({ ca: false, server: false });
    const at29 = await ensureSandboxCertificates(dir, { publicHost: 'localhost', now: new Date(Date.now() + 796 * DAY) });
    expect(at29.issued).toEqual({ ca: false, server: true });
    expect(at29.caCertPem).toBe(first.caCertPem);
  });

  it('replaces the CA (and the server certificate) only when the CA itself is about to expire', async () => {
    const dir = tempDir();
    const first = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    const late = await ensureSandboxCertificates(dir, { publicHost: 'localhost', now: new Date(Date.now() + 3630 * DAY) });
    expect(late.issued).toEqual({ ca: true, server: true });
    expect(late.caCertPem).not.toBe(first.caCertPem);
  });

  it('repairs a damaged or mismatched server key by re-issuing the server certificate only', async () => {
    const dir = tempDir();
    const first = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    writeFileSync(path.join(dir, SERVER_KEY_FILE), 'not a key');
    const repaired = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    expect(repaired.issued).toEqual({ ca: false, server: true });
    expect(repaired.caCertPem).toBe(first.caCertPem);

    const other = await ensureSandboxCertificates(tempDir(), { publicHost: 'localhost' });
    writeFileSync(path.join(dir, SERVER_KEY_FILE), other.serverKeyPem);
    expect((await ensureSandboxCertificates(dir, { publicHost: 'localhost' })).issued).toEqual({ ca: false, server: true });
  });

  it('re-issues a server certificate that another CA signed', async () => {
    const dir = tempDir();
    await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    const other = await ensureSandboxCertificates(tempDir(), { publicHost: 'localhost' });
    writeFileSync(path.join(dir, SERVER_CERT_FILE), other.serverCertPem);
    writeFileSync(path.join(dir, SERVER_KEY_FILE), other.serverKeyPem);
    const again = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    expect(again.issued).toEqual({ ca: false, server: true });
    expect(new X509Certificate(again.serverCertPem).verify(new X509Certificate(again.caCertPem).publicKey)).toBe(true);
  });

  it('creates a new CA when the CA files are unusable', async () => {
    const dir = tempDir();
    const first = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    writeFileSync(path.join(dir, CA_CERT_FILE), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const again = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    expect(again.issued).toEqual({ ca: true, server: true });
    expect(again.caCertPem).not.toBe(first.caCertPem);
    expect(new X509Certificate(again.serverCertPem).verify(new X509Certificate(again.caCertPem).publicKey)).toBe(true);
  });

  it('writes key files as 0600 even when replacing a world-readable file', async () => {
    const dir = tempDir();
    await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    chmodSync(path.join(dir, SERVER_KEY_FILE), 0o644);
    writeFileSync(path.join(dir, SERVER_KEY_FILE), 'garbage');
    await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
    expect(statSync(path.join(dir, SERVER_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('serialises concurrent starts on one directory, so the files on disk stay a matching set', async () => {
    const dir = tempDir();
    const results = await Promise.all([
      ensureSandboxCertificates(dir, { publicHost: 'localhost' }),
      ensureSandboxCertificates(dir, { publicHost: 'localhost' }),
      ensureSandboxCertificates(dir, { publicHost: 'other.example' }),
    ]);
    expect(results.map((r) => r.issued)).toEqual([
      { ca: true, server: true },
      { ca: false, server: false },
      { ca: false, server: true },
    ]);
    expect(new Set(results.map((r) => r.caCertPem)).size).toBe(1);
    const caOnDisk = new X509Certificate(readFileSync(path.join(dir, CA_CERT_FILE)));
    expect(caOnDisk.checkPrivateKey(createPrivateKey(readFileSync(path.join(dir, CA_KEY_FILE))))).toBe(true);
    const serverOnDisk = new X509Certificate(readFileSync(path.join(dir, SERVER_CERT_FILE)));
    expect(serverOnDisk.checkPrivateKey(createPrivateKey(readFileSync(path.join(dir, SERVER_KEY_FILE))))).toBe(true);
    expect(serverOnDisk.checkHost('other.example')).toBe('other.example');
  });

  it('refuses a public host that is not a host name or IP, before touching the disk', async () => {
    for (const bad of ['sandbox.example.com:10012', 'https://sandbox.example.com', 'has space', '', '-bad-.com', 'a..b']) {
      await expect(ensureSandboxCertificates(path.join(tmpdir(), 'never-created-sandbox-ca'), { publicHost: bad }), bad).rejects.toThrow(
        SandboxCertificateError,
      );
    }
    expect(() => statSync(path.join(tmpdir(), 'never-created-sandbox-ca'))).toThrow();
  });
});
