/** `GET /fixtures/rounds` (SPEC.md §7.8), without `dates`: the rounds' names, in the order of the season. */
import { string } from './builder';

export const roundSchema = string;
