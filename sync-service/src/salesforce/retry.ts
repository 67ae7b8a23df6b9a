// Exponential backoff with full jitter for calls jsforce does not retry itself (POST and PATCH:
// composite queries and collection upserts, both safe to repeat).
import { isTransient } from './errors';

export interface RetryPolicy {
  /** Retries after the first try (0 = try once). */
  attempts: number;
  baseMs: number;
  maxMs?: number;
}

/** Delay before retry number `retry` (1-based): uniform in [0, min(max, base·2^(retry-1))]. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs ?? 30_000, policy.baseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (error: unknown, retry: number, delayMs: number) => void,
  shouldRetry: (error: unknown) => boolean = isTransient
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await call();
    } catch (error) {
      if (retry >= policy.attempts || !shouldRetry(error)) throw error;
      const delay = backoffDelay(retry + 1, policy);
      onRetry?.(error, retry + 1, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
