import type { Knex } from 'knex';
import { sqlLiteral } from '../src/db/sql';

// Role quantfoot_analyst: reads the marts views and nothing else (no golden, raw, etl; no writes).
// The views run with their owner's rights, so SELECT on them is all it needs. Roles are
// cluster-wide and may serve several databases (the test server holds many at once), so `up`
// creates the role only if it is missing and `down` revokes this database's grants but leaves the
// role: other databases may still use it (DROP ROLE it by hand once none does).
const ROLE = 'quantfoot_analyst';
const ORIGINAL_COMMENT = 'Views for analysts (league tables, form, player season stats); the only schema quantfoot_analyst reads.';
const GRANTED_COMMENT = 'Views for analysts (league tables, form, player season stats), one file each under views/. Role quantfoot_analyst reads them (USAGE here, SELECT on every view, present and future) and nothing else.';
const SKIPPED_COMMENT = 'Views for analysts (league tables, form, player season stats), one file each under views/. Role quantfoot_analyst was not set up: the migrating user could not create roles.';

const GRANTS = [
  `grant usage on schema marts to ${ROLE}`,
  `grant select on all tables in schema marts to ${ROLE}`,
  // The views lifecycle drops and re-creates views; new ones inherit the grant.
  `alter default privileges in schema marts grant select on tables to ${ROLE}`,
];

export async function up(knex: Knex): Promise<void> {
  const { rows } = await knex.raw<{ rows: Array<{ role_exists: boolean; may_create: boolean; user_name: string }> }>(
    `select exists (select 1 from pg_roles where rolname = ?) as role_exists,
            (select rolsuper or rolcreaterole from pg_roles where rolname = current_user) as may_create,
            current_user as user_name`,
    [ROLE],
  );
  const { role_exists: roleExists, may_create: mayCreate, user_name: userName } = rows[0]!;
  if (!roleExists && !mayCreate) {
    process.stderr.write(
      `quantfoot: skipped creating role ${ROLE}: ${userName} may not create roles. An administrator can set it up with:\n` +
        `  create role ${ROLE} nologin;\n${GRANTS.map((g) => `  ${g};`).join('\n')}\n` +
        `(the last statement run as ${userName}, the owner of the views)\n`,
    );
    await knex.raw(`comment on schema marts is ${sqlLiteral(SKIPPED_COMMENT)}`);
    return;
  }
  if (!roleExists) {
    // Another database's migration may create it at the same moment: losing that race is fine.
    await knex.raw(`do $$ begin
        create role ${ROLE} nologin;
      exception when duplicate_object or unique_violation then null;
      end $$`);
  }
  for (const grant of GRANTS) await knex.raw(grant);
  await knex.raw(`comment on schema marts is ${sqlLiteral(GRANTED_COMMENT)}`);
}

export async function down(knex: Knex): Promise<void> {
  const { rows } = await knex.raw<{ rows: Array<{ role_exists: boolean }> }>('select exists (select 1 from pg_roles where rolname = ?) as role_exists', [ROLE]);
  if (rows[0]?.role_exists) {
    await knex.raw(`alter default privileges in schema marts revoke select on tables from ${ROLE}`);
    await knex.raw(`revoke select on all tables in schema marts from ${ROLE}`);
    await knex.raw(`revoke usage on schema marts from ${ROLE}`);
  }
  await knex.raw(`comment on schema marts is ${sqlLiteral(ORIGINAL_COMMENT)}`);
}
