/**
 * `GET /teams` (SPEC.md §7.5). A team without a venue still has a `venue` object, with every leaf
 * null (women/youth teams); unlike `/venues`, this venue has no `country`.
 */
import { boolean, integer, nullable, object, string } from './builder';

export const teamSchema = object({
  team: object({
    id: integer,
    name: string,
    code: nullable(string),
    country: nullable(string),
    founded: nullable(integer),
    national: nullable(boolean),
    logo: nullable(string),
  }),
  venue: object({
    id: nullable(integer),
    name: nullable(string),
    address: nullable(string),
    city: nullable(string),
    capacity: nullable(integer),
    surface: nullable(string),
    image: nullable(string),
  }),
});
