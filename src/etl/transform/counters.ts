/**
 * The statistic blocks /players (a season) and /fixtures/players (a match) share, mapped once to the
 * column names both player_team_seasons and fixture_player_stats use.
 */
import type { Row } from '../load';

type Count = number | null;

export interface SharedCounters {
  shots: { total: Count; on: Count };
  goals: { total: Count; conceded: Count; assists: Count; saves: Count };
  passes: { total: Count; key: Count };
  tackles: { total: Count; blocks: Count; interceptions: Count };
  duels: { total: Count; won: Count };
  dribbles: { attempts: Count; success: Count; past: Count };
  fouls: { drawn: Count; committed: Count };
  cards: { yellow: Count; red: Count };
  penalty: { won: Count; commited: Count; scored: Count; missed: Count; saved: Count };
}

export function sharedCounterColumns(s: SharedCounters): Row {
  return {
    shots_total: s.shots.total,
    shots_on: s.shots.on,
    goals: s.goals.total,
    goals_conceded: s.goals.conceded,
    assists: s.goals.assists,
    saves: s.goals.saves,
    passes_total: s.passes.total,
    passes_key: s.passes.key,
    tackles_total: s.tackles.total,
    blocks: s.tackles.blocks,
    interceptions: s.tackles.interceptions,
    duels_total: s.duels.total,
    duels_won: s.duels.won,
    dribbles_attempts: s.dribbles.attempts,
    dribbles_success: s.dribbles.success,
    dribbles_past: s.dribbles.past,
    fouls_drawn: s.fouls.drawn,
    fouls_committed: s.fouls.committed,
    yellow_cards: s.cards.yellow,
    red_cards: s.cards.red,
    penalties_won: s.penalty.won,
    penalties_committed: s.penalty.commited,
    penalties_scored: s.penalty.scored,
    penalties_missed: s.penalty.missed,
    penalties_saved: s.penalty.saved,
  };
}
