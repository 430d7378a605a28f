import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RotatingAuditLog, type AuditRecord } from './auditLog.js';
import { authenticate, signRequest } from './auth.js';
import { IdempotencyCache } from './cache.js';
import { RateLimiter } from './rateLimit.js';

const record = (i: number): AuditRecord => ({
  at: '2026-01-01T00:00:00.000Z', correlationId: `c${i}`, idempotencyKey: `k${i}`, client: 'servicenow', endpoint: 'triage',
  engine: 'embedded', cached: false, maskedPrompt: 'x'.repeat(100), maskedOutput: {}, tokens: { prompt: 0, completion: 0 }, latencyMs: 1,
});

describe('audit log', () => {
  it('writes JSON lines and rotates by size, keeping a bounded number of files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-audit-'));
    const file = join(dir, 'audit.jsonl');
    const log = new RotatingAuditLog(file, 1024, 2);
    for (let i = 0; i < 40; i++) log.write(record(i));
    await log.flush();
    expect(readdirSync(dir).sort()).toEqual(['audit.jsonl', 'audit.jsonl.1', 'audit.jsonl.2']);
    const current = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditRecord);
    expect(current.at(-1)?.correlationId).toBe('c39');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(1024);
  });
});

describe('rate limiter', () => {
  it('allows a burst, then refills at the configured rate', () => {
    let t = 0;
    const rl = new RateLimiter(60, 2, () => t);
    expect(rl.take('a').allowed).toBe(true);
    expect(rl.take('a').allowed).toBe(true);
    expect(rl.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(rl.take('b').allowed).toBe(true);
    t += 1000;
    expect(rl.take('a').allowed).toBe(true);
    expect(rl.take('a').allowed).toBe(false);
  });
});

describe('idempotency cache', () => {
  it('expires entries after the TTL and evicts the least recently used', () => {
    let t = 0;
    const c = new IdempotencyCache<number>(2, 1000, () => t);
    c.set('a', 1, 'fa');
    c.set('b', 2, 'fb');
    expect(c.get('a')?.value).toBe(1); // a is now most recent
    c.set('c', 3, 'fc');
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')?.fingerprint).toBe('fa');
    t += 1001;
    expect(c.get('a')).toBeUndefined();
  });
});

describe('authentication', () => {
  const opts = { clients: { servicenow: 'a'.repeat(32), salesforce: 'b'.repeat(32) }, hmac: 'optional' as const, maxSkewSeconds: 300 };
  it('identifies the client by its bearer secret', () => {
    expect(authenticate({ authorization: `Bearer ${'b'.repeat(32)}` }, Buffer.from(''), opts, 0)).toEqual({ ok: true, client: 'salesforce', method: 'bearer' });
    expect(authenticate({ authorization: `Bearer ${'b'.repeat(31)}` }, Buffer.from(''), opts, 0).ok).toBe(false);
    expect(authenticate({ authorization: `Basic ${'b'.repeat(32)}` }, Buffer.from(''), opts, 0).ok).toBe(false);
  });
  it('verifies an HMAC over timestamp and raw body, and ignores signatures when HMAC is off', () => {
    const body = Buffer.from('{"a":1}');
    const h = { 'x-seam-client': 'servicenow', 'x-seam-timestamp': '1000', 'x-seam-signature': signRequest('a'.repeat(32), 1000, body) };
    expect(authenticate(h, body, opts, 1100)).toEqual({ ok: true, client: 'servicenow', method: 'hmac' });
    expect(authenticate(h, Buffer.from('{"a":2}'), opts, 1100).ok).toBe(false);
    expect(authenticate({ ...h, 'x-seam-client': 'nobody' }, body, opts, 1100).ok).toBe(false);
    expect(authenticate(h, body, { ...opts, hmac: 'off' }, 1100).ok).toBe(false);
  });
});
