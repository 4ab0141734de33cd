/** `GET /venues` (SPEC.md §7.6): name, address and city can be null. */
import { integer, nullable, object, string } from './builder';

export const venueSchema = object({
  id: integer,
  name: nullable(string),
  address: nullable(string),
  city: nullable(string),
  country: nullable(string),
  capacity: nullable(integer),
  surface: nullable(string),
  image: nullable(string),
});
