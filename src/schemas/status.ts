/** `GET /status` (SPEC.md §7.1): the one endpoint whose `response` is an object, not an array. */
import { boolean, integer, nullable, object, string } from './builder';

export const statusSchema = object({
  account: object({
    firstname: nullable(string),
    lastname: nullable(string),
    email: nullable(string),
  }),
  subscription: object({
    plan: nullable(string),
    end: nullable(string),
    active: nullable(boolean),
  }),
  requests: object({
    current: integer,
    limit_day: integer,
  }),
});
