/**
 * `GET /fixtures/lineups` (SPEC.md §7.12), also embedded in `/fixtures?ids=`. `grid` is null for
 * substitutes; `team.colors` and `formation` can be null for older matches.
 */
import { integer, itemsOf, nullable, object, string } from './builder';

const colors = object({
  primary: nullable(string),
  number: nullable(string),
  border: nullable(string),
});

const lineupPlayer = object({
  player: object({
    id: integer,
    name: nullable(string),
    number: nullable(integer),
    pos: nullable(string),
    grid: nullable(string),
  }),
});

export const fixtureLineupSchema = object({
  team: object({
    id: integer,
    name: nullable(string),
    logo: nullable(string),
    colors: nullable(object({ player: nullable(colors), goalkeeper: nullable(colors) })),
  }),
  formation: nullable(string),
  startXI: itemsOf(lineupPlayer, { what: 'line-up player', key: ['player.id'], table: 'fixture_lineup_players' }),
  substitutes: itemsOf(lineupPlayer, { what: 'substitute', key: ['player.id'], table: 'fixture_lineup_players' }),
  coach: object({
    id: nullable(integer),
    name: nullable(string),
    photo: nullable(string),
  }),
});
