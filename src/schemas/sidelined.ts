/** `GET /sidelined?player=` (SPEC.md §7.20): a player's absences, each with its type and dates (end null: still out). */
import { date, nullable, object, string } from './builder';

export const sidelinedSchema = object({
  type: nullable(string),
  start: date,
  end: nullable(date),
});
