/**
 * Mart contracts (dbt's model contracts and versions): a view file may declare, in its header, the
 * columns and types apps may rely on:
 *
 *   -- contract:
 *   --   fixture_id integer
 *   --   kickoff_at timestamp with time zone
 *
 * Applying the view checks its output against the contract, naming every column that differs; and
 * a contract only grows: removing or retyping a contracted column of an applied view is refused —
 * that change is a new version of the mart (`league_table_v2.sql` beside `league_table.sql`, the old
 * one kept until it is retired by deleting its file). `db verify` reports live views that differ.
 */
import type { Knex } from 'knex';

export interface ContractColumn {
  name: string;
  /** as PostgreSQL's format_type prints it: integer, text, numeric, timestamp with time zone, text[] */
  type: string;
}

const CONTRACT_START = /^--\s*contract\b[^:\n]*:\s*$/;
const CONTRACT_COLUMN = /^--\s+([a-z_][a-z0-9_]*)\s+([a-z][a-z0-9 _()[\],]*?)\s*$/;

/** The contract in the header of a view file, or null when it declares none. */
export function parseContract(sql: string, where: string): ContractColumn[] | null {
  const lines = sql.split('\n');
  const start = lines.findIndex((l) => CONTRACT_START.test(l));
  if (start < 0) return null;
  const columns: ContractColumn[] = [];
  for (const line of lines.slice(start + 1)) {
    const column = CONTRACT_COLUMN.exec(line);
    if (!column) break;
    columns.push({ name: column[1]!, type: normaliseType(column[2]!) });
  }
  if (columns.length === 0) throw new ContractError(`${where}: "-- contract:" is followed by no "--   column type" lines`);
  const twice = columns.find((c, i) => columns.findIndex((d) => d.name === c.name) !== i);
  if (twice) throw new ContractError(`${where}: the contract lists ${twice.name} twice`);
  return columns;
}

export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

/** `int4`, `INTEGER`, `timestamptz` and friends, as format_type prints them. */
function normaliseType(type: string): string {
  const t = type.trim().toLowerCase().replace(/\s+/g, ' ');
  const aliases: Record<string, string> = {
    int: 'integer',
    int4: 'integer',
    int2: 'smallint',
    int8: 'bigint',
    bool: 'boolean',
    timestamptz: 'timestamp with time zone',
    timestamp: 'timestamp without time zone',
    float8: 'double precision',
    varchar: 'character varying',
  };
  return aliases[t] ?? t;
}

/** The output columns of a view (or table), in order. */
export async function relationColumns(knex: Knex, relation: string): Promise<ContractColumn[] | null> {
  const { rows } = await knex.raw<{ rows: Array<{ name: string; type: string }> }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
     from pg_attribute a
     where a.attrelid = to_regclass(?) and a.attnum > 0 and not a.attisdropped
     order by a.attnum`,
    [relation],
  );
  const { rows: exists } = await knex.raw<{ rows: Array<{ present: boolean }> }>('select to_regclass(?) is not null as present', [relation]);
  return exists[0]?.present ? rows : null;
}

/** Every difference between a view's output and its contract, one sentence each. */
export function contractDifferences(contract: readonly ContractColumn[], actual: readonly ContractColumn[]): string[] {
  const out: string[] = [];
  const have = new Map(actual.map((c) => [c.name, c.type]));
  const promised = new Map(contract.map((c) => [c.name, c.type]));
  for (const c of contract) {
    const type = have.get(c.name);
    if (type === undefined) out.push(`contracted column ${c.name} (${c.type}) is missing`);
    // numeric(p,s) in a contract is exact; a bare numeric accepts any precision.
    else if (type !== c.type && !(c.type === 'numeric' && type.startsWith('numeric'))) out.push(`column ${c.name} is ${type}, the contract says ${c.type}`);
  }
  for (const c of actual) if (!promised.has(c.name)) out.push(`column ${c.name} (${c.type}) is not in the contract: add it there (a contract may grow)`);
  return out;
}

/**
 * Contracted columns that `to` drops or retypes compared with `from` (the applied definitions of
 * the same views): breaking changes, which need a new version of the mart instead.
 */
export function contractBreaks(
  from: ReadonlyArray<{ name: string; file: string; contract: ContractColumn[] | null }>,
  to: ReadonlyArray<{ name: string; file: string; contract: ContractColumn[] | null }>,
): string[] {
  const after = new Map(to.map((d) => [d.name, d]));
  const out: string[] = [];
  for (const old of from) {
    const next = after.get(old.name);
    if (!old.contract || !next) continue;
    const promised = new Map((next.contract ?? []).map((c) => [c.name, c.type]));
    for (const c of old.contract) {
      const type = promised.get(c.name);
      if (type === undefined) out.push(`views/${next.file}: ${old.name}.${c.name} (${c.type}) is contracted and may not be removed`);
      else if (type !== c.type) out.push(`views/${next.file}: ${old.name}.${c.name} is contracted as ${c.type} and may not become ${type}`);
    }
  }
  return out;
}
