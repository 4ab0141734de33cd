/** `GET /injuries` (SPEC.md §7.15): `player.type` is "Missing Fixture" or "Questionable". */
import { dateTime, integer, nullable, object, string, unixSeconds } from './builder';
import { teamRef } from './common';

export const injurySchema = object({
  player: object({
    id: integer,
    name: nullable(string),
    photo: nullable(string),
    type: nullable(string),
    reason: nullable(string),
  }),
  team: teamRef,
  fixture: object({
    id: integer,
    timezone: nullable(string),
    date: dateTime,
    timestamp: unixSeconds,
  }),
  league: object({
    id: integer,
    season: integer,
    name: nullable(string),
    country: nullable(string),
    logo: nullable(string),
    flag: nullable(string),
  }),
});
