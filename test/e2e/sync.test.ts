/**
 * A portfolio of competitions, as an operator runs it: `etl sync` from quantfoot.yml within the
 * daily quota over two days, its dry-run plan, a bad config; the job queue with two workers at
 * once and a worker killed mid-job; the daemon stopped by SIGTERM.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { startMockApi, type MockApi } from '../../src/mock-api/server';
import { PROJECT_ROOT } from '../../src/db/paths';
import { quantfoot, type CliResult } from '../support/cli';
import { createTestDatabase, testServerKind, type TestDatabase } from '../support/db';

const CONFIG = 'competitions:\n  - league: 39\n    seasons: [2023]\n  - league: 2\n    seasons: [2023]\n';

function configFile(text = CONFIG): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-sync-'));
  fs.writeFileSync(path.join(dir, 'quantfoot.yml'), text);
  return path.join(dir, 'quantfoot.yml');
}

async function migrated(label: string): Promise<TestDatabase> {
  const db = await createTestDatabase(label);
  await db.knex.migrate.latest();
  return db;
}

const totalCalls = async (db: TestDatabase): Promise<number> => Number((await db.knex('etl.runs').sum({ n: 'calls_used' }))[0]!.n ?? 0);

/** The quantfoot CLI as a child process we can signal. */
function startCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'quantfoot.js'), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, exited, output: () => stderr };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`etl sync: a portfolio within the daily quota (${testServerKind()} server)`, function () {
  this.timeout(300_000);
  let mock: MockApi;
  let clock = Date.parse('2026-11-25T10:00:00Z');
  const dbs: TestDatabase[] = [];
  before(async () => {
    mock = await startMockApi({ port: 0, seed: 1, dailyLimit: 70, now: () => clock });
  });
  after(async () => {
    await mock?.close();
    for (const db of dbs) await db.drop();
  });

  it('plans in order, loads league 39, stops with exit 75 inside league 2, and finishes the next day for about the calls of one load', async () => {
    const config = configFile();
    // The reference: both league-seasons in one uninterrupted sync, on another key (its own quota).
    const reference = await migrated('sync_reference');
    dbs.push(reference);
    const bigMock = await startMockApi({ port: 0, seed: 1 });
    try {
      const once = await quantfoot(['etl', 'sync', '--config', config], { DATABASE_URL: reference.url, API_FOOTBALL_URL: bigMock.url, API_FOOTBALL_KEY: 'reference-key' });
      expect(once.code, once.stderr).to.equal(0);
    } finally {
      await bigMock.close();
    }
    const uninterrupted = await totalCalls(reference);

    const db = await migrated('sync_days');
    dbs.push(db);
    const env = { DATABASE_URL: db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'sync-key-1234' };
    const plan = await quantfoot(['etl', 'sync', '--config', config, '--dry-run'], env);
    expect(plan.code, plan.stderr).to.equal(0);
    expect(plan.stdout).to.match(/1\s+39\/2023\s+~\d+\s+backfill: never loaded\n\s+2\s+2\/2023\s+~\d+\s+backfill: never loaded/);
    expect(plan.stdout).to.match(/daily limit 70 \(from \/status\), 0 kept in reserve: 70 a day for sync; 70 left today\n\s+days needed: 2/);

    const day1 = await quantfoot(['etl', 'sync', '--config', config], env);
    expect(day1.code, day1.stderr).to.equal(75);
    expect(day1.stdout).to.match(/39\/2023\s+succeeded/);
    expect(day1.stdout).to.match(/2\/2023\s+stopped_quota/);
    expect(day1.stderr).to.include('run sync again later: it resumes where it stopped');

    clock += 24 * 3600_000; // the next day: the quota is back
    const again = await quantfoot(['etl', 'sync', '--config', config, '--dry-run'], env);
    expect(again.stdout).to.match(/1\s+39\/2023\s+\d+\s+in progress: incremental update\n\s+2\s+2\/2023\s+\d+\s+in progress: resuming \(last run stopped_quota\)/);
    const day2 = await quantfoot(['etl', 'sync', '--config', config], env);
    expect(day2.code, day2.stderr).to.equal(0);
    const both = await totalCalls(db);
    expect(both, `${both} calls over two days against ${uninterrupted} in one go`).to.be.at.most(uninterrupted + 5);
    for (const league of [39, 2]) {
      const ran = await db.knex('etl.runs').whereRaw("arguments->>'league' = ?", [String(league)]).orderBy('run_id', 'desc').first();
      expect(ran.status, `league ${league}`).to.equal('succeeded');
    }
    expect(await db.knex('golden.fixtures').where({ league_id: 2 }).count({ n: '*' })).to.deep.equal(await reference.knex('golden.fixtures').where({ league_id: 2 }).count({ n: '*' }));
  });

  it('a bad configuration exits 2 naming the line and the key; no configuration says how to make one', async () => {
    const db = await migrated('sync_bad');
    dbs.push(db);
    const bad = await quantfoot(['etl', 'sync', '--config', configFile('competitions:\n  - league: 39\n    season: [2023]\n')], { DATABASE_URL: db.url });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/quantfoot\.yml:3: competitions\[0\]\.season: is not a known key/);
    expect(bad.stderr).to.match(/quantfoot\.yml:2: competitions\[0\]: seasons is required/);
    const none = await quantfoot(['etl', 'sync', '--config', '/nonexistent/quantfoot.yml'], { DATABASE_URL: db.url });
    expect(none.code).to.equal(2);
    expect(none.stderr).to.include('no such configuration file (quantfoot init writes an example)');
  });
});

describe(`etl work: league-season jobs on the queue (${testServerKind()} server)`, function () {
  this.timeout(300_000);
  let mock: MockApi;
  const dbs: TestDatabase[] = [];
  before(async () => {
    mock = await startMockApi({ port: 0, seed: 1 });
  });
  after(async () => {
    await mock?.close();
    for (const db of dbs) await db.drop();
  });

  it('sync --enqueue, then two workers at once: each league-season loaded exactly once, no more calls than one process, both exit 0', async () => {
    const db = await migrated('work_two');
    dbs.push(db);
    const env = { DATABASE_URL: db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'work-key-1234' };
    const config = configFile();
    const queued = await quantfoot(['etl', 'sync', '--config', config, '--enqueue'], env);
    expect(queued.code, queued.stderr).to.equal(0);
    expect(queued.stdout).to.include('2 job(s) queued');
    const twice = await quantfoot(['etl', 'sync', '--config', config, '--enqueue'], env);
    expect(twice.stdout, 'queued twice').to.include('0 job(s) queued, 2 already there');
    const workers = await Promise.all([1, 2].map(() => quantfoot(['etl', 'work', '--drain', '--poll-seconds', '1'], env)));
    for (const w of workers) expect(w.code, w.stderr).to.equal(0);
    const runs = await db.knex('etl.runs').select('arguments', 'status', 'calls_used');
    expect(runs.map((r) => `${r.arguments.league}/${r.arguments.season} ${r.status}`).sort()).to.deep.equal(['2/2023 succeeded', '39/2023 succeeded']);
    // One process would make the same calls: each league-season's load, once.
    expect(workers.map((w) => w.stdout).join('\n')).to.match(/worker done: 1 job\(s\)/);
    const reference = await migrated('work_reference');
    dbs.push(reference);
    const one = await quantfoot(['etl', 'sync', '--config', config], { ...env, DATABASE_URL: reference.url });
    expect(one.code, one.stderr).to.equal(0);
    expect(await totalCalls(db)).to.be.at.most(await totalCalls(reference));
  });

  it('a worker killed mid-job leaves the job to another worker, which finishes it once its time is up', async () => {
    const db = await migrated('work_killed');
    dbs.push(db);
    const env = { DATABASE_URL: db.url, API_FOOTBALL_URL: mock.url, API_FOOTBALL_KEY: 'killed-key-1234' };
    const config = configFile('competitions:\n  - league: 39\n    seasons: [2023]\n');
    expect((await quantfoot(['etl', 'sync', '--config', config, '--enqueue', '--job-timeout', '10', '--retry-delay', '1'], env)).code).to.equal(0);
    const slow = await startMockApi({ port: 0, seed: 1, faults: 'slow:150ms' });
    try {
      const first = startCli(['etl', 'work', '--poll-seconds', '1'], { ...env, API_FOOTBALL_URL: slow.url });
      await until('the first worker to be loading', async () => {
        const run = await db.knex('etl.runs').where({ status: 'running' }).first();
        return !!run && run.calls_used >= 5;
      });
      first.child.kill('SIGKILL');
      await first.exited;
      const second = await quantfoot(['etl', 'work', '--drain', '--poll-seconds', '1', '--maintenance-seconds', '1'], env);
      expect(second.code, second.stderr).to.equal(0);
      expect(second.stdout).to.match(/39\/2023\s+succeeded/);
      expect(second.stderr).to.match(/had been left running by a process that died; marked abandoned/);
      const runs = await db.knex('etl.runs').orderBy('run_id').pluck('status');
      expect(runs).to.deep.equal(['abandoned', 'succeeded']);
    } finally {
      await slow.close();
    }
  });
});

describe(`etl daemon (${testServerKind()} server)`, function () {
  this.timeout(120_000);
  it('syncs on its schedule and stops on SIGTERM after the league-season being loaded, exit 0', async () => {
    const db = await migrated('daemon');
    const slow = await startMockApi({ port: 0, seed: 1, faults: 'slow:100ms' });
    try {
      const config = configFile('competitions:\n  - league: 39\n    seasons: [2023]\nschedule: "*/2 * * * * *"\n');
      const daemon = startCli(['etl', 'daemon', '--config', config, '--log-format', 'json'], { DATABASE_URL: db.url, API_FOOTBALL_URL: slow.url, API_FOOTBALL_KEY: 'daemon-key-1234' });
      await until('a sync to be loading', async () => !!(await db.knex('etl.runs').where({ status: 'running' }).first()));
      daemon.child.kill('SIGTERM');
      const result = await daemon.exited;
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.include('SIGTERM: stopping after the league-season being loaded');
      expect(result.stdout).to.match(/daemon stopped by SIGTERM after 1 sync\(s\)/);
      expect(await db.knex('etl.runs').pluck('status')).to.deep.equal(['succeeded']);
    } finally {
      await slow.close();
      await db.drop();
    }
  });

  it('refuses a configuration without a schedule (exit 2)', async () => {
    const result = await quantfoot(['etl', 'daemon', '--config', configFile()], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.include('etl daemon needs a schedule');
  });
});
