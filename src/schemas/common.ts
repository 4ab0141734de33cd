/** Sub-objects shared by several endpoints (SPEC.md §7). */
import { integer, nullable, object, string, type Schema } from './builder';

const count = nullable(integer);

/** `{id, name, logo}` of a team inside fixtures, events, lineups, standings, squads, injuries. */
export const teamRef = object({
  id: integer,
  name: nullable(string),
  logo: nullable(string),
});

/** `{home, away}` goal counts: null before kick-off or when the period did not happen. */
export const homeAway = object({
  home: count,
  away: count,
});

/** `{id, name}` of a person the API may not know, e.g. an event's assist. */
export const personRef = object({
  id: nullable(integer),
  name: nullable(string),
});

/** Counters that the API reports as integers or, lacking data, as null (`shots: {total, on}`). */
export function counters<K extends string>(...keys: K[]): Schema<Record<K, number | null>> {
  return { type: 'object', properties: Object.fromEntries(keys.map((key) => [key, count])), required: keys };
}

/** What /players and /coachs both say of a person: names, age, birth, nationality, height and weight as text ("185 cm"). */
export const personFields = {
  name: nullable(string),
  firstname: nullable(string),
  lastname: nullable(string),
  age: count,
  birth: object({
    date: nullable(string),
    place: nullable(string),
    country: nullable(string),
  }),
  nationality: nullable(string),
  height: nullable(string),
  weight: nullable(string),
};
