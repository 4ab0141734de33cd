/**
 * Seeded randomness for the mock dataset. Every generated thing draws from its own stream, seeded
 * from the dataset seed plus the thing's identity (team id, league-season, fixture id), so what a
 * lazily generated league-season looks like never depends on what was generated before it.
 */

/** 32-bit FNV-1a over the parts, so `seedOf(1, 'squad', 33)` names one independent stream. */
export function seedOf(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}\u0000`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for plausible football, never for cryptography. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static of(...parts: (string | number)[]): Rng {
    return new Rng(seedOf(...parts));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn with probability proportional to its weight (weights >= 0, at least one > 0). */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target < 0) return i;
    }
    return weights.length - 1;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** Poisson-distributed count (Knuth; the means used here are small). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/**
 * Splits `total` into integer shares proportional to `weights` (largest remainder), never giving a
 * share above its cap: used wherever player figures must add up exactly to a team figure.
 */
export function distribute(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const shares = weights.map(() => 0);
  let left = total;
  const open = (i: number) => (caps === undefined || shares[i] < caps[i]) && weights[i] > 0;
  while (left > 0) {
    const candidates = weights.map((_, i) => i).filter(open);
    if (candidates.length === 0) break;
    const weightSum = candidates.reduce((sum, i) => sum + weights[i], 0);
    let handed = 0;
    const remainders: { i: number; r: number }[] = [];
    for (const i of candidates) {
      const exact = (left * weights[i]) / weightSum;
      const room = caps === undefined ? Infinity : caps[i] - shares[i];
      const whole = Math.min(Math.floor(exact), room);
      shares[i] += whole;
      handed += whole;
      if (whole < room) remainders.push({ i, r: exact - Math.floor(exact) });
    }
    left -= handed;
    remainders.sort((a, b) => b.r - a.r || a.i - b.i);
    for (const { i } of remainders) {
      if (left === 0) break;
      shares[i] += 1;
      left--;
    }
    if (handed === 0 && remainders.length === 0) break;
  }
  return shares;
}
