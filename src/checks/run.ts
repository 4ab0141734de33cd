/**
 * `quantfoot check`: runs the data tests of checks/ (each in its own transaction, with a time limit,
 * restricted to the league-seasons it applies to) and the freshness check, and records every result
 * in etl.check_results. A failing test of severity warn is a warning; of severity error, a failure.
 */
import type { Knex } from 'knex';
import type { QuantfootConfig } from '../config/load';
import { withoutPlaceholders } from '../db/sql';
import { ConfigError } from '../errors';
import { freshness } from './freshness';
import { appliesToCondition, readDataTests } from './tests';
import type { ColumnsOf, DataTest, Severity } from './types';

export const FRESHNESS_TEST = 'freshness';
export const FRESHNESS_DESCRIPTION =
  'per league-season: the last successful run, and for a season in progress the newest finished fixture without details, are younger than warn_after_hours (else warn) and error_after_hours (else fail)';
const SAMPLE_ROWS = 5;
const TEST_TIMEOUT = '10min';

export interface CheckResult {
  name: string;
  description: string;
  severity: Severity;
  status: 'pass' | 'warn' | 'fail' | 'error';
  failing: number;
  sample: unknown[];
  /** failing rows per league-season, for tests whose rows carry them */
  league_seasons: Array<{ league_id: number; season: number | null; failing: number }>;
  source: string;
  ms: number;
  error?: string;
}

export interface CheckOptions {
  /** names or globs (`standings_*`) to run; all when empty */
  select?: string[];
  exclude?: string[];
  severity?: Severity;
  league?: number;
  season?: number;
  config?: QuantfootConfig | null;
  /** the checks folder; checks/ (or QUANTFOOT_CHECKS_DIR) by default */
  dir?: string;
  record?: boolean;
}

/** The tests `options` selects, freshness included; an unmatched --select name is a usage error. */
export function selectTests(options: CheckOptions, dir?: string): Array<DataTest | typeof FRESHNESS_TEST> {
  const all: Array<DataTest | typeof FRESHNESS_TEST> = [...readDataTests(dir), FRESHNESS_TEST];
  const nameOf = (t: DataTest | typeof FRESHNESS_TEST) => (t === FRESHNESS_TEST ? t : t.name);
  const severityOf = (t: DataTest | typeof FRESHNESS_TEST): Severity => (t === FRESHNESS_TEST ? 'error' : t.severity);
  for (const pattern of [...(options.select ?? []), ...(options.exclude ?? [])]) {
    if (!all.some((t) => glob(pattern).test(nameOf(t)))) {
      throw new ConfigError(`no data test is named ${pattern}; the tests: ${all.map(nameOf).join(', ')}`);
    }
  }
  return all.filter(
    (t) =>
      (!options.select?.length || options.select.some((p) => glob(p).test(nameOf(t)))) &&
      !options.exclude?.some((p) => glob(p).test(nameOf(t))) &&
      (!options.severity || severityOf(t) === options.severity),
  );
}

export async function runChecks(knex: Knex, options: CheckOptions = {}): Promise<CheckResult[]> {
  const tests = selectTests(options, options.dir);
  const columnsOf = await readColumns(knex);
  const results: CheckResult[] = [];
  for (const test of tests) results.push(test === FRESHNESS_TEST ? await runFreshness(knex, options) : await runTest(knex, test, columnsOf, options));
  if (options.record !== false && results.length > 0) {
    await knex('etl.check_results').insert(
      results.map((r) => ({
        check_name: r.name,
        severity: r.severity,
        status: r.status,
        failing_rows: r.failing,
        sample: JSON.stringify(r.error ? { error: r.error } : r.sample),
      })),
    );
  }
  return results;
}

async function runTest(knex: Knex, test: DataTest, columnsOf: ColumnsOf, options: CheckOptions): Promise<CheckResult> {
  const started = Date.now();
  const base = { name: test.name, description: test.description, severity: test.severity, source: test.source };
  // A test may use jsonb's `?` operator, which knex would take for a placeholder.
  const sql = withoutPlaceholders(test.build(columnsOf).sql);
  const scope: string[] = [];
  const bindings: number[] = [];
  let leagueSeason = false;
  try {
    // Which columns the failing rows have (planned, not run): a rule per league-season returns
    // league_id and season, and only then can applies_to, --league and --season narrow it.
    const { fields } = await knex.raw<{ fields: Array<{ name: string }> }>(`select * from (${sql}) f limit 0`);
    const names = new Set(fields.map((f) => f.name));
    leagueSeason = names.has('league_id') && names.has('season');
  } catch (err) {
    return { ...base, status: 'error', failing: 0, sample: [], league_seasons: [], ms: Date.now() - started, error: reason(err) };
  }
  if (!leagueSeason && !test.appliesTo.includes('all')) {
    const error = `applies_to ${test.appliesTo.join(', ')} needs league_id and season in the failing rows (see checks/README.md)`;
    return { ...base, status: 'error', failing: 0, sample: [], league_seasons: [], ms: Date.now() - started, error };
  }
  if (leagueSeason) {
    if (!test.appliesTo.includes('all')) {
      scope.push(`exists (select 1 from golden.seasons s where s.league_id = f.league_id and s.season = f.season and ${appliesToCondition(test.appliesTo)})`);
    }
    if (options.league !== undefined) {
      scope.push('f.league_id = ?');
      bindings.push(options.league);
    }
    if (options.season !== undefined) {
      scope.push('f.season = ?');
      bindings.push(options.season);
    }
  }
  try {
    const row = await knex.transaction(async (trx) => {
      await trx.raw(`set local statement_timeout = '${TEST_TIMEOUT}'`);
      // The failing rows once (a CTE referenced three times is computed once), then the count, a
      // sample, and the count per league-season.
      const { rows } = await trx.raw(
        `with failing as (${sql}),
         scoped as (select * from failing f${scope.length ? ` where ${scope.join(' and ')}` : ''})
         select (select count(*) from scoped)::int as failing,
                (select coalesce(json_agg(x), '[]') from (select * from scoped limit ${SAMPLE_ROWS}) x) as sample,
                ${
                  leagueSeason
                    ? `(select coalesce(json_agg(g order by g.league_id, g.season), '[]') from (select league_id, season, count(*)::int as failing from scoped group by 1, 2) g)`
                    : `'[]'::json`
                } as league_seasons`,
        bindings,
      );
      return rows[0] as { failing: number; sample: unknown[]; league_seasons: CheckResult['league_seasons'] };
    });
    const status = row.failing === 0 ? 'pass' : test.severity === 'warn' ? 'warn' : 'fail';
    return { ...base, status, failing: row.failing, sample: row.sample, league_seasons: row.league_seasons, ms: Date.now() - started };
  } catch (err) {
    return { ...base, status: 'error', failing: 0, sample: [], league_seasons: [], ms: Date.now() - started, error: reason(err) };
  }
}

/** knex prefixes the statement; PostgreSQL's reason is what a test author needs. */
function reason(err: unknown): string {
  const message = (err as Error).message;
  const at = message.lastIndexOf(' - ');
  return at >= 0 ? message.slice(at + 3) : message;
}

async function runFreshness(knex: Knex, options: CheckOptions): Promise<CheckResult> {
  const started = Date.now();
  const rows = await freshness(knex, options.config ?? null, { league: options.league, season: options.season });
  const late = rows.filter((r) => r.level !== 'pass');
  const status = rows.some((r) => r.level === 'error') ? 'fail' : late.length ? 'warn' : 'pass';
  return {
    name: FRESHNESS_TEST,
    description: FRESHNESS_DESCRIPTION,
    severity: 'error',
    status,
    failing: late.length,
    sample: late.slice(0, SAMPLE_ROWS),
    league_seasons: late.map((r) => ({ league_id: r.league_id, season: r.season, failing: 1 })),
    source: 'quantfoot.yml (freshness)',
    ms: Date.now() - started,
  };
}

/** Columns of every view and table of golden and marts, for the generic tests. */
async function readColumns(knex: Knex): Promise<ColumnsOf> {
  const { rows } = await knex.raw<{ rows: Array<{ relation: string; columns: string[] }> }>(
    `select n.nspname || '.' || c.relname as relation, array_agg(a.attname::text) as columns
     from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
     where n.nspname in ('golden', 'marts') and a.attnum > 0 and not a.attisdropped
     group by 1`,
  );
  const map = new Map(rows.map((r) => [r.relation, new Set(r.columns)]));
  return (relation) => map.get(relation);
}

/** `standings_*` → a regular expression; names without `*` match exactly. */
function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}
