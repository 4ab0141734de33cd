/**
 * Per-key quotas as API-Football meters them: a daily allowance reset at 00:00 UTC and a per-minute
 * rate (a sliding 60-second window here). The clock is injectable so tests can cross a minute or a
 * day without waiting.
 */

export interface QuotaOptions {
  dailyLimit: number;
  minuteLimit: number;
  /** Milliseconds since the epoch. */
  now: () => number;
}

interface Usage {
  day: string;
  today: number;
  /** Times (ms) of the calls of the last minute. */
  recent: number[];
}

export type QuotaVerdict = 'ok' | 'requests' | 'rateLimit';

export class Quota {
  private readonly usage = new Map<string, Usage>();

  constructor(private readonly options: QuotaOptions) {}

  get dailyLimit(): number {
    return this.options.dailyLimit;
  }

  get minuteLimit(): number {
    return this.options.minuteLimit;
  }

  /** Whether `key` may make a call now; a refused call is not counted. */
  verdict(key: string): QuotaVerdict {
    const usage = this.current(key);
    if (usage.today >= this.options.dailyLimit) return 'requests';
    if (usage.recent.length >= this.options.minuteLimit) return 'rateLimit';
    return 'ok';
  }

  count(key: string): void {
    const usage = this.current(key);
    usage.today++;
    usage.recent.push(this.options.now());
  }

  usedToday(key: string): number {
    return this.current(key).today;
  }

  /** The four headers of every normal response ("requests" = per day, the other pair per minute). */
  headers(key: string): Record<string, string> {
    const usage = this.current(key);
    return {
      'x-ratelimit-requests-limit': String(this.options.dailyLimit),
      'x-ratelimit-requests-remaining': String(Math.max(0, this.options.dailyLimit - usage.today)),
      'x-ratelimit-limit': String(this.options.minuteLimit),
      'x-ratelimit-remaining': String(Math.max(0, this.options.minuteLimit - usage.recent.length)),
    };
  }

  /** Calls made today, per key. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.usage.keys()].map((key) => [key, this.current(key).today]));
  }

  private current(key: string): Usage {
    const now = this.options.now();
    const day = new Date(now).toISOString().slice(0, 10);
    let usage = this.usage.get(key);
    if (usage === undefined || usage.day !== day) {
      usage = { day, today: 0, recent: [] };
      this.usage.set(key, usage);
    }
    while (usage.recent.length > 0 && usage.recent[0] <= now - 60_000) usage.recent.shift();
    return usage;
  }
}
