/**
 * Data tests as files (dbt's singular and generic tests): every `.sql` file of checks/ is one test
 * returning the rows that break it, under a header of `-- key: value` lines; every `.yml` file of
 * checks/generic/ declares not_null, unique, accepted_values and relationships tests on the marts'
 * columns (generic.ts). Adding a test is adding a file: no TypeScript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { PROJECT_ROOT } from '../db/paths';
import { readGenericTests } from './generic';
import { APPLIES_TO, parseSeverity, type AppliesTo, type DataTest } from './types';

export const CHECKS_DIR = path.join(PROJECT_ROOT, 'checks');

/** The checks folder: QUANTFOOT_CHECKS_DIR when set (a deployment's own tests), else checks/. */
export function checksDirFromEnv(): string {
  const fromEnv = process.env.QUANTFOOT_CHECKS_DIR;
  return fromEnv ? path.resolve(fromEnv) : CHECKS_DIR;
}

const HEADER_KEYS = ['name', 'description', 'severity', 'applies_to'] as const;
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Every test of the folder: singular SQL files, then the generic ones, names unique. */
export function readDataTests(dir: string = checksDirFromEnv()): DataTest[] {
  if (!fs.existsSync(dir)) throw new ConfigError(`the checks folder ${dir} does not exist`);
  const tests = [
    ...fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => readSingularTest(path.join(dir, f), f)),
    ...readGenericTests(path.join(dir, 'generic')),
  ];
  const seen = new Map<string, string>();
  for (const t of tests) {
    const other = seen.get(t.name);
    if (other) throw new ConfigError(`two data tests are named ${t.name}: ${other} and ${t.source}`);
    seen.set(t.name, t.source);
  }
  return tests;
}

/** One `.sql` test: its header, then the query (no trailing semicolon needed). */
export function readSingularTest(file: string, source: string): DataTest {
  const text = fs.readFileSync(file, 'utf8');
  const header: Partial<Record<(typeof HEADER_KEYS)[number], string>> = {};
  const lines = text.split(/\r?\n/);
  let body = 0;
  for (; body < lines.length; body++) {
    const line = lines[body]!;
    const field = /^--\s*([a-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!field) {
      if (/^\s*(--.*)?$/.test(line)) continue;
      break;
    }
    const key = field[1] as (typeof HEADER_KEYS)[number];
    if (!HEADER_KEYS.includes(key)) throw new ConfigError(`${source}:${body + 1}: unknown header key "${field[1]}" (expected ${HEADER_KEYS.join(', ')})`);
    header[key] = field[2];
  }
  const sql = lines.slice(body).join('\n').trim().replace(/;\s*$/, '');
  const name = header.name ?? path.basename(file, '.sql');
  const where = `${source}: `;
  if (!NAME.test(name)) throw new ConfigError(`${where}the name ${JSON.stringify(name)} is not lower_snake_case (at most 63 characters)`);
  if (!header.description) throw new ConfigError(`${where}the header needs "-- description: what the test guards"`);
  const severity = parseSeverity(header.severity, where);
  const appliesTo = parseAppliesTo(header.applies_to, where);
  if (!sql) throw new ConfigError(`${where}no query after the header`);
  if (/;\s*\S/.test(sql.replace(/'(?:[^']|'')*'/g, "''").replace(/--[^\n]*/g, ''))) throw new ConfigError(`${where}one query per test (a select returning the failing rows), not several statements`);
  return { name, description: header.description, severity, appliesTo, source, build: () => ({ sql }) };
}

function parseAppliesTo(raw: string | undefined, where: string): AppliesTo[] {
  const values = (raw ?? 'all').split(',').map((v) => v.trim()).filter(Boolean);
  for (const v of values) {
    if (!APPLIES_TO.includes(v as AppliesTo)) throw new ConfigError(`${where}applies_to ${JSON.stringify(v)}: expected ${APPLIES_TO.join(', ')} (several separated by commas)`);
  }
  const conditions = values.filter((v) => v !== 'all') as AppliesTo[];
  return conditions.length ? conditions : ['all'];
}

/** The condition on golden.seasons `s` that a league-season must meet for the test to apply. */
export function appliesToCondition(appliesTo: readonly AppliesTo[]): string {
  const parts = appliesTo.map((a) => {
    switch (a) {
      case 'all':
        return 'true';
      case 'current':
        return '(s.is_current or coalesce(s.end_date >= current_date, false))';
      case 'past':
        return 'not (s.is_current or coalesce(s.end_date >= current_date, false))';
      default:
        // Unknown coverage (null) is tested: only a season that says "no" is spared.
        return `s.${a} is not false`;
    }
  });
  return parts.join(' and ');
}
