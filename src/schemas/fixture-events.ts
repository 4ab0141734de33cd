/**
 * `GET /fixtures/events` (SPEC.md §7.11), also embedded in `/fixtures?ids=`. `player.id` can be null
 * for players the API does not know; `assist` is all-null when there was none.
 */
import { integer, nullable, object, string } from './builder';
import { personRef, teamRef } from './common';

export const fixtureEventSchema = object({
  time: object({
    elapsed: integer,
    extra: nullable(integer),
  }),
  team: teamRef,
  player: personRef,
  assist: personRef,
  type: string,
  detail: nullable(string),
  comments: nullable(string),
});
