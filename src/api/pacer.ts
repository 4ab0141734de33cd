/**
 * Keeps requests under the per-minute limit *before* the API refuses them (SPEC.md §4: excess traffic
 * gets `errors.rateLimit`, and sustained excess can get the key blocked by the firewall).
 *
 * Two signals, whichever asks for the longer wait:
 * - our own requests in a sliding window (60 s; shorter in tests): at most `limit` of them;
 * - the `x-ratelimit-remaining` header, which also counts other clients sharing the key: once it
 *   reaches zero (less what we sent since), wait a whole window from when it was read.
 * A request's time is when its response arrived, not when it was sent: the server counted it at
 * some moment in between, and the later time is the safe one for a sliding or a fixed window.
 */
interface Slot {
  at: number;
}

export interface MinuteQuota {
  limit: number | null;
  remaining: number | null;
}

export class MinutePacer {
  private slots: Slot[] = [];
  private limit: number | null;
  private remaining: { value: number; readAt: number; sentSince: number } | null = null;

  constructor(
    readonly windowMs: number,
    initialLimit: number | null = null,
    private readonly now: () => number = Date.now,
  ) {
    this.limit = initialLimit;
  }

  /** Milliseconds to wait before one more request fits; 0 when it fits now. */
  delay(): number {
    const now = this.now();
    this.slots = this.slots.filter((slot) => slot.at > now - this.windowMs);
    let wait = 0;
    if (this.limit !== null && this.slots.length >= this.limit) {
      const times = this.slots.map((slot) => slot.at).sort((a, b) => a - b);
      wait = Math.max(wait, times[times.length - this.limit]! + this.windowMs - now);
    }
    const remaining = this.remaining;
    if (remaining && now < remaining.readAt + this.windowMs && remaining.value - remaining.sentSince <= 0) {
      wait = Math.max(wait, remaining.readAt + this.windowMs - now);
    }
    return wait;
  }

  /** Counts a request as sent now; call `complete` with the returned slot when its response arrives. */
  reserve(): Slot {
    const slot = { at: this.now() };
    this.slots.push(slot);
    if (this.remaining) this.remaining.sentSince += 1;
    return slot;
  }

  complete(slot: Slot): void {
    slot.at = this.now();
  }

  /** Records the per-minute headers of a response. */
  observe(limit: number | null, remaining: number | null): void {
    if (limit !== null) this.limit = limit;
    if (remaining !== null) this.remaining = { value: remaining, readAt: this.now(), sentSince: 0 };
  }

  /** The API answered `errors.rateLimit` (or 429): treat the window as full from now on. */
  refused(): void {
    this.remaining = { value: 0, readAt: this.now(), sentSince: 0 };
  }

  snapshot(): MinuteQuota {
    return { limit: this.limit, remaining: this.remaining?.value ?? null };
  }
}
