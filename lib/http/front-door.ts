/**
 * The HTTP front door, run by scripts/server.mjs in front of Next.js's request
 * handler for every request: checks the Host header against the allow list
 * (DNS-rebinding defence), stamps the socket's peer and client addresses into
 * internal headers (lib/http/peer) after deleting client-sent copies, and sets
 * the security headers on every response, with a fresh CSP nonce that Next.js
 * reads back from the request's Content-Security-Policy header and puts on its
 * own inline scripts.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopback, type RuntimeConfig } from '../sandbox/config';
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from './contract';
import { CLIENT_HEADER, FORWARDED_HEADER, FORWARDING_HEADERS, INTERNAL_HEADERS, PEER_HEADER, PROXIED_HEADER, STAMP_HEADER, clientAddress, frontDoorToken, proxyMatcher } from './peer';

/** The Content-Security-Policy for one response. `dev`: Next's dev server needs eval and its HMR socket. */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': chunks Next's runtime loads later inherit the trust of the nonced scripts.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline styles only (React style props, shiki's token colours); never inline scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response carries, the CSP aside. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** The host name of a Host header (lower case, no port, no brackets), or undefined when malformed. */
export function hostName(header: string | undefined): string | undefined {
  if (!header || header.length > 300) return undefined;
  try {
    const url = new URL(`http://${header}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return url.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** A predicate for the Host names this server answers to. */
export function hostAllowList(config: RuntimeConfig): (host: string) => boolean {
  const names = new Set<string>(['localhost', ...config.http.allowedHosts, config.sandbox.publicHost.toLowerCase()]);
  const bind = config.http.bind.toLowerCase();
  if (bind !== '0.0.0.0' && bind !== '::') names.add(bind);
  // Loopback names and addresses are always fine: a rebinding attack needs a name the attacker controls.
  return (host) => names.has(host) || isLoopback(host);
}

function refuse(res: ServerResponse, code: ApiErrorCode, message: string): void {
  const body: ApiErrorBody = { error: { code, message } };
  res.statusCode = API_ERROR_STATUS[code];
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('connection', 'close');
  res.end(JSON.stringify(body));
}

export interface FrontDoor {
  /** Prepare `req`/`res` for Next.js; false when the request was answered here (refused). */
  (req: IncomingMessage, res: ServerResponse): boolean;
}

export function createFrontDoor(config: RuntimeConfig, options: { dev?: boolean } = {}): FrontDoor {
  const token = frontDoorToken(true)!;
  const allowed = hostAllowList(config);
  const trusted = proxyMatcher(config.http.trustProxy);
  return (req, res) => {
    const nonce = randomBytes(16).toString('base64');
    const csp = contentSecurityPolicy(nonce, options.dev);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-security-policy', csp);

    const host = hostName(req.headers.host);
    if (host === undefined) {
      refuse(res, 'invalid_host', 'Host: the request has no valid Host header.');
      return false;
    }
    if (!allowed(host)) {
      // Never echo the name back into a page: it is attacker-chosen.
      refuse(res, 'misdirected_host', 'Host: this server does not answer to that name; an operator can add it to ALLOWED_HOSTS.');
      return false;
    }

    for (const name of INTERNAL_HEADERS) delete req.headers[name];
    const peer = req.socket.remoteAddress ?? '';
    const forwarded = req.headers['x-forwarded-for'];
    req.headers[PEER_HEADER] = peer;
    req.headers[CLIENT_HEADER] = clientAddress(peer, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trusted);
    if (trusted(peer)) req.headers[PROXIED_HEADER] = '1';
    if (FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined)) req.headers[FORWARDED_HEADER] = '1';
    req.headers[STAMP_HEADER] = token;
    // Next.js takes the nonce for its inline scripts from the request's CSP header.
    req.headers['content-security-policy'] = csp;
    delete req.headers['content-security-policy-report-only'];
    return true;
  };
}

// The server script loads this module alone (through tsx): hand it the config functions too.
export { ConfigError, exposureWarning, getRuntimeConfig } from '../sandbox/config';
