/**
 * A per-client token bucket for routes that do real work per request (the
 * doctor opens connections). In memory: one server process serves the app.
 */
import { ApiError } from './errors';

export interface RateLimit {
  /** Requests allowed in a burst. */
  burst: number;
  /** Tokens added back per second. */
  perSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one token for `client`, or throw a 429 ApiError saying when to retry. */
  take(client: string): void {
    const t = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.burst, at: t };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = t;
    if (bucket.tokens < 1) {
      const wait = Math.ceil((1 - bucket.tokens) / this.limit.perSecond);
      this.buckets.set(client, bucket);
      throw new ApiError(429, 'rate_limited', `Too many checks from this client: wait ${wait} s and try again.`, { 'retry-after': String(wait) });
    }
    bucket.tokens -= 1;
    this.buckets.set(client, bucket);
    // Forget idle clients so the map cannot grow without bound.
    if (this.buckets.size > 10_000) {
      for (const [key, b] of this.buckets) if (t - b.at > 60_000) this.buckets.delete(key);
    }
  }
}

/** The client's address as the proxy in front of Next.js reports it (first hop), else one shared bucket. */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'local';
}
