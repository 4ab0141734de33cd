/**
 * `GET /fixtures/players` (SPEC.md §7.14), also embedded in `/fixtures?ids=`. Unlike `/players`,
 * `passes.accuracy` is a *string* count of accurate passes here; `statistics` has one element.
 */
import { arrayOf, boolean, integer, itemsOf, nullable, object, string } from './builder';
import { counters } from './common';

export const fixturePlayersSchema = object({
  team: object({
    id: integer,
    name: nullable(string),
    logo: nullable(string),
    update: nullable(string),
  }),
  players: itemsOf(
    object({
      player: object({
        id: integer,
        name: nullable(string),
        photo: nullable(string),
      }),
      statistics: arrayOf(
        object({
          games: object({
            minutes: nullable(integer),
            number: nullable(integer),
            position: nullable(string),
            rating: nullable(string),
            captain: nullable(boolean),
            substitute: nullable(boolean),
          }),
          offsides: nullable(integer),
          shots: counters('total', 'on'),
          goals: counters('total', 'conceded', 'assists', 'saves'),
          passes: object({
            total: nullable(integer),
            key: nullable(integer),
            accuracy: nullable(string),
          }),
          tackles: counters('total', 'blocks', 'interceptions'),
          duels: counters('total', 'won'),
          dribbles: counters('attempts', 'success', 'past'),
          fouls: counters('drawn', 'committed'),
          cards: counters('yellow', 'red'),
          penalty: counters('won', 'commited', 'scored', 'missed', 'saved'),
        }),
      ),
    }),
    { what: 'player statistics', key: ['player.id'], table: 'fixture_player_stats' },
  ),
});
