import { expect } from 'chai';
import { dumpCatalog } from '../../src/db/catalog';
import { testServerKind, useFreshDatabase } from '../support/db';

const CONTRACT_TABLES = [
  'countries', 'leagues', 'seasons', 'venues', 'teams', 'team_seasons', 'players', 'player_team_seasons', 'fixtures',
  'fixture_events', 'fixture_lineups', 'fixture_lineup_players', 'fixture_team_stats', 'fixture_player_stats',
  'standings', 'fixture_statuses',
];

describe(`migrations (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('migrations');

  it('each migration goes up, down and up again leaving an identical catalog', async () => {
    const { knex } = ctx.db;
    const [, pending] = (await knex.migrate.list()) as [unknown, Array<{ file: string }>];
    expect(pending.length).to.be.greaterThan(5);
    const empty = await dumpCatalog(knex);
    for (const { file } of pending) {
      const before = await dumpCatalog(knex);
      await knex.migrate.up();
      const after = await dumpCatalog(knex);
      expect(after, `${file} changed nothing`).to.not.equal(before);
      await knex.migrate.down();
      expect(await dumpCatalog(knex), `${file}: down did not undo up`).to.equal(before);
      await knex.migrate.up();
      expect(await dumpCatalog(knex), `${file}: up after down differs from the first up`).to.equal(after);
    }
    const full = await dumpCatalog(knex);
    await knex.migrate.rollback(undefined, true);
    expect(await dumpCatalog(knex), 'rollback --all left objects behind').to.equal(empty);
    await knex.migrate.latest();
    expect(await dumpCatalog(knex), 'latest after rollback --all differs').to.equal(full);
  });

  it('creates every table of CONTRACT.md in schema golden', async () => {
    const rows = await ctx.db.knex('information_schema.tables').where({ table_schema: 'golden' }).pluck('table_name');
    expect(rows).to.include.members(CONTRACT_TABLES);
  });

  it('comments every schema, table and column', async () => {
    const { rows } = await ctx.db.knex.raw(`
      select n.nspname || '.' || c.relname || coalesce('.' || a.attname, '') as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname in ('golden','raw','etl','marts','history') and c.relkind in ('r','v')
        and (obj_description(c.oid, 'pg_class') is null or (a.attname is not null and col_description(c.oid, a.attnum) is null))`);
    expect(rows.map((r: { object: string }) => r.object)).to.deep.equal([]);
  });

  it('names every constraint and index after its table, with a kind suffix', async () => {
    const { rows } = await ctx.db.knex.raw(`
      select c.conname as name, cl.relname as table_name from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid join pg_namespace n on n.oid = c.connamespace
      where n.nspname in ('golden','raw','etl','history') and c.contype <> 'n'
      union all
      select indexname, tablename from pg_indexes where schemaname in ('golden','raw','etl','history')`);
    const bad = rows
      .filter((r: { name: string; table_name: string }) => !r.name.startsWith(`${r.table_name}_`) || !/_(pkey|fk|chk|key|idx)$/.test(r.name))
      .map((r: { name: string }) => r.name);
    expect(bad).to.deep.equal([]);
    expect(rows.length).to.be.greaterThan(80);
  });

  it('keeps time columns time-zone aware', async () => {
    const rows = await ctx.db.knex('information_schema.columns')
      .whereIn('table_schema', ['golden', 'raw', 'etl', 'history'])
      .where('data_type', 'timestamp without time zone')
      .select('table_name', 'column_name');
    expect(rows).to.deep.equal([]);
  });
});
