/** /leagues items → countries, leagues, seasons rows. */
import type { ItemOf } from '../../schemas';
import type { Row } from '../load';
import { toDate } from './parse';

type League = ItemOf<'leagues'>;

export function countryRowOfLeague(item: League): Row | null {
  if (!item.country.name) return null;
  return { country_name: item.country.name, code: item.country.code, flag_url: item.country.flag };
}

export function leagueRow(item: League): Row {
  return {
    league_id: item.league.id,
    name: item.league.name,
    type: item.league.type,
    logo_url: item.league.logo,
    country_name: item.country.name,
  };
}

/** Seasons of the item; `onlySeason` keeps one (the ETL loads one league-season at a time). */
export function seasonRows(item: League, onlySeason?: number): Row[] {
  return item.seasons
    .filter((s) => onlySeason === undefined || s.year === onlySeason)
    .map((s) => ({
      league_id: item.league.id,
      season: s.year,
      start_date: toDate(s.start),
      end_date: toDate(s.end),
      is_current: s.current,
      covers_events: s.coverage.fixtures.events,
      covers_lineups: s.coverage.fixtures.lineups,
      covers_fixture_statistics: s.coverage.fixtures.statistics_fixtures,
      covers_player_statistics: s.coverage.fixtures.statistics_players,
      covers_standings: s.coverage.standings,
      covers_players: s.coverage.players,
      covers_top_scorers: s.coverage.top_scorers,
      covers_top_assists: s.coverage.top_assists,
      covers_top_cards: s.coverage.top_cards,
      covers_injuries: s.coverage.injuries,
      covers_predictions: s.coverage.predictions,
      covers_odds: s.coverage.odds,
    }));
}

export function countryRow(item: ItemOf<'countries'>): Row {
  return { country_name: item.name, code: item.code, flag_url: item.flag };
}
