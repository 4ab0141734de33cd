import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import knexFactory, { type Knex } from 'knex';
import { knexConfig, migrationsConfig } from '../../src/db/config';
import { migrationPlan } from '../../src/db/migrator';
import { MIGRATIONS_DIR, PROJECT_ROOT, VIEWS_DIR } from '../../src/db/paths';
import { ProjectMigrationSource } from '../../src/db/view-migrations';
import { withViewsDropped } from '../../src/db/views';
import { knexCli, quantfoot } from '../support/cli';
import { testServerKind, useFreshDatabase } from '../support/db';

/** Every mart view: one file each under views/marts. */
const ALL = fs.readdirSync(path.join(VIEWS_DIR, 'marts')).filter((f) => f.endsWith('.sql')).map((f) => f.slice(0, -4)).sort();

/** The views of marts (plain and materialized) by name: their oid (a new one when re-created) and definition. */
async function martsViews(knex: Knex): Promise<Map<string, { oid: number; definition: string }>> {
  const { rows } = await knex.raw<{ rows: Array<{ name: string; oid: number; definition: string }> }>(
    `select c.relname as name, c.oid::int as oid, pg_get_viewdef(c.oid) as definition
     from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'marts' and c.relkind in ('v', 'm')`,
  );
  return new Map(rows.map((r) => [r.name, { oid: r.oid, definition: r.definition }]));
}

function recreated(before: Map<string, { oid: number }>, after: Map<string, { oid: number }>): string[] {
  return [...after].filter(([name, v]) => before.get(name)?.oid !== v.oid).map(([name]) => name).sort();
}

async function columnsOf(knex: Knex, view: string): Promise<string[]> {
  return knex('information_schema.columns').where({ table_schema: 'marts', table_name: view }).orderBy('ordinal_position').pluck('column_name');
}

/** A copy of views/ the test may edit; `restore` puts a file back as the checkout has it. */
function viewsCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-views-'));
  fs.cpSync(VIEWS_DIR, dir, { recursive: true });
  const file = (name: string) => path.join(dir, 'marts', `${name}.sql`);
  return {
    dir,
    edit(name: string, from: string, to: string) {
      const text = fs.readFileSync(file(name), 'utf8');
      expect(text, `${name}.sql has no "${from}"`).to.include(from);
      fs.writeFileSync(file(name), text.replace(from, to));
    },
    write: (name: string, text: string) => fs.writeFileSync(file(name), text),
    remove: (name: string) => fs.rmSync(file(name)),
    restore: (name: string) => fs.copyFileSync(path.join(VIEWS_DIR, 'marts', `${name}.sql`), file(name)),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A knex on the test database that reads views from `viewsDir`, through QUANTFOOT_VIEWS_DIR as a user would. */
function knexWithViews(url: string, viewsDir: string): Knex {
  const saved = process.env.QUANTFOOT_VIEWS_DIR;
  process.env.QUANTFOOT_VIEWS_DIR = viewsDir;
  try {
    return knexFactory(knexConfig(url));
  } finally {
    if (saved === undefined) delete process.env.QUANTFOOT_VIEWS_DIR;
    else process.env.QUANTFOOT_VIEWS_DIR = saved;
  }
}

describe(`the views lifecycle (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('views_lifecycle');
  const views = viewsCopy();
  let knex: Knex;
  const appliedNames = async () => (await knex('knex_migrations').orderBy('id').pluck('name')) as string[];

  before(async () => {
    knex = knexWithViews(ctx.db.url, views.dir);
    await knex.migrate.latest();
  });
  after(async () => {
    await knex?.destroy();
    views.cleanup();
  });

  it('applies views/ as one views state after the versioned migrations, recorded in etl.view_definitions', async () => {
    const names = await appliedNames();
    expect(names.at(-1)).to.match(/^\d{14}_views_0001$/);
    expect(names.slice(0, -1).every((n) => n.endsWith('.ts'))).to.equal(true);
    expect([...(await martsViews(knex)).keys()].sort()).to.deep.equal(ALL);
    const history = await knex('etl.view_definitions').where({ migration_name: names.at(-1) }).orderBy('view_name').pluck('view_name');
    expect(history).to.deep.equal(ALL.map((v) => `marts.${v}`));
    const [, pending] = (await knex.migrate.list()) as [unknown, unknown[]];
    expect(pending).to.deep.equal([]);
  });

  it('db plan shows the change of one view file as SQL without changing the database', async () => {
    const before = await martsViews(knex);
    const applied = await appliedNames();
    views.edit('team_matches', '    stage\nfrom results;', '    stage,\n    goals_for - goals_against as goal_margin\nfrom results;');
    // A new column joins the mart's contract (contracts grow; see contracts.test.ts).
    views.edit('team_matches', '--   is_winner boolean\n', '--   is_winner boolean\n--   goal_margin smallint\n');
    fs.appendFileSync(path.join(views.dir, 'marts', 'team_matches.sql'), "comment on column marts.team_matches.goal_margin is 'goals_for minus goals_against.';\n");
    const { versioned, views: planned } = await migrationPlan(knex);
    expect(versioned).to.deep.equal([]);
    expect(planned?.state).to.match(/_views_0002$/);
    expect(planned?.plan.changes).to.deep.equal([
      { view: 'marts.team_matches', kind: 'changed' },
      { view: 'marts.coach_tenures', kind: 'dependant' },
      { view: 'marts.head_to_head', kind: 'dependant' },
      { view: 'marts.league_table', kind: 'dependant' },
      { view: 'marts.standings_by_round', kind: 'dependant' },
      { view: 'marts.standings_reconciliation', kind: 'dependant' },
      { view: 'marts.team_form', kind: 'dependant' },
      { view: 'marts.team_form_as_of', kind: 'dependant' },
      { view: 'marts.team_splits', kind: 'dependant' },
    ]);
    expect(planned?.plan.drop).to.deep.equal(['marts.team_splits', 'marts.team_form_as_of', 'marts.team_form', 'marts.standings_reconciliation', 'marts.standings_by_round', 'marts.league_table', 'marts.head_to_head', 'marts.coach_tenures', 'marts.team_matches']);
    expect(planned?.plan.create.map((d) => d.name)).to.deep.equal(['marts.team_matches', 'marts.coach_tenures', 'marts.head_to_head', 'marts.league_table', 'marts.standings_by_round', 'marts.standings_reconciliation', 'marts.team_form', 'marts.team_form_as_of', 'marts.team_splits']);
    expect(recreated(before, await martsViews(knex))).to.deep.equal([]);
    expect(await appliedNames()).to.deep.equal(applied);
  });

  it('migrate re-creates exactly the edited view and the views that select from it, in one batch', async () => {
    const before = await martsViews(knex);
    const [batch, ran] = (await knex.migrate.latest()) as [number, string[]];
    expect(ran).to.have.length(1);
    expect(ran[0]).to.match(/_views_0002$/);
    expect(batch).to.equal(2);
    expect(recreated(before, await martsViews(knex))).to.deep.equal(['coach_tenures', 'head_to_head', 'league_table', 'standings_by_round', 'standings_reconciliation', 'team_form', 'team_form_as_of', 'team_matches', 'team_splits']);
    expect(await columnsOf(knex, 'team_matches')).to.include('goal_margin');
    const [, pending] = (await knex.migrate.list()) as [unknown, unknown[]];
    expect(pending).to.deep.equal([]);
  });

  it('rollback restores the previous definitions and forgets the rolled-back state', async () => {
    const edited = await martsViews(knex);
    const [, undone] = (await knex.migrate.rollback()) as [number, string[]];
    expect(undone).to.have.length(1);
    expect(undone[0]).to.match(/_views_0002$/);
    const after = await martsViews(knex);
    expect(await columnsOf(knex, 'team_matches')).to.not.include('goal_margin');
    expect(recreated(edited, after)).to.deep.equal(['coach_tenures', 'head_to_head', 'league_table', 'standings_by_round', 'standings_reconciliation', 'team_form', 'team_form_as_of', 'team_matches', 'team_splits']);
    expect(await knex('etl.view_definitions').where('migration_name', 'like', '%_views_0002').count({ n: '*' })).to.deep.equal([{ n: '0' }]);
    // The edited file is still there: the next migrate would apply it again.
    const [, pending] = (await knex.migrate.list()) as [unknown, Array<{ file: string }>];
    expect(pending.map((p) => p.file)).to.have.length(1);
    views.restore('team_matches');
    const [, none] = (await knex.migrate.list()) as [unknown, unknown[]];
    expect(none).to.deep.equal([], 'views/ equal to the applied state is not a change');
  });

  it('a view that fails to apply names its file and changes nothing; a rollback still works meanwhile', async () => {
    const before = await martsViews(knex);
    const applied = await appliedNames();
    views.edit('team_form', '    last_five.form,', '    last_five.no_such_column,');
    let error: Error | undefined;
    await knex.migrate.latest().catch((err: Error) => (error = err));
    expect(error?.message).to.match(/^views\/marts\/team_form\.sql line \d+: column last_five\.no_such_column does not exist$/);
    expect(recreated(before, await martsViews(knex))).to.deep.equal([]);
    expect(await appliedNames()).to.deep.equal(applied);
    views.write('broken_file', 'this is not a view');
    const [, undone] = (await knex.migrate.rollback()) as [number, string[]];
    expect(undone).to.have.length(applied.length);
    expect((await martsViews(knex)).size).to.equal(0);
    views.remove('broken_file');
    views.restore('team_form');
    await knex.migrate.latest();
    expect([...(await martsViews(knex)).keys()].sort()).to.deep.equal(ALL);
  });

  it('removing a view file drops the view, adding one creates it after what it selects from, and rollback undoes both', async () => {
    const before = await martsViews(knex);
    views.remove('top_scorers');
    views.write('leaders', "create view marts.leaders as\nselect league_id, season, group_name, team_id from marts.league_table where rank = 1;\n" +
      "comment on view marts.leaders is 'Group leaders.';\n" +
      ['league_id', 'season', 'group_name', 'team_id'].map((c) => `comment on column marts.leaders.${c} is 'As in league_table.';`).join('\n'));
    const { views: planned } = await migrationPlan(knex);
    expect(planned?.plan.changes).to.deep.equal([{ view: 'marts.top_scorers', kind: 'removed' }, { view: 'marts.leaders', kind: 'added' }]);
    await knex.migrate.latest();
    const after = await martsViews(knex);
    expect([...after.keys()].sort()).to.deep.equal([...ALL.filter((v) => v !== 'top_scorers'), 'leaders'].sort());
    expect(recreated(before, after)).to.deep.equal(['leaders']);

    // A change to league_table now also re-creates the view added above, which selects from it.
    views.edit('league_table', "'League tables computed from results", "'League tables, computed from results");
    await knex.migrate.latest();
    expect(recreated(after, await martsViews(knex))).to.deep.equal(['leaders', 'league_table', 'standings_reconciliation']);

    await knex.migrate.rollback();
    await knex.migrate.rollback();
    const restored = await martsViews(knex);
    expect([...restored.keys()].sort()).to.deep.equal(ALL);
    expect(restored.get('top_scorers')?.definition).to.equal(before.get('top_scorers')?.definition);
    views.restore('top_scorers');
    views.restore('league_table');
    views.remove('leaders');
    const [, pending] = (await knex.migrate.list()) as [unknown, unknown[]];
    expect(pending).to.deep.equal([]);
  });

  it('works the same from the knex CLI and quantfoot db plan, with QUANTFOOT_VIEWS_DIR', async () => {
    const env = { DATABASE_URL: ctx.db.url, QUANTFOOT_VIEWS_DIR: views.dir };
    views.edit('head_to_head', "'Their first meeting.'", "'The first time they met.'");
    const plan = await quantfoot(['db', 'plan'], env);
    expect(plan.code, plan.stderr).to.equal(0);
    expect(plan.stdout).to.match(/changed\s+marts\.head_to_head/);
    expect(plan.stdout).to.include('drop view if exists marts.head_to_head;');
    expect(plan.stdout).to.include("comment on column marts.head_to_head.first_kickoff_at is 'The first time they met.';");
    const up = await knexCli(['migrate:latest'], env);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stdout).to.match(/Batch \d+ run: 1 migrations/);
    const { rows } = await knex.raw("select col_description(attrelid, attnum) as comment from pg_attribute where attrelid = 'marts.head_to_head'::regclass and attname = 'first_kickoff_at'");
    expect(rows[0].comment).to.equal('The first time they met.');
    const again = await quantfoot(['db', 'plan'], env);
    expect(again.stdout).to.match(/Nothing to migrate/);
    const down = await knexCli(['migrate:rollback'], env);
    expect(down.code, down.stderr).to.equal(0);
    views.restore('head_to_head');
  });
});

describe(`withViewsDropped: altering a column under the views (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('views_alter', { migrate: true });
  const migrationsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-migrations-'));
  after(() => fs.rmSync(migrationsDir, { recursive: true, force: true }));

  it('PostgreSQL refuses the alteration while views use the column', async () => {
    const error = await ctx.db.knex.raw('alter table golden.fixtures alter column goals_home type integer').catch((err: Error) => err);
    expect(String(error)).to.match(/cannot alter type of a column used by a view or rule/);
  });

  it('a migration that wraps it in withViewsDropped goes up and down, leaving every view as it was', async () => {
    for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts'))) fs.symlinkSync(path.join(MIGRATIONS_DIR, file), path.join(migrationsDir, file));
    fs.writeFileSync(
      path.join(migrationsDir, '20991231000000_widen_fixture_goals.ts'),
      `import type { Knex } from 'knex';
import { withViewsDropped } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'db', 'views'))};

export async function up(knex: Knex): Promise<void> {
  await withViewsDropped(knex, ['golden.fixtures'], () => knex.raw('alter table golden.fixtures alter column goals_home type integer, alter column goals_away type integer'));
}

export async function down(knex: Knex): Promise<void> {
  await withViewsDropped(knex, ['golden.fixtures'], () => knex.raw('alter table golden.fixtures alter column goals_home type smallint, alter column goals_away type smallint'));
}
`,
    );
    const databaseUrl = async () => ctx.db.url;
    const knex = knexFactory({
      ...knexConfig(ctx.db.url),
      migrations: { ...migrationsConfig({ databaseUrl }), migrationSource: new ProjectMigrationSource({ migrationsDir, viewsDir: VIEWS_DIR, databaseUrl }) },
    });
    try {
      const before = await martsViews(knex);
      const typeOf = async () => (await knex.raw("select format_type(atttypid, atttypmod) as t from pg_attribute where attrelid = 'golden.fixtures'::regclass and attname = 'goals_home'")).rows[0].t;
      const [, ran] = (await knex.migrate.latest()) as [number, string[]];
      expect(ran).to.deep.equal(['20991231000000_widen_fixture_goals.ts']);
      expect(await typeOf()).to.equal('integer');
      const after = await martsViews(knex);
      expect([...after.keys()].sort()).to.deep.equal(ALL);
      // Every view selects from golden.fixtures, directly or not, but those about other entities (league-seasons too) and those over the history.
      const elsewhere = ['transfers', 'sidelined', 'leagues', 'seasons', 'venues', 'teams', 'players', 'coaches', 'player_clubs', 'fixture_score_changes', 'competition_rules'];
      expect(recreated(before, after), 'the views under golden.fixtures').to.deep.equal(ALL.filter((v) => !elsewhere.includes(v)));
      expect((await knex.raw("select data_type from information_schema.columns where table_schema = 'marts' and table_name = 'fixture_results' and column_name = 'home_goals'")).rows[0].data_type).to.equal('integer');
      await knex.migrate.rollback();
      expect(await typeOf()).to.equal('smallint');
      const restored = await martsViews(knex);
      for (const [name, v] of before) expect(restored.get(name)?.definition, name).to.equal(v.definition);
    } finally {
      await knex.destroy();
    }
  });

  it('says to change the view first when the applied definitions cannot survive the alteration', async () => {
    const trx = await ctx.db.knex.transaction();
    try {
      const error = await withViewsDropped(trx, ['golden.fixtures'], () => trx.raw('alter table golden.fixtures drop column penalty_home')).catch((err: Error) => err);
      expect(String(error)).to.match(/views\/marts\/fixtures\.sql line \d+: .*penalty_home.* \(re-creating it after altering golden\.fixtures: change the view file and migrate first/);
    } finally {
      await trx.rollback();
    }
  });
});
