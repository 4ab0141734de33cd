/**
 * Exponential backoff with "equal jitter": half the delay is fixed so that retries do not come back
 * too early, half is random so that several clients that failed together do not retry together.
 * `attempt` counts the attempts that failed so far (1 after the first failure).
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
