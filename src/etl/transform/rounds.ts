/** /fixtures/rounds items (round names, in season order) → rounds rows. */
import type { Row } from '../load';

export function roundRows(rounds: string[], leagueId: number, season: number): Row[] {
  return rounds.map((round, i) => ({ league_id: leagueId, season, round, round_index: i + 1 }));
}
