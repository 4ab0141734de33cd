import type { Knex } from 'knex';

// Data tests have a severity (checks/*.sql headers): a failing warn-severity test is recorded as
// 'warn', not 'fail', and each result says which severity it ran with.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').alterTable('check_results', (t) => {
    t.text('severity').notNullable().defaultTo('error').comment('error (a failure fails quantfoot check) or warn (reported, exit 0).');
    t.dropChecks(['check_results_status_chk']);
    t.check("status in ('pass','warn','fail','error')", [], 'check_results_status_chk');
    t.check("severity in ('error','warn')", [], 'check_results_severity_chk');
  });
  await knex.raw("comment on column etl.check_results.status is 'pass; warn (a warn-severity test found rows); fail (an error-severity test found rows, or freshness past error_after_hours); error (the test could not run).'");
  await knex.raw("comment on column etl.check_results.check_name is 'The data test (a file of checks/, a generic test of checks/generic/, or freshness).'");
}

export async function down(knex: Knex): Promise<void> {
  // Before severities every failing test was a 'fail': a warning is one.
  await knex('etl.check_results').where({ status: 'warn' }).update({ status: 'fail' });
  await knex.schema.withSchema('etl').alterTable('check_results', (t) => {
    t.dropChecks(['check_results_status_chk', 'check_results_severity_chk']);
    t.dropColumn('severity');
    t.check("status in ('pass','fail','error')", [], 'check_results_status_chk');
  });
  await knex.raw("comment on column etl.check_results.status is 'pass, fail or error.'");
  await knex.raw("comment on column etl.check_results.check_name is 'The data test.'");
}
