/**
 * The cost of history on the bulk path: the same full load of league 39 (380 fixtures, from empty
 * tables, through the mock API) with the history triggers enabled and disabled (ALTER TABLE …
 * DISABLE TRIGGER), and the same for `etl replay` of its stored responses, where the database's
 * work is all there is to time. Rounds alternate which goes first; medians of per-round ratios.
 */
import type { Knex } from 'knex';
import { migrateLatest } from '../src/db/migrator';
import { withScratchDatabase } from '../src/db/scratch';
import { replay } from '../src/etl/replay';
import { runLeagueSeason, type RunOptions } from '../src/etl/run';
import { startMockApi } from '../src/mock-api/server';
import { median, seconds, type Figure } from './figures';
import { quiet } from './load.bench';

const FULL_LOAD: RunOptions = { leagueId: 39, season: 2023, full: true, dryRun: false, refreshIntervalHours: 24, wait: true };
const RUN_STATE = ['etl.runs', 'etl.run_tables', 'etl.rejects', 'etl.state', 'etl.fixture_details', 'etl.check_results', 'raw.api_responses'];

/** The golden tables that keep a history, from their triggers. */
async function historisedTables(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw<{ rows: Array<{ name: string }> }>(
    `select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where c.relnamespace = 'golden'::regnamespace and t.tgname like '%\\_history\\_on\\_%' and not t.tgisinternal order by 1`,
  );
  return rows.map((r) => r.name);
}

async function setHistory(knex: Knex, tables: readonly string[], on: boolean): Promise<void> {
  for (const table of tables) {
    for (const op of ['insert', 'update', 'delete', 'truncate']) await knex.raw(`alter table golden.${table} ${on ? 'enable' : 'disable'} trigger ${table}_history_on_${op}`);
  }
}

/** Empty golden and history tables (the seeded statuses stay, the loaded-details hashes go with the fixtures); with `runState`, no run, bookmark or stored response either. */
async function empty(knex: Knex, runState: boolean): Promise<void> {
  const { rows } = await knex.raw<{ rows: Array<{ name: string }> }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
     where (schemaname = 'golden' and tablename <> 'fixture_statuses') or schemaname = 'history'`,
  );
  await knex.raw(`truncate ${[...rows.map((r) => r.name), ...(runState ? RUN_STATE : [])].join(', ')} cascade`);
}

async function count(knex: Knex, tables: readonly string[]): Promise<number> {
  const { rows } = await knex.raw<{ rows: Array<{ n: number }> }>(tables.map((t) => `select count(*)::int as n from ${t}`).join(' union all '));
  return rows.reduce((n, r) => n + r.n, 0);
}

const goldenRows = (knex: Knex, tables: readonly string[]) => count(knex, tables.map((t) => `golden.${t}`));
const versions = (knex: Knex, tables: readonly string[]) => count(knex, tables.map((t) => `history.${t}_history`));

export async function historyFigures(serverUrl: string, rounds = 3): Promise<Figure[]> {
  const mock = await startMockApi({ port: 0, seed: 1 });
  try {
    return await withScratchDatabase(serverUrl, 'qf_bench_history', async (db) => {
      await migrateLatest(db.knex);
      const tables = await historisedTables(db.knex);
      const api = { key: 'bench-key-000000', baseUrl: mock.url };
      const load = { on: [] as number[], off: [] as number[] };
      const rebuild = { on: [] as number[], off: [] as number[] };
      let written = 0;
      let rows = 0;
      for (let round = 0; round < rounds; round++) {
        for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
          await setHistory(db.knex, tables, mode === 'on');
          await empty(db.knex, true);
          load[mode].push(await seconds(() => runLeagueSeason(db.knex, db.url, api, FULL_LOAD, quiet)));
          if (mode === 'on') {
            written = await versions(db.knex, tables);
            rows = await goldenRows(db.knex, tables);
          }
          await empty(db.knex, false);
          rebuild[mode].push(await seconds(() => replay(db.knex, db.url, {}, quiet)));
        }
      }
      await setHistory(db.knex, tables, true);
      const ratio = (times: { on: number[]; off: number[] }) => median(times.on.map((t, i) => t / times.off[i]!));
      return [
        { key: 'history.rows', label: `rows of the historised tables (${tables.join(', ')}), league 39`, value: rows, unit: 'rows' },
        { key: 'history.versions_written', label: 'versions the history kept of that full load', value: written, unit: 'rows' },
        { key: 'history.load_seconds_off', label: 'full load of league 39 (etl run --full), history off', value: median(load.off), unit: 's' },
        { key: 'history.load_seconds_on', label: 'the same load, history on', value: median(load.on), unit: 's', reference: { value: median(load.off), label: 'off s' } },
        { key: 'history.load_ratio', label: 'full load with history against without', value: ratio(load), unit: 'x', goal: '<= 1.10x' },
        { key: 'history.replay_seconds_off', label: 'etl replay of that load, history off', value: median(rebuild.off), unit: 's' },
        { key: 'history.replay_seconds_on', label: 'the same replay, history on', value: median(rebuild.on), unit: 's', reference: { value: median(rebuild.off), label: 'off s' } },
        { key: 'history.replay_ratio', label: 'etl replay with history against without', value: ratio(rebuild), unit: 'x', goal: '<= 1.25x' },
      ];
    });
  } finally {
    await mock.close();
  }
}
