/**
 * `GET /transfers` (SPEC.md §7.18): a player with every move the API knows. `type` is free text
 * ("Free", "Loan", "N/A", "€ 250K", or null); teams may be ones with little data elsewhere.
 */
import { date, integer, itemsOf, nullable, object, string } from './builder';
import { teamRef } from './common';

export const transferSchema = object({
  player: object({
    id: integer,
    name: nullable(string),
  }),
  update: nullable(string),
  transfers: itemsOf(
    object({
      date: date,
      type: nullable(string),
      teams: object({ in: teamRef, out: teamRef }),
    }),
    { what: 'transfer of date/from/to', key: ['date', 'teams.out.id', 'teams.in.id'], table: 'transfers' },
  ),
});
