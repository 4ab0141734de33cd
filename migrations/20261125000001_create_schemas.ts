import type { Knex } from 'knex';
import { sqlLiteral } from '../src/db/sql';

// The four layers: golden (tables migrations own), raw (responses as received), etl (runs, state,
// rejects), marts (views analysts query; filled by the views lifecycle).
const SCHEMAS: Record<string, string> = {
  golden: 'QuantFoot golden tables: one trustworthy copy of API-Football data, owned by versioned migrations.',
  raw: 'API responses exactly as received, the source of `quantfoot etl replay`.',
  etl: 'ETL bookkeeping: runs, per-league-season state, rejected items, data check results.',
  marts: 'Views for analysts (league tables, form, player season stats); the only schema quantfoot_analyst reads.',
};

export async function up(knex: Knex): Promise<void> {
  for (const [name, comment] of Object.entries(SCHEMAS)) {
    await knex.raw('create schema ??', [name]);
    await knex.raw(`comment on schema ?? is ${sqlLiteral(comment)}`, [name]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const name of Object.keys(SCHEMAS).reverse()) await knex.raw('drop schema ??', [name]);
}

