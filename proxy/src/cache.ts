/**
 * Idempotency cache: a replayed request (same client, endpoint and idempotencyKey) gets the stored
 * answer and costs no model call. LRU with a TTL; a Map keeps insertion order, so the first key is
 * the least recently used.
 */
export interface CacheEntry<V> {
  readonly value: V;
  /** Fingerprint of the request body, to refuse a reused key with a different request. */
  readonly fingerprint: string;
  readonly expiresAt: number;
}

export class IdempotencyCache<V> {
  private readonly entries = new Map<string, CacheEntry<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CacheEntry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, value: V, fingerprint: string): void {
    this.entries.delete(key);
    this.entries.set(key, { value, fingerprint, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
