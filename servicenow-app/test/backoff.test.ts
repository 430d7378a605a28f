import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, isRetryable, retryDelayMs } from '../src/server/outbox/backoff';

const policy = { baseSeconds: 30, maxSeconds: 3600, maxAttempts: 5 };

describe('retry backoff', () => {
    it('doubles the nominal delay per attempt; jitter moves it between half and the full value', () => {
        expect(retryDelayMs(1, policy, 0)).toBe(15_000);
        expect(retryDelayMs(1, policy, 1)).toBe(30_000);
        expect(retryDelayMs(2, policy, 1)).toBe(60_000);
        expect(retryDelayMs(3, policy, 0.5)).toBe(90_000);
    });

    it('never exceeds the maximum delay and never drops below half of the nominal one', () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempts, jitter) => {
                const d = retryDelayMs(attempts, policy, jitter);
                const nominal = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (attempts - 1)) * 1000;
                return d <= policy.maxSeconds * 1000 && d >= nominal / 2 && d <= nominal;
            }),
        );
    });

    it('dead-letters exactly at max attempts', () => {
        expect(afterFailure(4, 0, policy, 0.5)).toEqual({ status: 'failed', nextAttemptAtMs: retryDelayMs(4, policy, 0.5) });
        expect(afterFailure(5, 0, policy, 0.5)).toEqual({ status: 'dead_letter' });
    });

    it('retries transport errors, throttling and server errors, not client errors', () => {
        expect([0, 408, 429, 500, 503].every(isRetryable)).toBe(true);
        expect([400, 401, 403, 404].some(isRetryable)).toBe(false);
    });
});
