/**
 * Retry timing for the outbox: exponential backoff with "equal jitter" (half fixed, half
 * random), so retries of a burst spread out but never come sooner than half the nominal delay.
 * The jitter source is passed in: tests pin it, the adapter uses Math.random.
 */
export interface BackoffPolicy {
    readonly baseSeconds: number;
    readonly maxSeconds: number;
    readonly maxAttempts: number;
}

/** Delay before the next try after `attempts` failed tries (attempts >= 1). */
export function retryDelayMs(attempts: number, policy: BackoffPolicy, jitter: number): number {
    const n = Math.max(1, Math.floor(attempts));
    const j = Math.min(1, Math.max(0, jitter));
    const nominal = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (n - 1)) * 1000;
    return Math.round(nominal / 2 + (nominal / 2) * j);
}

export type AfterFailure =
    | { readonly status: 'failed'; readonly nextAttemptAtMs: number }
    | { readonly status: 'dead_letter' };

/** What happens to a message whose attempt number `attempts` (counting this one) just failed. */
export function afterFailure(attempts: number, nowMs: number, policy: BackoffPolicy, jitter: number): AfterFailure {
    if (attempts >= policy.maxAttempts) return { status: 'dead_letter' };
    return { status: 'failed', nextAttemptAtMs: nowMs + retryDelayMs(attempts, policy, jitter) };
}

/** Whether an error is worth retrying: transport errors, 408, 429 and 5xx are; other 4xx are not. */
export function isRetryable(httpStatus: number): boolean {
    return httpStatus === 0 || httpStatus === 408 || httpStatus === 429 || httpStatus >= 500;
}
