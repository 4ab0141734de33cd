/** `GET /leagues` (SPEC.md §7.4): a league, its country and every season with its coverage flags. */
import { boolean, date, integer, itemsOf, nullable, object, string } from './builder';

const flag = nullable(boolean);

export const leagueSchema = object({
  league: object({
    id: integer,
    name: string,
    type: string,
    logo: nullable(string),
  }),
  country: object({
    name: nullable(string),
    code: nullable(string),
    flag: nullable(string),
  }),
  seasons: itemsOf(
    object({
      year: integer,
      start: nullable(date),
      end: nullable(date),
      current: boolean,
      coverage: object({
        fixtures: object({
          events: flag,
          lineups: flag,
          statistics_fixtures: flag,
          statistics_players: flag,
        }),
        standings: flag,
        players: flag,
        top_scorers: flag,
        top_assists: flag,
        top_cards: flag,
        injuries: flag,
        predictions: flag,
        odds: flag,
      }),
    }),
    { what: 'season', key: ['year'], table: 'seasons' },
  ),
});
