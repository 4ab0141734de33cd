/**
 * `GET /coachs` (SPEC.md §7.19): a coach with his current team and his career, each job with its start
 * and end (null for the current one). Birth, height and weight can be null.
 */
import { date, integer, itemsOf, nullable, object, string } from './builder';
import { personFields, teamRef } from './common';

export const coachSchema = object({
  id: integer,
  ...personFields,
  photo: nullable(string),
  team: nullable(teamRef),
  career: itemsOf(
    object({
      team: teamRef,
      start: date,
      end: nullable(date),
    }),
    { what: 'job of team/start', key: ['team.id', 'start'], table: 'coach_tenures' },
  ),
});
