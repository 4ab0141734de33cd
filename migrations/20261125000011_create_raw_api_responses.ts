import type { Knex } from 'knex';

// Every API response as received, before any transform: the source of `etl replay`.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('raw').createTable('api_responses', (t) => {
    t.comment('API responses exactly as received (body as jsonb), one row per distinct response (sha256); replayable without API calls.');
    t.bigIncrements('response_id', { primaryKey: false }).comment('Response number, in order of first receipt.');
    t.text('endpoint').notNullable().comment('API endpoint without leading slash, e.g. fixtures, players.');
    t.jsonb('parameters').notNullable().comment('Query parameters of the request, as strings.');
    t.integer('league_id').nullable().comment('League-season the request served (for replay by league-season).');
    t.integer('season').nullable().comment('Season the request served.');
    t.smallint('http_status').notNullable().comment('HTTP status code.');
    t.jsonb('body').notNullable().comment('The parsed response body, as received.');
    t.text('sha256').notNullable().comment('sha256 of endpoint, parameters and body: the same response received twice is stored once.');
    t.timestamp('first_received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('First receipt.');
    t.timestamp('last_received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('Latest receipt of the same response.');
    t.bigInteger('run_id').nullable().comment('The run that first received it.');
    t.primary(['response_id'], { constraintName: 'api_responses_pkey' });
    t.unique(['sha256'], { indexName: 'api_responses_sha256_key', useConstraint: true });
    t.foreign(['run_id'], 'api_responses_run_fk').references(['run_id']).inTable('etl.runs').onDelete('SET NULL');
    t.check("sha256 ~ '^[0-9a-f]{64}$'", [], 'api_responses_sha256_format_chk');
    t.check('http_status between 100 and 599', [], 'api_responses_http_status_chk');
    t.index(['league_id', 'season', 'endpoint'], 'api_responses_league_season_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('raw').dropTable('api_responses');
}
