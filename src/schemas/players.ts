/**
 * `GET /players` (SPEC.md §7.16), 20 items a page: a player and one statistics block per
 * team × league × season. Every statistic leaf can be null, and for some qualifiers the block's
 * league has null ids and a *string* season, so those are allowed too.
 */
import { boolean, integer, itemsOf, nullable, object, oneOfTypes, string } from './builder';
import { counters, personFields, teamRef } from './common';

export const playerSchema = object({
  player: object({
    id: integer,
    ...personFields,
    injured: nullable(boolean),
    photo: nullable(string),
  }),
  statistics: itemsOf(
    object({
      team: teamRef,
      league: object({
        id: nullable(integer),
        name: nullable(string),
        country: nullable(string),
        logo: nullable(string),
        flag: nullable(string),
        season: oneOfTypes<number | string | null>('integer', 'string', 'null'),
      }),
      games: object({
        appearences: nullable(integer),
        lineups: nullable(integer),
        minutes: nullable(integer),
        number: nullable(integer),
        position: nullable(string),
        rating: nullable(string),
        captain: nullable(boolean),
      }),
      substitutes: counters('in', 'out', 'bench'),
      shots: counters('total', 'on'),
      goals: counters('total', 'conceded', 'assists', 'saves'),
      passes: counters('total', 'key', 'accuracy'),
      tackles: counters('total', 'blocks', 'interceptions'),
      duels: counters('total', 'won'),
      dribbles: counters('attempts', 'success', 'past'),
      fouls: counters('drawn', 'committed'),
      cards: counters('yellow', 'yellowred', 'red'),
      penalty: counters('won', 'commited', 'scored', 'missed', 'saved'),
    }),
    { what: 'statistics block of team/league/season', key: ['team.id', 'league.id', 'league.season'], table: 'player_team_seasons' },
  ),
});
