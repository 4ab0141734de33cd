/**
 * Checksums of applied migrations, as a deployment meets them: a migration edited after it was
 * applied stops `db migrate` (and the knex CLI) and fails `db verify`, naming the file, until it is
 * restored or accepted; a column added by hand is still named by the catalog diff.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { knexCli, quantfoot } from '../support/cli';
import { testServerKind, useFreshDatabase } from '../support/db';
import { MIGRATIONS_DIR, PROJECT_ROOT } from '../../src/db/paths';

const EDITED = '20261125000001_create_schemas.ts';

describe(`migration checksums (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('checksums');
  // A migrations folder of links to the checkout's files, so one can be edited without touching them.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-checksums-'));
  const env = () => ({ DATABASE_URL: ctx.db.url, QUANTFOOT_MIGRATIONS_DIR: dir });
  before(() => {
    for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts'))) fs.symlinkSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const edit = (text: string) => {
    const target = path.join(dir, EDITED);
    const original = fs.readFileSync(path.join(MIGRATIONS_DIR, EDITED), 'utf8');
    fs.rmSync(target);
    // A copy outside the checkout: its imports of the project's modules made absolute.
    fs.writeFileSync(target, original.replaceAll("'../src/", `'${PROJECT_ROOT}/src/`) + text);
  };

  it('every applied file has its checksum recorded, also those applied before the table existed', async () => {
    const up = await quantfoot(['db', 'migrate'], env());
    expect(up.code, up.stderr).to.equal(0);
    const verified = await quantfoot(['db', 'verify'], env());
    expect(verified.code, verified.stdout + verified.stderr).to.equal(0);
    const applied: string[] = await ctx.db.knex('knex_migrations').where('name', 'like', '%.ts').pluck('name');
    const recorded: string[] = await ctx.db.knex('etl.migration_checksums').pluck('name');
    expect(recorded.sort()).to.deep.equal(applied.sort());
    expect(applied).to.include(EDITED);
  });

  it('a comment appended to an applied migration fails db verify, db migrate and knex migrate:latest, naming the file', async () => {
    edit('\n// a harmless-looking comment\n');
    const verified = await quantfoot(['db', 'verify'], env());
    expect(verified.code).to.equal(1);
    expect(verified.stdout).to.include(`applied migration ${EDITED} was edited after it was applied`);
    // The comment builds the same catalog: only the checksum sees it.
    expect(verified.stdout).to.not.match(/only in the/);
    const migrate = await quantfoot(['db', 'migrate'], env());
    expect(migrate.code).to.equal(1);
    expect(migrate.stderr).to.include(EDITED).and.to.include('db verify --accept');
    const knexMigrate = await knexCli(['migrate:latest'], env());
    expect(knexMigrate.code).to.not.equal(0);
    expect(knexMigrate.stderr + knexMigrate.stdout).to.include(EDITED);
    const status = await quantfoot(['db', 'status'], env());
    expect(status.code, status.stderr).to.equal(0);
    expect(status.stdout).to.match(new RegExp(`${EDITED}\\s+EDITED since applied`));
  });

  it('an accepted change passes again, and the record says who and when', async () => {
    const unknown = await quantfoot(['db', 'verify', '--accept', '20991231000000_never_applied.ts'], env());
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.match(/not an applied migration/);
    const accepted = await quantfoot(['db', 'verify', '--accept', path.join('migrations', EDITED)], env());
    expect(accepted.code, accepted.stdout + accepted.stderr).to.equal(0);
    expect(accepted.stdout).to.include(`Accepted ${EDITED}`);
    const row = await ctx.db.knex('etl.migration_checksums').where({ name: EDITED }).first();
    expect(row.accepted_at).to.be.an.instanceOf(Date);
    expect(row.accepted_by).to.be.a('string').and.not.empty;
    expect((await quantfoot(['db', 'migrate'], env())).code).to.equal(0);
  });

  it('a column added by hand is still named, beside an edited file', async () => {
    await ctx.db.knex.raw('alter table golden.teams add column nickname text');
    edit('\n// edited once more\n');
    const verified = await quantfoot(['db', 'verify'], env());
    expect(verified.code).to.equal(1);
    expect(verified.stdout).to.include(`applied migration ${EDITED} was edited after it was applied`);
    expect(verified.stdout).to.match(/only in the database: .*"relname":"teams".*"attname":"nickname"/);
    await ctx.db.knex.raw('alter table golden.teams drop column nickname');
  });

  it('a deleted applied file is named as missing; restored, it is accepted back', async () => {
    fs.rmSync(path.join(dir, EDITED));
    const verified = await quantfoot(['db', 'verify'], env());
    expect(verified.code).to.equal(1);
    expect(verified.stdout).to.include(`applied migration ${EDITED} has no file any more`);
    expect(verified.stdout).to.include('the migration files no longer build a database');
    fs.symlinkSync(path.join(MIGRATIONS_DIR, EDITED), path.join(dir, EDITED));
    // Restored as it first was: that differs from the accepted edit, so it is accepted back.
    expect((await quantfoot(['db', 'verify'], env())).code).to.equal(1);
    const accepted = await quantfoot(['db', 'verify', '--accept', EDITED], env());
    expect(accepted.code, accepted.stdout).to.equal(0);
  });

  it('rolling everything back forgets the checksums with the migrations; migrating again records them anew', async () => {
    const down = await quantfoot(['db', 'rollback', '--all'], env());
    expect(down.code, down.stderr).to.equal(0);
    expect((await ctx.db.knex.raw("select to_regclass('etl.migration_checksums') as t")).rows[0].t).to.equal(null);
    const up = await quantfoot(['db', 'migrate'], env());
    expect(up.code, up.stderr).to.equal(0);
    const verified = await quantfoot(['db', 'verify'], env());
    expect(verified.code, verified.stdout).to.equal(0);
  });
});
