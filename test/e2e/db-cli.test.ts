import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { knexCli, quantfoot, runProcess } from '../support/cli';
import { createTestDatabase, testServerKind, useFreshDatabase } from '../support/db';
import { PROJECT_ROOT } from '../../src/db/paths';

describe(`the knex CLI and \`quantfoot db\` on DATABASE_URL (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('db_cli');
  const env = () => ({ DATABASE_URL: ctx.db.url });

  it('npx knex migrate:latest creates the schema through the TypeScript knexfile; rollback --all removes it', async () => {
    const up = await knexCli(['migrate:latest'], env());
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stdout).to.match(/Batch 1 run: \d+ migrations/);
    expect(await ctx.db.knex('golden.fixture_statuses').count({ n: '*' })).to.deep.equal([{ n: '19' }]);
    const list = await knexCli(['migrate:list'], env());
    expect(list.stdout).to.match(/No Pending Migration files Found/);
    const down = await knexCli(['migrate:rollback', '--all'], env());
    expect(down.code, down.stderr).to.equal(0);
    const { rows } = await ctx.db.knex.raw("select count(*)::int as n from pg_namespace where nspname in ('golden','raw','etl','marts')");
    expect(rows[0].n).to.equal(0);
  });

  it('quantfoot db migrate, status and rollback', async () => {
    const up = await quantfoot(['db', 'migrate'], env());
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stdout).to.match(/Batch 1 applied \d+ migration/);
    const again = await quantfoot(['db', 'migrate'], env());
    expect(again.stdout).to.match(/Already up to date/);
    const status = await quantfoot(['db', 'status'], env());
    expect(status.stdout).to.match(/Pending \(0\)/);
    const password = new URL(ctx.db.url).password;
    if (password) expect(status.stdout).to.not.include(password);
    const down = await quantfoot(['db', 'rollback', '--all'], env());
    expect(down.code, down.stderr).to.equal(0);
    const pending = await quantfoot(['db', 'status'], env());
    expect(pending.stdout).to.match(/Applied \(0\)/);
  });

  it('two deployments migrating one empty database at once both succeed, and the schema is applied once', async () => {
    for (const [label, run] of [
      ['npx knex migrate:latest', (url: string) => knexCli(['migrate:latest'], { DATABASE_URL: url })],
      ['quantfoot db migrate', (url: string) => quantfoot(['db', 'migrate'], { DATABASE_URL: url })],
    ] as const) {
      const db = await createTestDatabase('migrate_race');
      try {
        const both = await Promise.all([run(db.url), run(db.url)]);
        for (const r of both) expect(r.code, `${label}: ${r.stderr}`).to.equal(0);
        const outputs = both.map((r) => r.stdout).join('\n');
        expect(outputs, label).to.match(/Batch 1 (run:|applied) \d+ migration/);
        expect(outputs, label).to.match(/Already up to date/);
        const { rows } = await db.knex.raw('select count(*)::int as n, count(distinct name)::int as d, max(batch) as b from knex_migrations');
        expect(rows[0].n, label).to.equal(rows[0].d);
        expect(rows[0].b, label).to.equal(1);
        expect(await db.knex('knex_migrations_lock').select('is_locked')).to.deep.equal([{ is_locked: 0 }]);
      } finally {
        await db.drop();
      }
    }
  });

  it('says how to unlock a locked migrations table, and db unlock releases it', async () => {
    await quantfoot(['db', 'migrate'], env());
    await ctx.db.knex('knex_migrations_lock').update({ is_locked: 1 });
    await quantfoot(['db', 'rollback'], env());
    const locked = await quantfoot(['db', 'migrate'], env());
    expect(locked.code).to.equal(1);
    expect(locked.stderr).to.include('quantfoot db unlock');
    const unlock = await quantfoot(['db', 'unlock'], env());
    expect(unlock.code, unlock.stderr).to.equal(0);
    const up = await quantfoot(['db', 'migrate'], env());
    expect(up.code, up.stderr).to.equal(0);
  });

  it('db verify passes on a migrated database and names every drift made by hand', async () => {
    await quantfoot(['db', 'migrate'], env());
    const clean = await quantfoot(['db', 'verify'], env());
    expect(clean.code, clean.stdout + clean.stderr).to.equal(0);
    expect(clean.stdout).to.include('The schema is what the migration files build.');
    await ctx.db.knex.raw('alter table golden.teams add column mascot text');
    await ctx.db.knex.raw('alter table golden.fixtures drop constraint fixtures_single_winner_chk');
    const drifted = await quantfoot(['db', 'verify'], env());
    expect(drifted.code).to.equal(1);
    expect(drifted.stdout).to.match(/only in the database: .*"attname":"mascot"/);
    expect(drifted.stdout).to.match(/only in the migrations: .*fixtures_single_winner_chk/);
    expect(drifted.stdout).to.include('Drift: 2 difference(s)');
  });

  it('exits 2 with a clear message for a bad or unreachable DATABASE_URL', async () => {
    const bad = await quantfoot(['db', 'status'], { DATABASE_URL: 'mysql://localhost/x' });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include('DATABASE_URL must start with postgres://');
    const unreachable = await quantfoot(['db', 'status'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(unreachable.code).to.equal(2);
    expect(unreachable.stderr).to.include('connection refused');
  });
});

describe('the embedded default (no DATABASE_URL)', () => {
  let home: string;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'quantfoot-home-'));
    fs.chmodSync(home, 0o755);
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  const postmasterRunning = () => {
    try {
      const pid = Number(fs.readFileSync(path.join(home, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('initialises, migrates and stops the server when the command exits (knex CLI and quantfoot)', async () => {
    const env = { DATABASE_URL: '', QUANTFOOT_HOME: home };
    const up = await knexCli(['migrate:latest'], env);
    expect(up.code, up.stderr).to.equal(0);
    expect(postmasterRunning(), 'postgres left running after the knex CLI exited').to.equal(false);
    const status = await quantfoot(['db', 'status'], env);
    expect(status.code, status.stderr).to.equal(0);
    expect(status.stdout).to.match(/Pending \(0\)/);
    expect(postmasterRunning(), 'postgres left running after quantfoot exited').to.equal(false);
    const down = await knexCli(['migrate:rollback', '--all'], env);
    expect(down.code, down.stderr).to.equal(0);
    expect(down.stdout).to.match(/rolled back/);
  });

  it('db url keeps the server running for psql until db stop', async () => {
    const env = { DATABASE_URL: '', QUANTFOOT_HOME: home };
    const url = await quantfoot(['db', 'url'], env);
    expect(url.code, url.stderr).to.equal(0);
    expect(url.stdout.trim()).to.match(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    expect(postmasterRunning()).to.equal(true);
    const stop = await quantfoot(['db', 'stop'], env);
    expect(stop.stdout).to.include('stopped');
    expect(postmasterRunning()).to.equal(false);
  });

  it('from a checkout in a private folder (mode 700), with no QUANTFOOT_HOME: as root, binaries and data go where the postgres user reaches them', async function () {
    this.timeout(180_000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quantfoot-private-'));
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'quantfoot-shared-'));
    fs.chmodSync(root, 0o700);
    fs.chmodSync(shared, 0o755);
    const checkout = path.join(root, 'quantfoot');
    try {
      fs.mkdirSync(checkout);
      for (const entry of ['bin', 'src', 'migrations', 'views', 'seeds', 'knexfile.ts', 'package.json', 'tsconfig.json']) {
        fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(checkout, entry), { recursive: true });
      }
      // Hard links: the packages (and the server binaries) really live inside the private folder.
      execFileSync('cp', ['-al', path.join(PROJECT_ROOT, 'node_modules'), path.join(checkout, 'node_modules')]);
      const env = { DATABASE_URL: '', QUANTFOOT_HOME: '', QUANTFOOT_SHARED_DIR: shared };
      const migrate = await runProcess(process.execPath, ['bin/quantfoot.js', 'db', 'migrate'], env, checkout);
      expect(migrate.code, migrate.stderr).to.equal(0);
      expect(migrate.stdout).to.match(/Batch 1 applied/);
      const list = await runProcess(process.execPath, ['node_modules/knex/bin/cli.js', 'migrate:list'], env, checkout);
      expect(list.code, list.stderr).to.equal(0);
      expect(list.stdout).to.match(/No Pending Migration files Found/);
      if (process.getuid?.() === 0) {
        expect(migrate.stderr).to.match(/runs as the 'postgres' user: it keeps its data in .*quantfoot-shared-.*\/data\/[0-9a-f]{16}\/pgdata/);
        expect(migrate.stderr).to.include('runs a copy of the binaries in');
        expect(fs.existsSync(path.join(checkout, '.quantfoot', 'pgdata'))).to.equal(false);
        expect(fs.readdirSync(path.join(shared, 'data'))).to.have.length(1);
      } else {
        expect(fs.existsSync(path.join(checkout, '.quantfoot', 'pgdata', 'PG_VERSION'))).to.equal(true);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });

  it('stops the server on SIGINT (Ctrl-C) too', async () => {
    const { spawn } = await import('node:child_process');
    const env = { ...process.env, DATABASE_URL: '', QUANTFOOT_HOME: home };
    const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'quantfoot.js'), 'db', 'status'], { env, stdio: 'ignore' });
    for (let i = 0; i < 200 && !postmasterRunning(); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    await new Promise((r) => child.on('close', r));
    expect(postmasterRunning(), 'postgres left running after Ctrl-C').to.equal(false);
  });
});
