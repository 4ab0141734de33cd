import { expect } from 'chai';
import type { Knex } from 'knex';
import { withViewsDropped } from '../../src/db/views';
import { testServerKind, useFreshDatabase } from '../support/db';

const ROLE = 'quantfoot_analyst';
const ROLE_MIGRATION = '20261125000021_create_analyst_role.ts';

/** Runs `sql` as the analyst (SET LOCAL ROLE in a transaction that is rolled back) and returns its rows or its error. */
async function asAnalyst(knex: Knex, sql: string): Promise<{ rows?: unknown[]; error?: string }> {
  const trx = await knex.transaction();
  try {
    await trx.raw(`set local role ${ROLE}`);
    const { rows } = await trx.raw(sql);
    return { rows };
  } catch (err) {
    return { error: (err as Error).message };
  } finally {
    await trx.rollback();
  }
}

/**
 * The analyst's privileges on every relation, from the catalog: information_schema lists neither
 * materialized views nor their grants, and some marts are materialized.
 */
async function analystGrants(knex: Knex): Promise<Array<{ table_schema: string; table_name: string; privilege_type: string }>> {
  const { rows } = await knex.raw(
    `select n.nspname as table_schema, c.relname as table_name, a.privilege_type
     from pg_class c join pg_namespace n on n.oid = c.relnamespace cross join lateral aclexplode(c.relacl) a
     where a.grantee = to_regrole(?) order by c.relname, a.privilege_type`,
    [ROLE],
  );
  return rows;
}

describe(`role quantfoot_analyst (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('views_access', { migrate: true });
  let marts: string[];

  before(async () => {
    const { knex } = ctx.db;
    await knex('golden.countries').insert({ country_name: 'England' });
    await knex('golden.leagues').insert({ league_id: 39, name: 'Premier League', type: 'League', country_name: 'England' });
    await knex('golden.seasons').insert({ league_id: 39, season: 2023 });
    await knex('golden.teams').insert([{ team_id: 1, name: 'Arsenal' }, { team_id: 2, name: 'Brighton' }]);
    await knex('golden.fixtures').insert({
      fixture_id: 1, league_id: 39, season: 2023, round: 'Regular Season - 1', kickoff_at: '2023-08-12T14:00:00Z', status_short: 'FT',
      home_team_id: 1, away_team_id: 2, goals_home: 2, goals_away: 1, home_winner: true, away_winner: false,
    });
    marts = (await knex.raw("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'marts' and c.relkind in ('v', 'm') order by c.relname")).rows.map((r: { relname: string }) => r.relname);
    expect(marts, 'a materialized mart among them').to.include('player_season_stats');
    expect(marts).to.have.length.greaterThan(8);
  });

  it('exists without login, with USAGE on marts and SELECT on every mart, and nothing on golden, raw or etl', async () => {
    const { rows } = await ctx.db.knex.raw(
      `select rolcanlogin, rolsuper, rolcreaterole, rolcreatedb,
              has_schema_privilege(?, 'marts', 'usage') as marts_usage,
              has_schema_privilege(?, 'marts', 'create') as marts_create,
              has_schema_privilege(?, 'golden', 'usage') as golden_usage,
              has_schema_privilege(?, 'raw', 'usage') as raw_usage,
              has_schema_privilege(?, 'etl', 'usage') as etl_usage
       from pg_roles where rolname = ?`,
      [ROLE, ROLE, ROLE, ROLE, ROLE, ROLE],
    );
    expect(rows).to.deep.equal([{ rolcanlogin: false, rolsuper: false, rolcreaterole: false, rolcreatedb: false, marts_usage: true, marts_create: false, golden_usage: false, raw_usage: false, etl_usage: false }]);
    const grants = await analystGrants(ctx.db.knex);
    expect(grants).to.deep.equal(marts.map((table_name) => ({ table_schema: 'marts', table_name, privilege_type: 'SELECT' })));
  });

  it('reads every mart: the views run with their owner\'s rights on golden', async () => {
    for (const view of marts) {
      const result = await asAnalyst(ctx.db.knex, `select count(*)::int as n from marts.${view}`);
      expect(result.error, view).to.equal(undefined);
    }
    expect((await asAnalyst(ctx.db.knex, 'select winner from marts.fixture_results')).rows).to.deep.equal([{ winner: 'home' }]);
  });

  it('is refused on golden, raw and etl, and on every write', async () => {
    const refused: Array<[string, RegExp]> = [
      ['select * from golden.fixtures', /permission denied for schema golden/],
      ['select * from golden.teams', /permission denied for schema golden/],
      ['select * from raw.api_responses', /permission denied for schema raw/],
      ['select * from etl.runs', /permission denied for schema etl/],
      ['select * from etl.view_definitions', /permission denied for schema etl/],
      ["insert into golden.teams (team_id, name) values (99, 'x')", /permission denied for schema golden/],
      ['delete from golden.fixtures', /permission denied for schema golden/],
      ['update marts.team_matches set points = 0', /permission denied|cannot update view/],
      ['insert into marts.fixture_results (fixture_id) values (2)', /permission denied|cannot insert into view/],
      ['delete from marts.league_table', /permission denied|cannot delete from view/],
      ['create table marts.scratch (i int)', /permission denied for schema marts/],
      ['create view marts.scratch as select 1 as i', /permission denied for schema marts/],
      ['drop view marts.fixture_results cascade', /must be owner of view fixture_results/],
      ["comment on view marts.fixture_results is 'mine'", /must be owner of view fixture_results/],
    ];
    const { rows } = await ctx.db.knex.raw("select current_setting('server_version_num')::int >= 150000 as pg15");
    // Before PostgreSQL 15 every role may create tables in schema public; from 15 on none may.
    if (rows[0].pg15) refused.push(['create table public.scratch (i int)', /permission denied for schema public/]);
    for (const [sql, expected] of refused) {
      const { error } = await asAnalyst(ctx.db.knex, sql);
      expect(error, sql).to.match(expected);
    }
  });

  it('keeps reading views that are dropped and created again (default privileges)', async () => {
    const before = await ctx.db.knex.raw("select 'marts.fixture_results'::regclass::oid::int as oid");
    await ctx.db.knex.transaction((trx) => withViewsDropped(trx, ['golden.fixtures'], async () => undefined));
    const after = await ctx.db.knex.raw("select 'marts.fixture_results'::regclass::oid::int as oid");
    expect(after.rows[0].oid).to.not.equal(before.rows[0].oid);
    for (const view of marts) expect((await asAnalyst(ctx.db.knex, `select count(*) from marts.${view}`)).error, view).to.equal(undefined);
  });

  it('its migration goes down (revoking this database\'s grants, keeping the cluster-wide role) and up again', async () => {
    const { knex } = ctx.db;
    await knex.migrate.down({ name: ROLE_MIGRATION });
    expect(await analystGrants(knex)).to.deep.equal([]);
    const revoked = await knex.raw(`select has_schema_privilege(?, 'marts', 'usage') as usage, exists (select 1 from pg_default_acl where ? = any(array(select grantee::regrole::text from aclexplode(defaclacl)))) as defaults`, [ROLE, ROLE]);
    expect(revoked.rows).to.deep.equal([{ usage: false, defaults: false }]);
    expect((await knex.raw('select count(*)::int as n from pg_roles where rolname = ?', [ROLE])).rows[0].n).to.equal(1);
    expect((await asAnalyst(knex, 'select * from marts.fixture_results')).error).to.match(/permission denied for schema marts/);
    await knex.migrate.up({ name: ROLE_MIGRATION });
    for (const view of marts) expect((await asAnalyst(knex, `select count(*) from marts.${view}`)).error, view).to.equal(undefined);
  });
});
