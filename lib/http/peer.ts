/**
 * Who is on the other end of a request, as the front door (lib/http/front-door,
 * run by scripts/server.mjs) saw it on the socket: Next.js route handlers get a
 * Web Request without the socket, so the front door stamps the peer address and
 * the client address (the peer, or with TRUST_PROXY the right-most untrusted
 * X-Forwarded-For hop) into internal headers, after deleting any copies the
 * client sent. A per-process random token in a third header proves a stamp came
 * from the front door: under a bare `next start` no token exists and nothing is
 * believed.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

export const PEER_HEADER = 'x-sls-peer';
export const CLIENT_HEADER = 'x-sls-client';
export const PROXIED_HEADER = 'x-sls-proxied';
export const FORWARDED_HEADER = 'x-sls-forwarded';
export const STAMP_HEADER = 'x-sls-front-door';
/** Every internal header: the front door deletes client-sent copies of all of them. */
export const INTERNAL_HEADERS = [PEER_HEADER, CLIENT_HEADER, PROXIED_HEADER, FORWARDED_HEADER, STAMP_HEADER] as const;

/** Headers by which a proxy names the client (Next.js adds its own X-Forwarded-* later, so the front door looks first). */
export const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

const TOKEN_KEY = Symbol.for('sls-kafka-wizard.front-door-token');
type GlobalWithToken = typeof globalThis & { [TOKEN_KEY]?: string };

/** The process's stamp token, created by the front door when it starts. */
export function frontDoorToken(create = false): string | undefined {
  const g = globalThis as GlobalWithToken;
  if (create) g[TOKEN_KEY] ??= randomBytes(24).toString('base64url');
  return g[TOKEN_KEY];
}

export interface RequestPeer {
  /** The socket's remote address. */
  peer: string;
  /** The address rate limits key on: the peer, or the client a trusted proxy names. */
  client: string;
  /** The peer is a TRUST_PROXY proxy: `client` came from its X-Forwarded-For. */
  proxied: boolean;
  /** The request carries forwarding headers (X-Forwarded-For, Forwarded, X-Real-IP), believed or not. */
  forwarded: boolean;
}

/** The stamped addresses, or undefined when the request did not come through the front door. */
export function requestPeer(request: Request): RequestPeer | undefined {
  const token = frontDoorToken();
  const stamp = request.headers.get(STAMP_HEADER);
  if (!token || !stamp) return undefined;
  const a = Buffer.from(stamp);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  const peer = request.headers.get(PEER_HEADER);
  const client = request.headers.get(CLIENT_HEADER);
  if (!peer || !client) return undefined;
  return { peer, client, proxied: request.headers.get(PROXIED_HEADER) === '1', forwarded: request.headers.get(FORWARDED_HEADER) === '1' };
}

/**
 * Whether the request comes from this machine, for open mode's loopback-only
 * reads: the client (the socket peer, or the client a trusted proxy names) is
 * loopback, and a request with forwarding headers its socket peer is not trusted
 * to set is refused, since an untrusted local reverse proxy makes every remote
 * client look like loopback.
 */
export function fromThisMachine(peer: RequestPeer | undefined): boolean {
  if (!peer) return false;
  if (peer.forwarded && !peer.proxied) return false;
  return isLoopbackAddress(peer.peer) && isLoopbackAddress(peer.client);
}

function isLoopbackAddress(address: string): boolean {
  const a = normalizeAddress(address);
  const v = isIP(a);
  if (v === 4) return a.startsWith('127.');
  return v === 6 && a === '::1';
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) as `1.2.3.4`. */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1]! : a;
}

/** A matcher for TRUST_PROXY entries (addresses or CIDR blocks, already validated by lib/sandbox/config). */
export function proxyMatcher(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(normalizeAddress(address), family);
    else list.addSubnet(normalizeAddress(address), Number(prefix), family);
  }
  return (address) => {
    const a = normalizeAddress(address);
    const v = isIP(a);
    return v !== 0 && list.check(a, v === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client a request speaks for. Only when the socket peer is a trusted proxy
 * is X-Forwarded-For read, from the right (the hop the trusted proxy appended)
 * leftwards, skipping further trusted proxies: the first untrusted hop is the
 * client. Entries to its left were written by the client and are never believed.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, isTrusted: (address: string) => boolean): string {
  const socket = normalizeAddress(peer);
  if (!forwardedFor || !isTrusted(socket)) return socket;
  const hops = forwardedFor.split(',').map((h) => normalizeAddress(h)).filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return socket; // garbage from the proxy chain: fall back to what we know
    if (!isTrusted(hop)) return hop;
  }
  return hops[0] ?? socket;
}
