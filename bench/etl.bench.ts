/**
 * ETL benchmarks on the mock API, in one process and one run so the figures are comparable
 * (the machine is shared and noisy: read the ratios, not the seconds).
 *   - full load of a league-season, a no-change re-run, a replay from raw;
 *   - the same full load with faults injected (retries);
 *   - set-based upsert vs a row-at-a-time loop on the same rows.
 * Each scenario runs in its own fresh database on the target server, dropped afterwards.
 */
import type { Knex } from 'knex';
import { migrateLatest } from '../src/db/migrator';
import { withScratchDatabase } from '../src/db/scratch';
import { startMockApi } from '../src/mock-api/server';
import { runLeagueSeason } from '../src/etl/run';
import { replay } from '../src/etl/replay';
import { upsert, type Row } from '../src/etl/load';
import { RunStats } from '../src/etl/stats';
import type { Reporter } from '../src/etl/report';

const quiet: Reporter = { stream: () => undefined, progress: () => undefined, log: () => undefined, done: () => undefined };

export interface BenchLine {
  scenario: string;
  seconds: number;
  calls: number | null;
  rowsWritten: number | null;
  note: string;
}

/** A fresh, migrated database per scenario, dropped afterwards. */
function withMigratedDatabase<T>(serverUrl: string, fn: (knex: Knex, url: string) => Promise<T>): Promise<T> {
  return withScratchDatabase(serverUrl, 'qf_bench', async (db) => {
    await migrateLatest(db.knex);
    return fn(db.knex, db.url);
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - t0) / 1e9];
}

export async function benchEtl(serverUrl: string, league = 39, season = 2023): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const options = { leagueId: league, season, full: false, dryRun: false, refreshIntervalHours: 24, wait: true };

  await withMigratedDatabase(serverUrl, async (knex, url) => {
    const mock = await startMockApi({ port: 0, seed: 1 });
    try {
      const api = { key: 'bench-key-000000', baseUrl: mock.url };
      const [full, tFull] = await timed(() => runLeagueSeason(knex, url, api, options, quiet));
      lines.push({ scenario: `full load, league ${league} season ${season}`, seconds: tFull, calls: full.callsUsed, rowsWritten: full.stats.written(), note: full.status });
      const [again, tAgain] = await timed(() => runLeagueSeason(knex, url, api, options, quiet));
      lines.push({ scenario: 'no-change re-run', seconds: tAgain, calls: again.callsUsed, rowsWritten: again.stats.written(), note: `${(tFull / tAgain).toFixed(1)}x faster than the full load` });
      const [rep, tRep] = await timed(() => replay(knex, url, { leagueId: league, season }, quiet));
      lines.push({ scenario: 'replay from raw (nothing changed)', seconds: tRep, calls: 0, rowsWritten: rep.stats.written(), note: `${rep.responses} responses` });
    } finally {
      await mock.close();
    }
  });

  await withMigratedDatabase(serverUrl, async (knex, url) => {
    const faults = '500:0.05,truncate:0.03,reset:0.02,slow:0.1@100ms';
    const mock = await startMockApi({ port: 0, seed: 1, faults });
    try {
      const api = { key: 'bench-key-000000', baseUrl: mock.url, retryBaseDelayMs: 20, retryMaxDelayMs: 200, timeoutMs: 5_000 };
      const [res, t] = await timed(() => runLeagueSeason(knex, url, api, options, quiet));
      lines.push({ scenario: `full load with faults ${faults}`, seconds: t, calls: res.callsUsed, rowsWritten: res.stats.written(), note: `${res.status}; ${JSON.stringify(mock.stats().faults)}` });
    } finally {
      await mock.close();
    }
  });

  await withMigratedDatabase(serverUrl, async (knex) => {
    const n = 5_000;
    await knex('golden.countries').insert({ country_name: 'Benchland' });
    const rows: Row[] = Array.from({ length: n }, (_, i) => ({ venue_id: i + 1, name: `Venue ${i}`, city: 'Bench City', capacity: 1000 + i, surface: 'grass' }));
    const stats = new RunStats();
    const [, tSet] = await timed(() => knex.transaction((trx) => upsert(trx, { table: 'golden.venues', key: ['venue_id'], rows, items: rows }, { stats, reject: () => undefined })));
    await knex('golden.venues').delete();
    const [, tRow] = await timed(() =>
      knex.transaction(async (trx) => {
        for (const r of rows) await trx('golden.venues').insert(r).onConflict('venue_id').merge();
      }),
    );
    lines.push({ scenario: `set-based upsert of ${n} rows`, seconds: tSet, calls: null, rowsWritten: n, note: `${(tRow / tSet).toFixed(1)}x faster than one statement per row (${tRow.toFixed(2)} s)` });
    const [, tNoop] = await timed(() => knex.transaction((trx) => upsert(trx, { table: 'golden.venues', key: ['venue_id'], rows, items: rows }, { stats: new RunStats(), reject: () => undefined })));
    lines.push({ scenario: `same ${n} rows again (IS DISTINCT FROM guard)`, seconds: tNoop, calls: null, rowsWritten: 0, note: 'no row rewritten' });
  });
  return lines;
}

export function formatBench(lines: BenchLine[]): string {
  const header = ['scenario', 'seconds', 'API calls', 'rows written', 'note'];
  const cells = lines.map((l) => [l.scenario, l.seconds.toFixed(2), l.calls === null ? '-' : String(l.calls), l.rowsWritten === null ? '-' : String(l.rowsWritten), l.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 || i === 4 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
