/**
 * Token bucket per client: `burst` requests at once, refilled at `perMinute / 60` per second.
 * A refused request learns how long until one token is back (the Retry-After header).
 */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  take(client: string): RateDecision {
    const t = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, updatedAt: t };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (t - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = t;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
