/**
 * Materialized marts in the views lifecycle: a view file that creates a materialized view (with its
 * unique index) is applied, re-created when what it reads changes, refreshed on demand, and rolled
 * back like any view.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import knexFactory, { type Knex } from 'knex';
import { knexConfig, migrationsConfig } from '../../src/db/config';
import { VIEWS_DIR } from '../../src/db/paths';
import { refreshMaterializedMarts } from '../../src/db/views';
import { testServerKind, useFreshDatabase } from '../support/db';

const WINS = `-- Wins per team and league-season, stored.
-- contract:
--   league_id integer
--   season integer
--   team_id integer
--   wins bigint
create materialized view marts.team_wins as
select league_id, season, team_id, count(*) filter (where result = 'W') as wins
from marts.team_matches
group by league_id, season, team_id;

create unique index team_wins_key on marts.team_wins (league_id, season, team_id);

comment on materialized view marts.team_wins is 'Wins per team and league-season.';
comment on column marts.team_wins.league_id is 'The competition.';
comment on column marts.team_wins.season is 'The season.';
comment on column marts.team_wins.team_id is 'The team.';
comment on column marts.team_wins.wins is 'Matches won.';
`;

describe(`materialized marts (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('views_materialized', { migrate: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-matviews-'));
  let knex: Knex;
  const relkind = async (name: string) => (await knex.raw("select relkind from pg_class where oid = to_regclass(?)", [name])).rows[0]?.relkind ?? null;
  const wins = async () => Number((await knex('marts.team_wins').sum({ n: 'wins' }))[0]!.n ?? 0);

  before(async () => {
    fs.cpSync(VIEWS_DIR, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'marts', 'team_wins.sql'), WINS);
    knex = knexFactory({ ...knexConfig(ctx.db.url), migrations: migrationsConfig({ databaseUrl: async () => ctx.db.url, viewsDir: dir }) });
    await knex.raw(`insert into golden.countries (country_name) values ('England');
      insert into golden.leagues (league_id, name, type, country_name) values (39, 'Premier League', 'League', 'England');
      insert into golden.seasons (league_id, season) values (39, 2023);
      insert into golden.teams (team_id, name) values (1, 'Arsenal'), (2, 'Brighton');
      insert into golden.fixtures (fixture_id, league_id, season, round, kickoff_at, status_short, home_team_id, away_team_id, goals_home, goals_away, home_winner, away_winner)
        values (1, 39, 2023, 'Regular Season - 1', '2023-08-12T14:00:00Z', 'FT', 1, 2, 2, 1, true, false)`);
  });
  after(async () => {
    await knex?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is applied as a materialized view with its index, filled at creation', async () => {
    await knex.migrate.latest();
    expect(await relkind('marts.team_wins')).to.equal('m');
    expect(await wins()).to.equal(1);
    const { rows } = await knex.raw("select indexdef from pg_indexes where schemaname = 'marts' and tablename = 'team_wins'");
    expect(rows.map((r: { indexdef: string }) => r.indexdef)).to.deep.equal(['CREATE UNIQUE INDEX team_wins_key ON marts.team_wins USING btree (league_id, season, team_id)']);
  });

  it('holds its rows until refreshed; a refresh (concurrent, it has a unique index) brings the new ones', async () => {
    await knex.raw(`insert into golden.fixtures (fixture_id, league_id, season, round, kickoff_at, status_short, home_team_id, away_team_id, goals_home, goals_away, home_winner, away_winner)
      values (2, 39, 2023, 'Regular Season - 2', '2023-08-19T14:00:00Z', 'FT', 2, 1, 3, 0, true, false)`);
    expect(await wins()).to.equal(1);
    // The shipped materialized marts (player_season_stats) are refreshed too.
    expect(await refreshMaterializedMarts(knex)).to.include.members(['marts.team_wins', 'marts.player_season_stats']);
    expect(await wins()).to.equal(2);
  });

  it('is re-created when a view it reads changes, and a rollback gives back the previous state', async () => {
    const file = path.join(dir, 'marts', 'team_matches.sql');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `${original}\ncomment on column marts.team_matches.points is 'Points: 3 for a win, 1 for a draw.';\n`);
    const before = (await knex.raw("select oid::int as oid from pg_class where oid = 'marts.team_wins'::regclass")).rows[0].oid;
    const [, ran] = (await knex.migrate.latest()) as [number, string[]];
    expect(ran).to.have.length(1);
    const after = (await knex.raw("select oid::int as oid from pg_class where oid = 'marts.team_wins'::regclass")).rows[0].oid;
    expect(after, 're-created').to.not.equal(before);
    expect(await relkind('marts.team_wins')).to.equal('m');
    expect(await wins()).to.equal(2);
    await knex.migrate.rollback();
    expect(await relkind('marts.team_wins')).to.equal('m');
    fs.writeFileSync(file, original);
    fs.rmSync(path.join(dir, 'marts', 'team_wins.sql'));
    await knex.migrate.latest();
    expect(await relkind('marts.team_wins'), 'removing the file drops it').to.equal(null);
    await knex.migrate.rollback();
    expect(await relkind('marts.team_wins'), 'rolled back: there again').to.equal('m');
  });
});
