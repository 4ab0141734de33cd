import type { Knex } from 'knex';

// ETL bookkeeping: runs and their per-table counts, state (bookmarks), rejects, check results.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').createTable('runs', (t) => {
    t.comment('One row per ETL command run (etl run, etl replay): what was asked, how it ended, what it cost.');
    t.bigIncrements('run_id', { primaryKey: false }).comment('Run number.');
    t.text('command').notNullable().comment('run or replay.');
    t.jsonb('arguments').notNullable().comment('The arguments, e.g. {"league":39,"season":2023,"full":false}; never the API key.');
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('Start.');
    t.timestamp('finished_at', { useTz: true }).nullable().comment('End; null while running (or when the process died).');
    t.text('status').notNullable().comment('running, succeeded, failed, or stopped_quota (resumable).');
    t.integer('calls_used').notNullable().defaultTo(0).comment('API calls made by this run.');
    t.integer('quota_remaining').nullable().comment('Daily API quota left at the end, from x-ratelimit-requests-remaining.');
    t.text('error').nullable().comment('Why it failed or stopped.');
    t.primary(['run_id'], { constraintName: 'runs_pkey' });
    t.check("status in ('running','succeeded','failed','stopped_quota')", [], 'runs_status_chk');
    t.check("command in ('run','replay')", [], 'runs_command_chk');
    t.check('calls_used >= 0', [], 'runs_calls_nonneg_chk');
    t.check('finished_at is null or finished_at >= started_at', [], 'runs_finished_after_start_chk');
    t.index(['started_at'], 'runs_started_at_idx');
  });

  await knex.schema.withSchema('etl').createTable('run_tables', (t) => {
    t.comment('Per run and golden table: rows inserted, updated, left unchanged, and items rejected.');
    t.bigInteger('run_id').notNullable().comment('The run.');
    t.text('table_name').notNullable().comment('Golden table, e.g. fixtures.');
    t.integer('inserted').notNullable().defaultTo(0).comment('New rows.');
    t.integer('updated').notNullable().defaultTo(0).comment('Rows whose values changed.');
    t.integer('unchanged').notNullable().defaultTo(0).comment('Rows received again with no change (not rewritten).');
    t.integer('deleted').notNullable().defaultTo(0).comment('Child rows removed because the API no longer sends them (e.g. an event cancelled by VAR).');
    t.integer('rejected').notNullable().defaultTo(0).comment('Items refused (schema or constraint), see etl.rejects.');
    t.primary(['run_id', 'table_name'], { constraintName: 'run_tables_pkey' });
    t.foreign(['run_id'], 'run_tables_run_fk').references(['run_id']).inTable('etl.runs').onDelete('CASCADE');
    t.check('inserted >= 0 and updated >= 0 and unchanged >= 0 and deleted >= 0 and rejected >= 0', [], 'run_tables_counts_nonneg_chk');
  });

  await knex.schema.withSchema('etl').createTable('state', (t) => {
    t.comment('Bookmarks per league-season and stream, committed in the same transaction as the rows they cover, so a stopped run resumes where it stopped.');
    t.integer('league_id').notNullable().comment('The competition.');
    t.integer('season').notNullable().comment('The season start year.');
    t.text('stream').notNullable().comment('Stream name, e.g. fixtures, fixture_details, players.');
    t.jsonb('bookmark').notNullable().comment('Stream-specific progress, e.g. fingerprints of loaded fixtures, last refresh time.');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('Last change.');
    t.bigInteger('run_id').nullable().comment('The run that wrote it last.');
    t.primary(['league_id', 'season', 'stream'], { constraintName: 'state_pkey' });
    t.foreign(['run_id'], 'state_run_fk').references(['run_id']).inTable('etl.runs').onDelete('SET NULL');
  });

  await knex.schema.withSchema('etl').createTable('rejects', (t) => {
    t.comment('Items the ETL refused, with the reason; the rest of their response still loaded.');
    t.bigIncrements('reject_id', { primaryKey: false }).comment('Reject number.');
    t.bigInteger('run_id').nullable().comment('The run.');
    t.text('endpoint').notNullable().comment('API endpoint, e.g. fixtures.');
    t.jsonb('parameters').notNullable().comment('The request parameters.');
    t.text('table_name').nullable().comment('Golden table the item was meant for, when known.');
    t.jsonb('item').notNullable().comment('The refused item as received.');
    t.text('reason').notNullable().comment('Why: schema violation (with JSON path) or the violated constraint.');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When.');
    t.primary(['reject_id'], { constraintName: 'rejects_pkey' });
    t.foreign(['run_id'], 'rejects_run_fk').references(['run_id']).inTable('etl.runs').onDelete('CASCADE');
    t.index(['run_id'], 'rejects_run_idx');
  });

  await knex.schema.withSchema('etl').createTable('check_results', (t) => {
    t.comment('Results of `quantfoot check`: data tests and freshness checks.');
    t.bigIncrements('check_result_id', { primaryKey: false }).comment('Result number.');
    t.text('check_name').notNullable().comment('The data test.');
    t.timestamp('checked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When it ran.');
    t.text('status').notNullable().comment('pass, fail or error.');
    t.integer('failing_rows').notNullable().defaultTo(0).comment('Rows that broke the test.');
    t.jsonb('sample').nullable().comment('A few failing rows.');
    t.primary(['check_result_id'], { constraintName: 'check_results_pkey' });
    t.check("status in ('pass','fail','error')", [], 'check_results_status_chk');
    t.index(['check_name', 'checked_at'], 'check_results_name_time_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').dropTable('check_results');
  await knex.schema.withSchema('etl').dropTable('rejects');
  await knex.schema.withSchema('etl').dropTable('state');
  await knex.schema.withSchema('etl').dropTable('run_tables');
  await knex.schema.withSchema('etl').dropTable('runs');
}
