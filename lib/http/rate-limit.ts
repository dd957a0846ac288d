/**
 * A per-client token bucket for routes that do real work per request (the
 * doctor opens connections) or check a secret (the records route). Keyed on
 * the client address the front door saw on the socket (lib/http/peer): an
 * X-Forwarded-For header counts only when TRUST_PROXY names the proxy that
 * sent it. Buckets live in a bounded LRU, so a flood of addresses evicts the
 * least recently seen instead of growing memory. In memory: one server
 * process serves the app.
 */
import { LRUCache } from 'lru-cache';
import { ApiError } from './errors';
import { requestPeer } from './peer';

export interface RateLimit {
  /** Requests allowed in a burst. */
  burst: number;
  /** Tokens added back per second. */
  perSecond: number;
  /** Most clients remembered (default 10 000); the least recently seen are forgotten first. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets: LRUCache<string, Bucket>;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    /** What the 429 message says is being limited. */
    private readonly what = 'checks',
  ) {
    this.buckets = new LRUCache({ max: limit.maxClients ?? 10_000 });
  }

  /** Clients currently remembered. */
  get size(): number {
    return this.buckets.size;
  }

  /** Take one token for `client`, or throw a 429 ApiError saying when to retry. */
  take(client: string): void {
    const t = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.burst, at: t };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = t;
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) {
      const wait = Math.ceil((1 - bucket.tokens) / this.limit.perSecond);
      throw ApiError.of('rate_limited', `Too many ${this.what} from this client: wait ${wait} s and try again.`, { 'retry-after': String(wait) });
    }
    bucket.tokens -= 1;
  }
}

/**
 * The key a request's rate limit uses: the client address the front door
 * stamped. Without the front door (a bare `next start`, a unit test calling a
 * handler) every request shares one bucket: headers alone are never believed.
 */
export function clientKey(request: Request): string {
  return requestPeer(request)?.client ?? 'unknown';
}
