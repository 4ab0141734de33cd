/**
 * Reliability as an operator meets it, through the CLI: bad numbers, a database that is not ready,
 * an API whose text would drive the terminal, and processes killed mid-run.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { startMockApi, type MockApi } from '../../src/mock-api/server';
import { runLeagueSeason } from '../../src/etl/run';
import { PROJECT_ROOT } from '../../src/db/paths';
import { quantfoot } from '../support/cli';
import { createTestDatabase, testServerKind, useFreshDatabase } from '../support/db';
import { goldenHashes } from '../support/golden';
import { editJson, on, startHostileApi, type HostileApi } from '../support/hostile-api';

describe(`reliability through the CLI (${testServerKind()} server)`, function () {
  this.timeout(180_000);

  it('numbers that are not what an option takes exit 2 before touching anything', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', API_FOOTBALL_KEY: 'k' };
    for (const [args, message] of [
      [['--league', '1e99'], '--league must be a league id from 1 to 2147483647'],
      [['--league', '9007199254740993'], '--league must be a league id'],
      [['--league', '2147483648'], '--league must be a league id'],
      [['--league', '39', '--refresh-hours', 'abc'], '--refresh-hours must be a number from 0 to 8784, not "not a number"'],
      [['--league', '39', '--max-calls', '2.5'], '--max-calls must be a whole number'],
      [['--league', '39', '--daily-reserve', '-1'], '--daily-reserve must be a whole number'],
    ] as const) {
      const res = await quantfoot(['etl', 'run', '--season', '2023', ...args], env);
      expect(res.code, `${args.join(' ')}: ${res.stderr}`).to.equal(2);
      expect(res.stderr).to.include(message);
    }
  });

  describe('a database that is not ready says what to do (exit 2)', () => {
    it('not migrated: names the pending migrations and the command to run', async () => {
      const db = await createTestDatabase('unmigrated');
      try {
        for (const args of [['etl', 'run', '--league', '39', '--season', '2023'], ['etl', 'status'], ['etl', 'replay'], ['check']]) {
          const res = await quantfoot(args, { DATABASE_URL: db.url, API_FOOTBALL_KEY: 'k' });
          expect(res.code, `${args.join(' ')}: ${res.stderr}`).to.equal(2);
          expect(res.stderr).to.match(/is not migrated for this version of QuantFoot: \d+ migration\(s\) pending .*Run `quantfoot db migrate`/);
        }
      } finally {
        await db.drop();
      }
    });

    it('read-only: says the database is read-only instead of a raw SQL error', async () => {
      const db = await createTestDatabase('read_only');
      try {
        await db.knex.migrate.latest();
        await db.knex.raw(`alter database "${db.name}" set default_transaction_read_only = on`);
        const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], { DATABASE_URL: db.url, API_FOOTBALL_KEY: 'k', API_FOOTBALL_URL: 'http://127.0.0.1:9' });
        expect(res.code, res.stderr).to.equal(2);
        expect(res.stderr).to.include('the database is read-only');
      } finally {
        await db.knex.raw(`alter database "${db.name}" reset default_transaction_read_only`);
        await db.drop();
      }
    });
  });

  it('a user who may only read: says which privilege is missing instead of a raw SQL error', async () => {
    const db = await createTestDatabase('reader_only');
    const role = `qf_reader_${db.name.slice(-8)}`;
    try {
      await db.knex.migrate.latest();
      await db.knex.raw(`create role ${role} login password 'reader-pass'`);
      await db.knex.raw(`grant usage on schema golden, raw, etl to ${role}`);
      await db.knex.raw(`grant select on all tables in schema golden, raw, etl to ${role}`);
      await db.knex.raw(`grant select on all tables in schema public to ${role}`);
      const url = new URL(db.url);
      url.username = role;
      url.password = 'reader-pass';
      const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], { DATABASE_URL: url.toString(), API_FOOTBALL_KEY: 'k', API_FOOTBALL_URL: 'http://127.0.0.1:9' });
      expect(res.code, res.stderr).to.equal(2);
      expect(res.stderr).to.include('the database user lacks a privilege QuantFoot needs').and.include('permission denied for table runs');
    } finally {
      await db.knex.raw(`drop owned by ${role}`).catch(() => undefined);
      await db.knex.raw(`drop role if exists ${role}`);
      await db.drop();
    }
  });

  describe('against a hostile API', () => {
    const ctx = useFreshDatabase('reliability_cli', { migrate: true });
    let mock: MockApi;
    let hostile: HostileApi;
    before(async () => {
      mock = await startMockApi({ port: 0, seed: 1, asOf: '2023-09-04' });
      hostile = await startHostileApi(mock.url);
    });
    after(async () => {
      await hostile?.close();
      await mock?.close();
    });

    it('error texts that would drive the terminal are shown escaped: on stderr, in etl.runs, by etl status', async () => {
      hostile.add({ match: on('players'), answer: editJson((b) => void (b.paging.total = 1)) });
      hostile.add({ match: on('standings'), answer: editJson((b) => ({ ...b, errors: { maintenance: '\u001b[2J\u001b[H\nrun 1: succeeded \u202eok' }, results: 0, response: [] })) });
      const env = { DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: hostile.url, API_FOOTBALL_KEY: 'test-key' };
      const res = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], env);
      expect(res.code).to.equal(1);
      expect(res.stderr).to.include('maintenance: \\x1b[2J\\x1b[H\\x0arun 1: succeeded \\u202eok');
      expect(res.stderr + res.stdout).to.not.match(/[\u001b\u202e]/);
      const { error } = await ctx.db.knex('etl.runs').orderBy('run_id', 'desc').first();
      expect(error).to.not.match(/[\u001b\u202e]/);
      const status = await quantfoot(['etl', 'status'], { DATABASE_URL: ctx.db.url });
      expect(status.stdout).to.include('\\x1b[2J').and.not.match(/[\u001b\u202e]/);
    });
  });

  describe('two runs at once', () => {
    const ctx = useFreshDatabase('concurrent_cli', { migrate: true });
    let mock: MockApi;
    before(async () => {
      mock = await startMockApi({ port: 0, seed: 1, asOf: '2023-09-04', faults: 'slow:30ms' });
    });
    after(async () => mock?.close());

    // Without --wait the second is refused: test/e2e/etl.test.ts holds the lock to show it.
    it('of one league-season: the second waits (--wait) and then has nothing to fetch twice; of two league-seasons: side by side', async () => {
      const env = { DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'test-key' };
      const run = (league: string, ...extra: string[]) => quantfoot(['etl', 'run', '--league', league, '--season', '2023', ...extra], env);
      const [a, b, other] = await Promise.all([run('39', '--wait'), run('39', '--wait'), run('2')]);
      for (const r of [a, b, other]) expect(r.code, r.stderr).to.equal(0);
      const ids = (await ctx.db.knex('raw.api_responses').where({ league_id: 39 }).whereRaw("parameters->>'ids' is not null").pluck('parameters')).flatMap((p: { ids: string }) => p.ids.split('-'));
      expect(ids.length).to.be.greaterThan(0);
      expect(new Set(ids).size, 'a fixture was fetched twice').to.equal(ids.length);
      expect(await ctx.db.knex('etl.runs').where({ status: 'running' })).to.deep.equal([]);
    });
  });

  describe('SIGKILL at any point', () => {
    const ctx = useFreshDatabase('kill_cli', { migrate: true });
    let mock: MockApi;
    before(async () => {
      mock = await startMockApi({ port: 0, seed: 1, asOf: '2023-12-01', faults: 'slow:60ms' });
    });
    after(async () => mock?.close());

    /**
     * Starts `etl run` and kills it with SIGKILL `ms` after its run is recorded (the process's own
     * start-up varies with the machine's load, and a kill before the run starts proves nothing);
     * resolves once it ended, with whether it was killed.
     */
    const killedAfter = async (ms: number) => {
      const previous = Number((await ctx.db.knex('etl.runs').max({ id: 'run_id' }))[0]!.id ?? 0);
      return new Promise<boolean>((resolve) => {
        const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'quantfoot.js'), 'etl', 'run', '--league', '39', '--season', '2023', '--wait'], {
          env: { ...process.env, DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'test-key' },
          stdio: 'ignore',
        });
        let timer: NodeJS.Timeout | undefined;
        const started = async () => (await ctx.db.knex('etl.runs').where('run_id', '>', previous).first('run_id')) !== undefined;
        const poll = setInterval(() => {
          void started().then((yes) => {
            if (yes && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), ms);
          });
        }, 50);
        child.on('exit', (_code, signal) => {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(signal === 'SIGKILL');
        });
      });
    };

    it('converges to the clean result, and no run stays "running" once the next one starts', async () => {
      const expected: string[] = [];
      for (const ms of [500, 1_500, 2_500]) {
        const killed = await killedAfter(ms);
        expected.push(killed ? 'abandoned' : 'succeeded');
        const running = await ctx.db.knex('etl.runs').where({ status: 'running' });
        expect(running, `a run killed after ${ms} ms`).to.have.length(killed ? 1 : 0);
        if (!killed) continue;
        const status = await quantfoot(['etl', 'status'], { DATABASE_URL: ctx.db.url });
        expect(status.stdout).to.match(/abandoned \(its process is gone; still marked running\)/);
      }
      expect(expected.filter((s) => s === 'abandoned').length, 'runs killed mid-way').to.be.at.least(2);
      const final = await quantfoot(['etl', 'run', '--league', '39', '--season', '2023'], { DATABASE_URL: ctx.db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'test-key' });
      expect(final.code, final.stderr).to.equal(0);
      const runs = await ctx.db.knex('etl.runs').orderBy('run_id').select('status', 'calls_used', 'error');
      expect(runs.map((r) => r.status)).to.deep.equal([...expected, 'succeeded']);
      expect(runs.filter((r) => r.status === 'abandoned').every((r) => r.calls_used > 0), 'a killed run still tells the calls it made').to.equal(true);
      expect(runs[0].error).to.match(/its process ended without finishing \(killed or crashed\); noticed by run \d+/);

      const clean = await createTestDatabase('kill_clean');
      try {
        await clean.knex.migrate.latest();
        const quiet = { stream: () => undefined, progress: () => undefined, log: () => undefined, done: () => undefined };
        const result = await runLeagueSeason(clean.knex, clean.url, { key: 'test-key', baseUrl: mock.url }, { leagueId: 39, season: 2023, full: false, dryRun: false, refreshIntervalHours: 24, wait: true }, quiet);
        expect(result.status).to.equal('succeeded');
        expect(await goldenHashes(ctx.db.knex)).to.deep.equal(await goldenHashes(clean.knex));
      } finally {
        await clean.drop();
      }
    });
  });
});
