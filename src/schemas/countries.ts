/** `GET /countries` (SPEC.md §7.3): `code` and `flag` are null for "World". */
import { nullable, object, string } from './builder';

export const countrySchema = object({
  name: string,
  code: nullable(string),
  flag: nullable(string),
});
