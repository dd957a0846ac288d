/**
 * Budgets shared by all connections: the bytes of request frames held at once
 * (Kafka's queued.max.request.bytes / MemoryPool: a frame reserves its declared
 * size when its size prefix arrives; a connection that cannot reserve is not
 * read until memory frees, first come first served), and produce bytes per
 * client address (a token bucket; Kafka answers an exceeded quota with
 * throttle_time_ms and mutes the connection for that long, KIP-219).
 */

export class MemoryPool {
  private used = 0;
  private readonly waiters = new Set<() => void>();

  constructor(readonly capacity: number) {}

  get available(): number {
    return this.capacity - this.used;
  }

  get reserved(): number {
    return this.used;
  }

  /** Reserve `n` bytes; false when they do not fit now (call `wait`). */
  tryReserve(n: number): boolean {
    if (n > this.capacity - this.used) return false;
    this.used += n;
    return true;
  }

  release(n: number): void {
    this.used -= n;
    if (this.waiters.size === 0) return;
    // Wake waiters in arrival order; each retries its reservation (one may not fit yet).
    for (const wake of [...this.waiters]) {
      this.waiters.delete(wake);
      wake();
      if (this.available <= 0) break;
    }
  }

  /** Call `wake` once memory frees (it must retry `tryReserve`); returns a cancel function. */
  wait(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Spend `n` tokens (the balance may go negative); returns how long (ms) until it is positive again. */
  charge(n: number): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSec);
    this.last = t;
    this.tokens -= n;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSec) * 1000);
  }
}

/** Produce quotas per client address; a bucket lives while its address has connections. */
export class ProduceQuotas {
  private readonly buckets = new Map<string, { bucket: TokenBucket; refs: number }>();

  constructor(private readonly bytesPerSec: number) {}

  /** The charge function for one connection from `ip` (a no-op when quotas are off); call `release` when it closes. */
  attach(ip: string): { charge: (bytes: number) => number; release: () => void } {
    if (this.bytesPerSec <= 0) return { charge: () => 0, release: () => {} };
    let entry = this.buckets.get(ip);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.bytesPerSec, this.bytesPerSec * 2), refs: 0 };
      this.buckets.set(ip, entry);
    }
    entry.refs++;
    const e = entry;
    let released = false;
    return {
      charge: (bytes) => e.bucket.charge(bytes),
      release: () => {
        if (released) return;
        released = true;
        if (--e.refs === 0) this.buckets.delete(ip);
      },
    };
  }
}
