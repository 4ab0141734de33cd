/**
 * Scale: loading 10 generated league-seasons against loading one, each with `quantfoot etl run` as
 * a user runs it (one process per league-season, on one database): the cost per fixture, and the
 * peak memory of a run (preloaded bench/rss.cjs reports it).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateLatest } from '../src/db/migrator';
import { PROJECT_ROOT } from '../src/db/paths';
import { withScratchDatabase } from '../src/db/scratch';
import { startMockApi } from '../src/mock-api/server';
import { seconds, type Figure } from './figures';

function etlRun(databaseUrl: string, apiUrl: string, league: number, rssFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'quantfoot.js'), 'etl', 'run', '--league', String(league), '--season', '2023', '--log-format', 'json'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, API_FOOTBALL_URL: apiUrl, API_FOOTBALL_KEY: 'bench-key-000000', NODE_OPTIONS: `--require ${path.join(PROJECT_ROOT, 'bench', 'rss.cjs')}`, QUANTFOOT_BENCH_RSS_FILE: rssFile },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`etl run --league ${league} exited with ${code}`))));
  });
}

export async function scaleFigures(serverUrl: string, leagues = 10): Promise<Figure[]> {
  // No per-minute limit: the figure is the cost of loading, not of pacing under a plan's limit.
  const mock = await startMockApi({ port: 0, seed: 1, scale: leagues, scaleSeasons: [2023], minuteLimit: 1_000_000 });
  const rssFile = path.join(os.tmpdir(), `quantfoot-bench-rss-${process.pid}`);
  fs.rmSync(rssFile, { force: true });
  try {
    const perFixture = async (ids: number[]) =>
      withScratchDatabase(serverUrl, 'qf_bench_scale', async (db) => {
        await migrateLatest(db.knex);
        const runs: number[] = [];
        for (const league of ids) runs.push(await seconds(() => etlRun(db.url, mock.url, league, rssFile)));
        if (process.env.QUANTFOOT_BENCH_VERBOSE) process.stderr.write(`  runs: ${runs.map((r) => r.toFixed(1)).join(' ')} s\n`);
        const time = runs.reduce((a, b) => a + b, 0);
        const fixtures = Number((await db.knex('golden.fixtures').count({ n: '*' }))[0]!.n);
        return { time, fixtures, perFixture: time / fixtures };
      });
    const one = await perFixture([1000]);
    const many = await perFixture(Array.from({ length: leagues }, (_, i) => 1000 + i));
    const peakMb = Math.max(...fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024;
    return [
      { key: 'scale.seconds_per_fixture_1', label: `one league-season (${one.fixtures} fixtures): seconds per fixture`, value: one.perFixture * 1000, unit: 'ms/fixture' },
      { key: 'scale.seconds_per_fixture_10', label: `${leagues} league-seasons (${many.fixtures} fixtures): seconds per fixture`, value: many.perFixture * 1000, unit: 'ms/fixture', reference: { value: one.perFixture * 1000, label: 'one league-season' } },
      { key: 'scale.cost_per_fixture_ratio_10_to_1', label: `cost per fixture, ${leagues} league-seasons against one`, value: many.perFixture / one.perFixture, unit: 'x', goal: '<= 1.5x' },
      { key: 'scale.peak_rss_mb', label: 'peak memory of an etl run process', value: peakMb, unit: 'MB', goal: '< 300 MB' },
    ];
  } finally {
    fs.rmSync(rssFile, { force: true });
    await mock.close();
  }
}
