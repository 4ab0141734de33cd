/**
 * Mart contracts: a view whose output differs from the contract in its header fails to apply,
 * naming the column; a contracted column cannot be removed or retyped, only versioned (_v2);
 * a contract may grow; `db verify` names live views that drifted from their contract.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import knexFactory, { type Knex } from 'knex';
import { knexConfig, migrationsConfig } from '../../src/db/config';
import { contractBreaks, contractDifferences, parseContract } from '../../src/db/contracts';
import { VIEWS_DIR } from '../../src/db/paths';
import { contractDrift } from '../../src/db/verify';
import { testServerKind, useFreshDatabase } from '../support/db';

const ORIGINAL = fs.readFileSync(path.join(VIEWS_DIR, 'marts', 'sidelined.sql'), 'utf8');
const WITHOUT_DAYS = ORIGINAL.replace('absences.end_date is null as is_ongoing,', 'absences.end_date is null as is_ongoing')
  .replace(/\n\s+coalesce\(absences\.end_date, current_date\) - absences\.start_date \+ 1 as days/, '')
  .replace(/\ncomment on column marts\.sidelined\.days .*/, '');

describe(`mart contracts (${testServerKind()} server)`, () => {
  const ctx = useFreshDatabase('contracts', { migrate: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-contracts-'));
  const file = (name: string) => path.join(dir, 'marts', `${name}.sql`);
  let knex: Knex;

  before(() => {
    fs.cpSync(VIEWS_DIR, dir, { recursive: true });
    expect(WITHOUT_DAYS).to.not.match(/ as days/);
    knex = knexFactory({ ...knexConfig(ctx.db.url), migrations: migrationsConfig({ databaseUrl: async () => ctx.db.url, viewsDir: dir }) });
  });
  after(async () => {
    await knex?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const migrate = () => knex.migrate.latest().then(() => null, (err: Error) => err.message);

  it('every shipped mart has a contract, and it is what the view returns', async () => {
    for (const name of fs.readdirSync(path.join(VIEWS_DIR, 'marts'))) {
      expect(parseContract(fs.readFileSync(path.join(VIEWS_DIR, 'marts', name), 'utf8'), name), name).to.not.equal(null);
    }
    expect(await contractDrift(ctx.db.knex, VIEWS_DIR)).to.deep.equal([]);
  });

  it('a view whose SQL drops a contracted column fails to apply, naming it', async () => {
    fs.writeFileSync(file('sidelined'), WITHOUT_DAYS);
    const error = await migrate();
    expect(error).to.include('views/marts/sidelined.sql: marts.sidelined differs from its contract: contracted column days (integer) is missing');
    expect((await knex.raw("select count(*)::int as n from information_schema.columns where table_schema = 'marts' and table_name = 'sidelined' and column_name = 'days'")).rows[0].n).to.equal(1);
  });

  it('taking the column out of the contract too is refused: that change is a new version', async () => {
    fs.writeFileSync(file('sidelined'), WITHOUT_DAYS.replace(/\n--   days integer/, ''));
    const error = await migrate();
    expect(error).to.include('views/marts/sidelined.sql: marts.sidelined.days (integer) is contracted and may not be removed');
    expect(error).to.include('_v2.sql');
    fs.writeFileSync(file('sidelined'), ORIGINAL.replace('+ 1 as days', '+ 1::bigint as days').replace('--   days integer', '--   days bigint'));
    expect(await migrate()).to.include('marts.sidelined.days is contracted as integer and may not become bigint');
  });

  it('a _v2 beside the old mart applies; the old one is kept', async () => {
    fs.writeFileSync(file('sidelined'), ORIGINAL);
    fs.writeFileSync(
      file('sidelined_v2'),
      WITHOUT_DAYS.replace(/marts\.sidelined\b/g, 'marts.sidelined_v2').replace(/\n--   days integer/, '').replace('-- Players\'', '-- Version 2: without days. Players\''),
    );
    expect(await migrate()).to.equal(null);
    const columns = async (view: string) =>
      (await knex.raw('select column_name from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position', ['marts', view])).rows.map((r: { column_name: string }) => r.column_name);
    expect(await columns('sidelined')).to.include('days');
    expect(await columns('sidelined_v2')).to.deep.equal(['player_id', 'player_name', 'type', 'start_date', 'end_date', 'is_ongoing']);
  });

  it('a contract grows: a new column must be added to it, and then applies', async () => {
    const withWeeks = fs.readFileSync(file('sidelined_v2'), 'utf8').replace('absences.end_date is null as is_ongoing', 'absences.end_date is null as is_ongoing,\n        (coalesce(absences.end_date, current_date) - absences.start_date) / 7 as weeks')
      .concat("\ncomment on column marts.sidelined_v2.weeks is 'Whole weeks out.';\n");
    fs.writeFileSync(file('sidelined_v2'), withWeeks);
    expect(await migrate()).to.include('column weeks (integer) is not in the contract: add it there');
    fs.writeFileSync(file('sidelined_v2'), withWeeks.replace('--   is_ongoing boolean', '--   is_ongoing boolean\n--   weeks integer'));
    expect(await migrate()).to.equal(null);
  });

  it('db verify names a live view that no longer returns its contracted columns', async () => {
    await knex.raw('drop view marts.sidelined_v2');
    await knex.raw("create view marts.sidelined_v2 as select player_id, player_name, type, start_date, end_date::text as end_date, is_ongoing from marts.sidelined");
    expect(await contractDrift(knex, dir)).to.deep.equal([
      'marts.sidelined_v2: column end_date is text, the contract says date',
      'marts.sidelined_v2: contracted column weeks (integer) is missing',
    ]);
  });
});

describe('contracts, without a database', () => {
  it('parses the header, with type aliases; refuses an empty or doubled one', () => {
    expect(parseContract('-- contract:\n--   a int4\n--   b timestamptz\n--   c numeric(5,2)\ncreate view x as select 1', 'f')).to.deep.equal([
      { name: 'a', type: 'integer' },
      { name: 'b', type: 'timestamp with time zone' },
      { name: 'c', type: 'numeric(5,2)' },
    ]);
    expect(parseContract('create view x as select 1', 'f')).to.equal(null);
    expect(() => parseContract('-- contract:\ncreate view x as select 1', 'f')).to.throw(/followed by no/);
    expect(() => parseContract('-- contract:\n--   a int\n--   a text\n', 'f')).to.throw(/lists a twice/);
  });

  it('differences and breaks, one sentence each', () => {
    expect(contractDifferences([{ name: 'a', type: 'numeric' }], [{ name: 'a', type: 'numeric(6,2)' }])).to.deep.equal([]);
    expect(contractDifferences([{ name: 'a', type: 'integer' }], [{ name: 'b', type: 'integer' }])).to.deep.equal([
      'contracted column a (integer) is missing',
      'column b (integer) is not in the contract: add it there (a contract may grow)',
    ]);
    const v = (contract: Array<{ name: string; type: string }> | null) => [{ name: 'marts.x', file: 'marts/x.sql', contract }];
    expect(contractBreaks(v([{ name: 'a', type: 'integer' }]), v([{ name: 'a', type: 'integer' }, { name: 'b', type: 'text' }]))).to.deep.equal([]);
    expect(contractBreaks(v([{ name: 'a', type: 'integer' }]), v(null))).to.deep.equal(['views/marts/x.sql: marts.x.a (integer) is contracted and may not be removed']);
    expect(contractBreaks(v([{ name: 'a', type: 'integer' }]), [])).to.deep.equal([]);
  });
});
