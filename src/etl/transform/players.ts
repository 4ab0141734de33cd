/** /players items → players and player_team_seasons rows. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';
import { sharedCounterColumns } from './counters';
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
 * has two). A block belongs here only when its league and season say so: friendlies and qualifiers
 * come with a null league id (and a string season), and must not stand in for the league's block.
 */
export function playerSeasonRows(item: Player, leagueId: number, season: number): Row[] {
  return item.statistics
    .filter((s) => s.league.id === leagueId && toInt(s.league.season) === season)
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
      ...sharedCounterColumns(s),
      // /players sends pass accuracy as an integer, unlike /fixtures/players
      passes_accuracy: s.passes.accuracy,
      yellowred_cards: s.cards.yellowred,
    }));
}
