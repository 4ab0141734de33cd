/**
 * `GET /standings` (SPEC.md §7.7): one item per league; `league.standings` is an array of groups,
 * each an array of rows (cups have several groups, split seasons "Opening"/"Closing"…).
 */
import { arrayOf, integer, itemsOf, nullable, object, string } from './builder';
import { counters, teamRef } from './common';

const record = object({
  played: nullable(integer),
  win: nullable(integer),
  draw: nullable(integer),
  lose: nullable(integer),
  goals: counters('for', 'against'),
});

const standingRow = object({
  rank: integer,
  team: teamRef,
  points: nullable(integer),
  goalsDiff: nullable(integer),
  group: nullable(string),
  form: nullable(string),
  status: nullable(string),
  description: nullable(string),
  all: record,
  home: record,
  away: record,
  update: nullable(string),
});

export const standingsSchema = object({
  league: object({
    id: integer,
    name: nullable(string),
    country: nullable(string),
    logo: nullable(string),
    flag: nullable(string),
    season: integer,
    standings: arrayOf(itemsOf(standingRow, { what: 'standings row of team', key: ['team.id'], table: 'standings' })),
  }),
});
