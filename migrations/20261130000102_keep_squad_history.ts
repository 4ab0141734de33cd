import type { Knex } from 'knex';
import { dropHistory, keepHistory } from '../src/db/history';

// Squads over time: golden.squad_players is who is at a club now (a squad fetched again replaces
// the club's rows), so its history is who was at which club when: marts.player_clubs.
export async function up(knex: Knex): Promise<void> {
  await keepHistory(knex, 'squad_players', ['team_id', 'player_id'], 'club memberships');
}

export async function down(knex: Knex): Promise<void> {
  await dropHistory(knex, 'squad_players');
}
