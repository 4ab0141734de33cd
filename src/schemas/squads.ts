/** `GET /players/squads` (SPEC.md §7.17): the current squad of a team; `age`/`number` nullable. */
import { integer, itemsOf, nullable, object, string } from './builder';
import { teamRef } from './common';

export const squadSchema = object({
  team: teamRef,
  players: itemsOf(
    object({
      id: integer,
      name: nullable(string),
      age: nullable(integer),
      number: nullable(integer),
      position: nullable(string),
      photo: nullable(string),
    }),
    { what: 'squad player', key: ['id'] },
  ),
});
