/**
 * `GET /fixtures` (SPEC.md §7.9). Two shapes share one item:
 * - list queries (`league`+`season`, `date`, `live`…, and `/fixtures/headtohead`): the fixture alone,
 *   though `live=all` embeds `events`, so the embedded arrays are optional there;
 * - `id=` / `ids=a-b-c`: every fixture comes with `events`, `lineups`, `statistics` and `players`,
 *   each shaped like the item of its own endpoint.
 * `status.extra` and `league.standings` arrived in 3.9.3 and are absent from older data.
 */
import { boolean, dateTime, integer, itemsOf, nullable, object, optional, string, unixSeconds } from './builder';
import { homeAway } from './common';
import { fixtureEventSchema } from './fixture-events';
import { fixtureLineupSchema } from './fixture-lineups';
import { fixturePlayersSchema } from './fixture-players';
import { fixtureStatisticsSchema } from './fixture-statistics';

const side = object({
  id: integer,
  name: nullable(string),
  logo: nullable(string),
  winner: nullable(boolean),
});

const fixtureCore = {
  fixture: object({
    id: integer,
    referee: nullable(string),
    timezone: string,
    date: dateTime,
    timestamp: unixSeconds,
    periods: object({
      first: nullable(unixSeconds),
      second: nullable(unixSeconds),
    }),
    venue: object({
      id: nullable(integer),
      name: nullable(string),
      city: nullable(string),
    }),
    status: object({
      long: string,
      short: string,
      elapsed: nullable(integer),
      extra: optional(nullable(integer)),
    }),
  }),
  league: object({
    id: integer,
    name: string,
    country: nullable(string),
    logo: nullable(string),
    flag: nullable(string),
    season: integer,
    round: string,
    standings: optional(nullable(boolean)),
  }),
  teams: object({ home: side, away: side }),
  goals: homeAway,
  score: object({
    halftime: homeAway,
    fulltime: homeAway,
    extratime: homeAway,
    penalty: homeAway,
  }),
};

// Each embedded element is checked on its own: a bad event costs that event, not the fixture.
const embedded = {
  events: itemsOf(fixtureEventSchema, { what: 'event', table: 'fixture_events' }),
  lineups: itemsOf(fixtureLineupSchema, { what: 'line-up of team', key: ['team.id'], table: 'fixture_lineups' }),
  statistics: itemsOf(fixtureStatisticsSchema, { what: 'statistics of team', key: ['team.id'], table: 'fixture_team_stats' }),
  players: itemsOf(fixturePlayersSchema, { what: 'player statistics of team', key: ['team.id'], table: 'fixture_player_stats' }),
};

export const fixtureSchema = object({
  ...fixtureCore,
  events: optional(embedded.events),
  lineups: optional(embedded.lineups),
  statistics: optional(embedded.statistics),
  players: optional(embedded.players),
});

export const fixtureWithDetailsSchema = object({ ...fixtureCore, ...embedded });
