/** The longest wait between two attempts at one delivery. */
export const MAX_RETRY_DELAY_SECONDS = 6 * 3600;

/**
 * Exponential backoff: after the n-th failed attempt (n ≥ 1) wait base × 2^(n-1) seconds,
 * capped at MAX_RETRY_DELAY_SECONDS. Pure. No jitter: deliveries that failed together were
 * failed by one outage, and each is retried by whichever worker claims it first.
 */
export function retryDelaySeconds(failedAttempts: number, baseSeconds: number): number {
  return Math.min(MAX_RETRY_DELAY_SECONDS, baseSeconds * 2 ** Math.max(0, failedAttempts - 1));
}
