/**
 * The sandbox's own certificate authority and the server certificate its
 * Kafka endpoint presents, kept as PEM files in the data directory.
 *
 * Agents are configured exactly as for SLS (TLS on, host name checked), so the
 * server certificate names every SLS Kafka host form — `<project>.<region>.log.aliyuncs.com`,
 * the `-intranet` variant and the no-prefix `<region>.log.aliyuncs.com` — for every
 * region in lib/sls, plus localhost and the public host the wizard advertises.
 * Users trust the CA by downloading it from GET /api/sandbox/ca.
 *
 * Keys are ECDSA P-256: every TLS 1.2 stack the supported agents use (Java 8+ JSSE,
 * OpenSSL behind librdkafka/Ruby/Python, Go crypto/tls) negotiates ECDHE-ECDSA suites,
 * and P-256 keys are generated in milliseconds.
 *
 * Lifecycle: the first start creates all four files; later starts reuse them and
 * re-issue only the server certificate (same CA) when it is missing a name it must
 * carry (a new public host, a region added to lib/sls), expires within 30 days, or
 * does not chain to the CA. The CA is replaced only when it cannot be used at all
 * (missing or unreadable files, key not matching the certificate, expiring within
 * 30 days); agents then have to fetch the new CA.
 */
import { X509Certificate as NodeX509Certificate, createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import type { JsonGeneralName, X509Certificate } from '@peculiar/x509';
import { REGIONS } from '../sls/regions';
import { SLS_DOMAIN } from '../sls/endpoints';

export interface SandboxTls {
  caCertPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** Absolute path of the CA certificate file, for agents' `ssl.ca.location` and friends. */
  caFile: string;
  /** What this call had to create; both false when the files on disk were reused as they are. */
  issued: { ca: boolean; server: boolean };
}

export const CA_SUBJECT_CN = 'SLS Kafka wizard sandbox CA (local)';
export const CA_VALIDITY_DAYS = 3650;
/** 825 days: the longest validity Apple platforms accept for a TLS server certificate from a private CA. */
export const SERVER_VALIDITY_DAYS = 825;
/** Renew this long before expiry so a running sandbox never serves an expired certificate. */
export const RENEW_BEFORE_DAYS = 30;

export const CA_CERT_FILE = 'sandbox-ca.pem';
export const CA_KEY_FILE = 'sandbox-ca.key.pem';
export const SERVER_CERT_FILE = 'sandbox-server.pem';
export const SERVER_KEY_FILE = 'sandbox-server.key.pem';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Back-date notBefore so agents whose clocks run a little behind accept a fresh certificate. */
const CLOCK_SKEW_MS = 60 * 60 * 1000;

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;

const subtle = webcrypto.subtle;
/** Passed explicitly so the library's global provider is never touched. */
const cryptoImpl = webcrypto as unknown as Crypto;

type X509Module = typeof import('@peculiar/x509');
let x509Module: Promise<X509Module> | undefined;

/**
 * @peculiar/x509 registers its algorithms through tsyringe, which needs the
 * Reflect metadata API: load the polyfill first, then the library.
 */
function loadX509(): Promise<X509Module> {
  x509Module ??= import('reflect-metadata').then(() => import('@peculiar/x509'));
  return x509Module;
}

export class SandboxCertificateError extends Error {
  override name = 'SandboxCertificateError';
}

/** A SAN the server certificate carries: a DNS name (wildcards allowed) or an IP address. */
export interface SanEntry {
  type: 'dns' | 'ip';
  value: string;
}

/**
 * Every name the server certificate must carry for this public host.
 * A wildcard covers exactly one label, so `*.log.aliyuncs.com` alone would not match
 * `<project>.<region>.log.aliyuncs.com`; each region gets its own wildcard.
 */
export function expectedServerNames(publicHost: string): SanEntry[] {
  const names: SanEntry[] = [
    { type: 'dns', value: 'localhost' },
    { type: 'ip', value: '127.0.0.1' },
    { type: 'ip', value: '::1' },
    publicHostSan(publicHost),
    { type: 'dns', value: `*.${SLS_DOMAIN}` },
  ];
  for (const region of REGIONS) {
    for (const regionLabel of [region.id, `${region.id}-intranet`]) {
      names.push({ type: 'dns', value: `*.${regionLabel}.${SLS_DOMAIN}` });
      names.push({ type: 'dns', value: `${regionLabel}.${SLS_DOMAIN}` });
    }
  }
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = sanKey(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function publicHostSan(publicHost: string): SanEntry {
  const host = publicHost.trim().replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) return { type: 'ip', value: host };
  const dns = host.toLowerCase().replace(/\.$/, '');
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  if (dns.length === 0 || dns.length > 253 || !dns.split('.').every((l) => label.test(l))) {
    throw new SandboxCertificateError(
      `SANDBOX_PUBLIC_HOST “${publicHost}” is not a host name or IP address; set it to the name agents use to reach the sandbox, without a port or scheme (for example “sandbox.example.com”).`,
    );
  }
  return { type: 'dns', value: dns };
}

/** Comparable form: DNS names case-insensitively, IPs by their bytes (so `::1` equals `0:0:0:0:0:0:0:1`). */
function sanKey(n: SanEntry): string {
  return n.type === 'ip' ? `ip:${ipBytes(n.value)}` : `dns:${n.value.toLowerCase()}`;
}

function ipBytes(ip: string): string {
  const v = isIP(ip);
  if (v === 4) return ip.split('.').map((p) => Number(p).toString(16).padStart(2, '0')).join('');
  if (v !== 6) return ip.toLowerCase();
  let text = ip.toLowerCase();
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const b = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${(((b[0] ?? 0) << 8) | (b[1] ?? 0)).toString(16)}:${(((b[2] ?? 0) << 8) | (b[3] ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...fill, ...tailGroups].map((g) => g.padStart(4, '0')).join('');
}

interface LoadedCa {
  cert: X509Certificate;
  certPem: string;
  key: CryptoKey;
}

/**
 * Load or create the sandbox CA and server certificate in `dataDir`.
 * I/O: reads and writes the four PEM files; key files are written with mode 0600.
 */
export function ensureSandboxCertificates(dataDir: string, opts: { publicHost: string; now?: Date }): Promise<SandboxTls> {
  // Calls for the same directory run one after another, so two starts in one process
  // (a dev-server reload, say) cannot interleave their writes and pair one CA's key with
  // another's certificate. Separate processes sharing a data directory are not coordinated.
  const dir = path.resolve(dataDir);
  const previous = pending.get(dir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ensureInDirectory(dir, opts));
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  pending.set(dir, settled);
  void settled.then(() => {
    if (pending.get(dir) === settled) pending.delete(dir);
  });
  return run;
}

const pending = new Map<string, Promise<void>>();

async function ensureInDirectory(dir: string, opts: { publicHost: string; now?: Date }): Promise<SandboxTls> {
  const now = opts.now ?? new Date();
  const wanted = expectedServerNames(opts.publicHost);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);

  let ca = await loadCa(file(CA_CERT_FILE), file(CA_KEY_FILE), now);
  const issued = { ca: false, server: false };
  if (!ca) {
    ca = await createCa(now);
    issued.ca = true;
  }

  let server = issued.ca ? undefined : await loadServer(file(SERVER_CERT_FILE), file(SERVER_KEY_FILE), ca, wanted, now);
  if (!server) {
    server = await createServer(ca, wanted, opts.publicHost, now);
    issued.server = true;
  }

  // The key files are written before the certificates so a crash in between leaves
  // a certificate/key mismatch that the next start detects and repairs.
  if (issued.ca) {
    await writeAtomic(file(CA_KEY_FILE), await privateKeyPem(ca.key), 0o600);
    await writeAtomic(file(CA_CERT_FILE), ca.certPem, 0o644);
  }
  if (issued.server) {
    await writeAtomic(file(SERVER_KEY_FILE), server.keyPem, 0o600);
    await writeAtomic(file(SERVER_CERT_FILE), server.certPem, 0o644);
  }

  return {
    caCertPem: ca.certPem,
    serverCertPem: server.certPem,
    serverKeyPem: server.keyPem,
    caFile: file(CA_CERT_FILE),
    issued,
  };
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === code;
}

function expiresSoon(notAfter: Date, now: Date): boolean {
  return notAfter.getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS;
}

/** Undefined when the CA must be created afresh (absent, unreadable, mismatched or expiring). */
async function loadCa(certFile: string, keyFile: string, now: Date): Promise<LoadedCa | undefined> {
  const x509 = await loadX509();
  const [certPem, keyPem] = await Promise.all([readText(certFile), readText(keyFile)]);
  if (certPem === undefined || keyPem === undefined) return undefined;
  try {
    const nodeCert = new NodeX509Certificate(certPem);
    if (!nodeCert.ca || !nodeCert.checkPrivateKey(createPrivateKey(keyPem))) return undefined;
    const cert = new x509.X509Certificate(certPem);
    if (expiresSoon(cert.notAfter, now)) return undefined;
    const key = await subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(keyPem), EC_KEY, false, ['sign']);
    return { cert, certPem: normalisePem(certPem), key };
  } catch {
    // A file that does not parse is as good as absent: the sandbox owns these files.
    return undefined;
  }
}

interface LoadedServer {
  certPem: string;
  keyPem: string;
}

async function loadServer(
  certFile: string,
  keyFile: string,
  ca: LoadedCa,
  wanted: SanEntry[],
  now: Date,
): Promise<LoadedServer | undefined> {
  const x509 = await loadX509();
  const [certPem, keyPem] = await Promise.all([readText(certFile), readText(keyFile)]);
  if (certPem === undefined || keyPem === undefined) return undefined;
  try {
    const nodeCert = new NodeX509Certificate(certPem);
    if (!nodeCert.checkPrivateKey(createPrivateKey(keyPem))) return undefined;
    if (!nodeCert.verify(new NodeX509Certificate(ca.certPem).publicKey)) return undefined;
    const cert = new x509.X509Certificate(certPem);
    if (expiresSoon(cert.notAfter, now)) return undefined;
    const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
    const present = new Set(
      (san?.names.items ?? [])
        .filter((n) => n.type === 'dns' || n.type === 'ip')
        .map((n) => sanKey({ type: n.type === 'ip' ? 'ip' : 'dns', value: n.value })),
    );
    if (!wanted.every((n) => present.has(sanKey(n)))) return undefined;
    return { certPem: normalisePem(certPem), keyPem };
  } catch {
    return undefined;
  }
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  // Positive and without a leading zero byte, so the DER INTEGER is minimal (RFC 5280 §4.1.2.2).
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

async function createCa(now: Date): Promise<LoadedCa> {
  const x509 = await loadX509();
  const keys = await subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerial(),
      name: [{ CN: [CA_SUBJECT_CN] }],
      notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
      notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
      signingAlgorithm: SIGNING,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, cryptoImpl),
      ],
    },
    cryptoImpl,
  );
  return { cert, certPem: normalisePem(cert.toString('pem')), key: keys.privateKey };
}

async function createServer(ca: LoadedCa, wanted: SanEntry[], publicHost: string, now: Date): Promise<LoadedServer> {
  const x509 = await loadX509();
  const keys = await subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const caSki = ca.cert.getExtension(x509.SubjectKeyIdentifierExtension);
  const sans: JsonGeneralName[] = wanted.map((n) => ({ type: n.type, value: n.value }));
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(),
      subject: [{ CN: [publicHostSan(publicHost).value] }],
      issuer: ca.cert.subjectName,
      notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
      notAfter: new Date(now.getTime() + SERVER_VALIDITY_DAYS * DAY_MS),
      signingAlgorithm: SIGNING,
      publicKey: keys.publicKey,
      signingKey: ca.key,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        // ECDHE-ECDSA needs only digitalSignature (keyEncipherment is for RSA key transport).
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
        new x509.SubjectAlternativeNameExtension(sans, false),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, cryptoImpl),
        caSki
          ? new x509.AuthorityKeyIdentifierExtension(caSki.keyId, false)
          : await x509.AuthorityKeyIdentifierExtension.create(ca.cert.publicKey, false, cryptoImpl),
      ],
    },
    cryptoImpl,
  );
  return { certPem: normalisePem(cert.toString('pem')), keyPem: await privateKeyPem(keys.privateKey) };
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const x509 = await loadX509();
  const der = await subtle.exportKey('pkcs8', key);
  return normalisePem(x509.PemConverter.encode(der, 'PRIVATE KEY'));
}

/** Unix line endings and one trailing newline, as OpenSSL writes PEM. */
function normalisePem(pem: string): string {
  return pem.replace(/\r\n/g, '\n').trim() + '\n';
}

/** Write via a temporary file and rename, so a reader never sees half a file. */
async function writeAtomic(file: string, content: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, content, { mode });
  await chmod(tmp, mode);
  await rename(tmp, file);
}
