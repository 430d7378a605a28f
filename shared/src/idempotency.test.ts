import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idempotencyKey, messageId, parseIdempotencyKey } from './idempotency';
import type { MessageKind } from './idempotency';

describe('idempotencyKey', () => {
  it('is deterministic from system, record id and version', () => {
    expect(idempotencyKey('salesforce', '500Aa00000AbCdEIAV', 7)).toBe('salesforce:500Aa00000AbCdEIAV:7');
    expect(idempotencyKey('servicenow', 'abc', 1, 'comment')).toBe('servicenow:abc:1:comment');
    expect(idempotencyKey('salesforce', 'x', 1)).not.toBe(idempotencyKey('servicenow', 'x', 1));
    expect(idempotencyKey('salesforce', 'x', 1)).not.toBe(idempotencyKey('salesforce', 'x', 2));
  });

  it('throws on caller bugs', () => {
    expect(() => idempotencyKey('salesforce', '', 1)).toThrow(/recordId/);
    expect(() => idempotencyKey('salesforce', 'a|b', 1)).toThrow(/recordId/);
    expect(() => idempotencyKey('salesforce', 'a', -1)).toThrow(/version/);
    expect(() => idempotencyKey('salesforce', 'a', 1.5)).toThrow(/version/);
    expect(() => idempotencyKey('jira' as 'salesforce', 'a', 1)).toThrow(/system/);
    expect(() => idempotencyKey('salesforce', 'a', 1, 'other' as MessageKind)).toThrow(/kind/);
  });

  it('round-trips through parseIdempotencyKey and fits Text(128)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('salesforce' as const, 'servicenow' as const),
        fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/),
        fc.nat(),
        fc.constantFrom<MessageKind>('record', 'comment', 'triage', 'summarize', 'resolution-summary', 'impact'),
        (system, id, version, kind) => {
          const key = idempotencyKey(system, id, version, kind);
          expect(key.length).toBeLessThanOrEqual(128);
          expect(parseIdempotencyKey(key)).toEqual({ system, recordId: id, version, kind });
        },
      ),
    );
    expect(parseIdempotencyKey('salesforce:x:1:record')).toBeNull();
    expect(parseIdempotencyKey('salesforce:x:1:bogus')).toBeNull();
    expect(parseIdempotencyKey('nope')).toBeNull();
  });
});

describe('messageId', () => {
  it('is stable per key and attempt, fits Text(64)', () => {
    const k = idempotencyKey('salesforce', 'abc', 3);
    expect(messageId(k)).toBe(messageId(k));
    expect(messageId(k)).toMatch(/^m-[0-9a-f]{40}$/);
    expect(messageId(k, 1)).not.toBe(messageId(k));
    expect(messageId(k)).not.toBe(messageId(idempotencyKey('salesforce', 'abc', 4)));
  });
});
