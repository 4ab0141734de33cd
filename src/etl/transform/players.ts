/** /players items → players and player_team_seasons rows. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';
import { toDate, toDecimal, toInt, toMeasure } from './parse';

type Player = ItemOf<'players'>;

export function playerRow(item: Player): Row {
  const p = item.player;
  return {
    player_id: p.id,
    name: p.name ?? ([p.firstname, p.lastname].filter(Boolean).join(' ') || null),
    firstname: p.firstname,
    lastname: p.lastname,
    birth_date: toDate(p.birth.date),
    birth_place: p.birth.place,
    birth_country: p.birth.country,
    nationality: p.nationality,
    height_cm: toMeasure(p.height, 'cm'),
    weight_kg: toMeasure(p.weight, 'kg'),
    is_injured: p.injured,
    photo_url: p.photo,
  };
}

/**
 * The item's statistics for this league-season, one row per team (a player transferred mid-season
 * has two). Entries of other competitions are not ours to load here.
 */
export function playerSeasonRows(item: Player, leagueId: number, season: number): Row[] {
  return item.statistics
    .filter((s) => (s.league.id === null || s.league.id === leagueId) && toInt(s.league.season) === season)
    .map((s) => ({
      player_id: item.player.id,
      team_id: s.team.id,
      league_id: leagueId,
      season,
      shirt_number: s.games.number,
      position: s.games.position,
      rating: toDecimal(s.games.rating),
      is_captain: s.games.captain,
      appearances: s.games.appearences,
      lineups: s.games.lineups,
      minutes: s.games.minutes,
      substitutes_in: s.substitutes.in,
      substitutes_out: s.substitutes.out,
      bench: s.substitutes.bench,
      shots_total: s.shots.total,
      shots_on: s.shots.on,
      goals: s.goals.total,
      goals_conceded: s.goals.conceded,
      assists: s.goals.assists,
      saves: s.goals.saves,
      passes_total: s.passes.total,
      passes_key: s.passes.key,
      passes_accuracy: s.passes.accuracy,
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
      yellowred_cards: s.cards.yellowred,
      red_cards: s.cards.red,
      penalties_won: s.penalty.won,
      penalties_committed: s.penalty.commited,
      penalties_scored: s.penalty.scored,
      penalties_missed: s.penalty.missed,
      penalties_saved: s.penalty.saved,
    }));
}
