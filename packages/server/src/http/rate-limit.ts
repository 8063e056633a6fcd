/**
 * Per-caller rate limits: a token bucket per subject, kept in this process's memory.
 * @module
 */

/** Requests per minute for each kind of caller; `false` turns limiting off. */
export interface RateLimitOptions {
  /** Each partner or manager session subject (default 600 a minute). */
  session?: number;
  /** Each admin key (default 6000 a minute): integrations ingest in bulk. */
  admin?: number;
  /** Requests without a valid credential, per client address (default 60 a minute). */
  anonymous?: number;
  /** Each publishable key, over every visitor of its page (default 1200 a minute). */
  publishable?: number;
  /** Requests with a publishable key, per client address (default 20 a minute): one person reads the form and submits it. */
  publicAddress?: number;
}

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = { session: 600, admin: 6000, anonymous: 60, publishable: 1200, publicAddress: 20 };

/** The verdict on one request. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until a request would be allowed again (0 when allowed). */
  retryAfter: number;
  /** Whole seconds until the bucket is full again. */
  reset: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Most buckets kept; beyond it the fullest (idle) ones are dropped first. */
const MAX_BUCKETS = 100_000;

/**
 * A bucket holds up to a minute's worth of requests and refills continuously, so a caller may
 * burst up to its limit and then proceeds at the steady rate.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  take(key: string, perMinute: number, now: number): RateDecision {
    const ratePerMs = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, updatedAt: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * ratePerMs);
    bucket.updatedAt = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_BUCKETS) this.prune(now);
    return {
      allowed,
      limit: perMinute,
      remaining: Math.floor(bucket.tokens),
      retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)),
      reset: Math.ceil((perMinute - bucket.tokens) / ratePerMs / 1000),
    };
  }

  /** Drops buckets idle long enough to be full again, then the least recently used beyond the cap. */
  prune(now: number, idleMs = 60_000): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updatedAt >= idleMs) this.buckets.delete(key);
    }
    const excess = this.buckets.size - MAX_BUCKETS;
    if (excess > 0) {
      let dropped = 0;
      for (const key of this.buckets.keys()) {
        if (dropped++ >= excess) break;
        this.buckets.delete(key);
      }
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
