/**
 * Generic tests (dbt's four kinds), declared per area in checks/generic/*.yml:
 *
 *   marts.league_table:                      # a view or table, schema-qualified
 *     severity: error                        # optional: for every test of this model
 *     unique: [[league_id, season, group_name, team_id]]
 *     columns:
 *       team_id: [not_null, { relationships: { to: golden.teams, field: team_id } }]
 *       winner: [{ accepted_values: [home, away, draw] }]
 *       type: [{ not_null: { severity: warn } }]
 *
 * Each becomes a test named like dbt's (`not_null_league_table_team_id`) returning the failing rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ConfigError } from '../errors';
import { sqlLiteral } from '../db/sql';
import { parseSeverity, type ColumnsOf, type DataTest, type Severity } from './types';

const IDENT = '^[a-z_][a-z0-9_]*$';
const RELATION = '^[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*$';
const severity = { type: 'string', enum: ['error', 'warn'] } as const;
const options = { type: 'object', additionalProperties: false, properties: { severity } } as const;
const scalar = { type: ['string', 'number', 'boolean'] } as const;

const TEST = {
  anyOf: [
    { type: 'string', enum: ['not_null', 'unique'] },
    {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      properties: {
        not_null: options,
        unique: options,
        accepted_values: {
          anyOf: [
            { type: 'array', minItems: 1, items: scalar },
            { type: 'object', additionalProperties: false, required: ['values'], properties: { values: { type: 'array', minItems: 1, items: scalar }, severity } },
          ],
        },
        relationships: {
          type: 'object',
          additionalProperties: false,
          required: ['to', 'field'],
          properties: { to: { type: 'string', pattern: RELATION }, field: { type: 'string', pattern: IDENT }, severity },
        },
      },
    },
  ],
} as const;

const FILE_SCHEMA = {
  type: 'object',
  propertyNames: { pattern: RELATION },
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    properties: {
      severity,
      unique: { type: 'array', items: { type: 'array', minItems: 1, items: { type: 'string', pattern: IDENT } } },
      columns: { type: 'object', propertyNames: { pattern: IDENT }, additionalProperties: { type: 'array', items: TEST } },
    },
  },
} as const;

const validate = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile(FILE_SCHEMA);

type TestSpec = string | Record<string, unknown>;
interface ModelSpec {
  severity?: Severity;
  unique?: string[][];
  columns?: Record<string, TestSpec[]>;
}

export function readGenericTests(dir: string): DataTest[] {
  if (!fs.existsSync(dir)) return [];
  const tests: DataTest[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const source = path.join('generic', file);
    let doc: unknown;
    try {
      doc = parse(fs.readFileSync(path.join(dir, file), 'utf8'), { uniqueKeys: true, maxAliasCount: 50 }) ?? {};
    } catch (err) {
      throw new ConfigError(`${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    }
    if (!validate(doc)) {
      const e = validate.errors?.[0];
      throw new ConfigError(`${source}: ${e?.instancePath || '(top level)'} ${e?.message ?? 'is not a generic test declaration'} (see the comment of src/checks/generic.ts)`);
    }
    for (const [model, spec] of Object.entries(doc as Record<string, ModelSpec>)) tests.push(...modelTests(model, spec, source));
  }
  return tests;
}

function modelTests(model: string, spec: ModelSpec, source: string): DataTest[] {
  const table = model.split('.')[1]!;
  const where = `${source}: ${model}: `;
  const modelSeverity = spec.severity ?? 'error';
  const tests: DataTest[] = [];
  const add = (name: string, description: string, sev: Severity, query: (leagueSeason: boolean) => string) =>
    tests.push({
      name: name.slice(0, 63),
      description,
      severity: sev,
      appliesTo: ['all'],
      source,
      build: (columnsOf: ColumnsOf) => {
        const columns = columnsOf(model);
        const leagueSeason = !!columns && columns.has('league_id') && columns.has('season');
        return { sql: query(leagueSeason) };
      },
    });
  for (const columns of spec.unique ?? []) {
    add(`unique_${table}_${columns.join('_')}`, `${model}: one row per (${columns.join(', ')})`, modelSeverity, (ls) => uniqueSql(model, columns, ls));
  }
  for (const [column, list] of Object.entries(spec.columns ?? {})) {
    for (const test of list) {
      const [kind, arg] = typeof test === 'string' ? [test, undefined] : (Object.entries(test)[0] as [string, unknown]);
      const sev = (arg && typeof arg === 'object' && !Array.isArray(arg) && 'severity' in arg ? parseSeverity(String(arg.severity), where) : modelSeverity) as Severity;
      switch (kind) {
        case 'not_null':
          add(`not_null_${table}_${column}`, `${model}.${column} is never null`, sev, () => `select * from ${model} where ${column} is null`);
          break;
        case 'unique':
          add(`unique_${table}_${column}`, `${model}.${column} is unique`, sev, (ls) => uniqueSql(model, [column], ls));
          break;
        case 'accepted_values': {
          const values = (Array.isArray(arg) ? arg : (arg as { values: unknown[] }).values).map((v) => String(v));
          add(
            `accepted_values_${table}_${column}`,
            `${model}.${column} is one of ${values.join(', ')} (or null)`,
            sev,
            () => `select * from ${model} where ${column} is not null and ${column}::text not in (${values.map(sqlLiteral).join(', ')})`,
          );
          break;
        }
        case 'relationships': {
          const { to, field } = arg as { to: string; field: string };
          add(
            `relationships_${table}_${column}_${to.split('.')[1]}`,
            `every ${model}.${column} is a ${to}.${field}`,
            sev,
            () => `select m.* from ${model} m where m.${column} is not null and not exists (select 1 from ${to} r where r.${field} = m.${column})`,
          );
          break;
        }
        default:
          throw new ConfigError(`${where}${column}: unknown test ${kind}`);
      }
    }
  }
  return tests;
}

/** Duplicated key values, each with how often it occurs (and, for a mart by league-season, the first one's). */
function uniqueSql(model: string, columns: readonly string[], leagueSeason: boolean): string {
  const keyed = columns.includes('league_id') && columns.includes('season');
  const extra = leagueSeason && !keyed ? ', min(league_id) as league_id, min(season) as season' : '';
  return `select ${columns.join(', ')}${extra}, count(*)::int as occurrences from ${model} group by ${columns.join(', ')} having count(*) > 1`;
}
