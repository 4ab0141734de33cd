/** Who plays whom in which round: the circle method, as fixture planners have long done it. */
import type { Rng } from './random';

export type Pairing = [home: number, away: number];

/** A double round robin: n-1 rounds, then the same rounds with home and away swapped. */
export function doubleRoundRobin(teamIds: readonly number[], rng: Rng): Pairing[][] {
  if (teamIds.length % 2 !== 0) throw new Error('round robin needs an even number of teams');
  const circle = rng.shuffle(teamIds);
  const n = circle.length;
  const firstHalf: Pairing[][] = [];
  for (let round = 0; round < n - 1; round++) {
    const pairs: Pairing[] = [];
    for (let i = 0; i < n / 2; i++) {
      const a = circle[i];
      const b = circle[n - 1 - i];
      // Alternating venues keep every club near half its matches at home in each half.
      pairs.push((i === 0 ? round % 2 === 0 : (i + round) % 2 === 0) ? [a, b] : [b, a]);
    }
    firstHalf.push(pairs);
    circle.splice(1, 0, circle.pop() as number);
  }
  return [...firstHalf, ...firstHalf.map((pairs) => pairs.map(([h, a]): Pairing => [a, h]))];
}

/** The six matchdays of a group of four, each pair meeting home and away (UEFA's pattern). */
export function groupMatchdays([a, b, c, d]: readonly number[]): Pairing[][] {
  return [[[a, b], [c, d]], [[d, a], [b, c]], [[a, c], [d, b]], [[c, a], [b, d]], [[b, a], [d, c]], [[a, d], [c, b]]];
}
