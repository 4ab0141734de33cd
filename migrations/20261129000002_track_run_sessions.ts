import type { Knex } from 'knex';

// A run killed with SIGKILL cannot record its end. Each run now records the database session it
// holds for its whole life; once that session is gone, the run is known to have died, and the next
// run marks it 'abandoned' instead of leaving it 'running' forever.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').alterTable('runs', (t) => {
    t.integer('session_pid').nullable().comment('Backend process id of the database session the run holds while it works (with session_started_at: is it still alive?).');
    t.timestamp('session_started_at', { useTz: true }).nullable().comment('backend_start of that session, so a reused process id is not mistaken for it.');
    t.dropChecks(['runs_status_chk']);
    t.check("status in ('running','succeeded','failed','stopped_quota','abandoned')", [], 'runs_status_chk');
  });
  await knex.raw("comment on column etl.runs.status is 'running, succeeded, failed, stopped_quota (resumable), or abandoned (its process died without finishing: killed, crashed).'");
}

export async function down(knex: Knex): Promise<void> {
  await knex('etl.runs').where({ status: 'abandoned' }).update({ status: 'failed' });
  await knex.schema.withSchema('etl').alterTable('runs', (t) => {
    t.dropChecks(['runs_status_chk']);
    t.check("status in ('running','succeeded','failed','stopped_quota')", [], 'runs_status_chk');
    t.dropColumn('session_started_at');
    t.dropColumn('session_pid');
  });
  await knex.raw("comment on column etl.runs.status is 'running, succeeded, failed, or stopped_quota (resumable).'");
}
