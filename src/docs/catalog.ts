/**
 * What the docs site shows of the live database, read from PostgreSQL's own catalog (never from the
 * migration files): schemas, tables and views with their comments, columns, constraints, indexes,
 * row counts, the SQL of each view, and which relations each view reads (pg_depend on its rewrite
 * rule, the dependency PostgreSQL itself enforces).
 */
import type { Knex } from 'knex';
import { appliedViewStates, historyExists, VIEW_HISTORY_TABLE, VIEWS_SCHEMA } from '../db/views';

/** The tables of the ER diagram; the marts are VIEWS_SCHEMA. */
export const GOLDEN_SCHEMA = 'golden';

/** The schemas migrations own, in the order a newcomer should meet them. */
export const DOCUMENTED_SCHEMAS: readonly string[] = [GOLDEN_SCHEMA, VIEWS_SCHEMA, 'history', 'raw', 'etl'];

/**
 * Tables estimated above this are not counted exactly: a count(*) reads the whole table, and the
 * planner's estimate (refreshed by autovacuum) is close enough to tell a big table from a small one.
 */
const EXACT_COUNT_LIMIT = 1_000_000;

export type RelationKind = 'table' | 'partitioned table' | 'view' | 'materialized view';

export interface Column {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  comment: string | null;
}

export type ConstraintKind = 'primary key' | 'foreign key' | 'unique' | 'check' | 'exclusion';

export interface Constraint {
  name: string;
  kind: ConstraintKind;
  columns: string[];
  /** PostgreSQL's own text of it (pg_get_constraintdef). */
  definition: string;
  /** A check's condition, without the CHECK keyword and its outer parentheses. */
  condition: string | null;
  references: { relation: string; columns: string[]; onDelete: string | null; onUpdate: string | null } | null;
  validated: boolean;
  comment: string | null;
}

export interface Index {
  name: string;
  /** Method, key columns or expressions, INCLUDE and WHERE: the part of CREATE INDEX after USING. */
  summary: string;
  keys: string[];
  unique: boolean;
  /** The primary key, unique or exclusion constraint it backs. */
  constraint: string | null;
}

export interface RowCount {
  rows: number;
  estimated: boolean;
}

export interface ViewSource {
  /** The file under views/ and its sha256 as the migrator applied them (etl.view_definitions). */
  file: string | null;
  checksum: string | null;
  appliedAt: Date | null;
  sql: string;
}

export interface Relation {
  /** schema.name */
  id: string;
  schema: string;
  name: string;
  kind: RelationKind;
  comment: string | null;
  columns: Column[];
  constraints: Constraint[];
  indexes: Index[];
  /** Tables only; counting a view would run it. */
  rowCount: RowCount | null;
  view: ViewSource | null;
  /** What this view selects from, schema-qualified, including relations outside the documented schemas. */
  reads: string[];
}

export interface Schema {
  name: string;
  comment: string | null;
  relations: Relation[];
}

export interface Catalog {
  database: string;
  serverVersion: string;
  schemas: Schema[];
  relations: Map<string, Relation>;
}

const KINDS: Record<string, RelationKind> = { r: 'table', p: 'partitioned table', v: 'view', m: 'materialized view' };
const CONSTRAINT_KINDS: Record<string, ConstraintKind> = { p: 'primary key', f: 'foreign key', u: 'unique', c: 'check', x: 'exclusion' };
const CONSTRAINT_ORDER: ConstraintKind[] = ['primary key', 'unique', 'foreign key', 'check', 'exclusion'];
// pg_constraint.confdeltype / confupdtype; 'a' (no action) is the default and goes unsaid.
const REFERENTIAL_ACTIONS: Record<string, string | null> = { a: null, r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

export async function readCatalog(knex: Knex): Promise<Catalog> {
  const schemaNames = [...DOCUMENTED_SCHEMAS];
  const rows = async <T>(sql: string, bindings: readonly Knex.RawBinding[] = [schemaNames]): Promise<T[]> => (await knex.raw<{ rows: T[] }>(sql, bindings)).rows;

  const [about] = await rows<{ database: string; version: string }>(`select current_database() as database, current_setting('server_version') as version`, []);
  const schemas = await rows<{ name: string; comment: string | null }>(
    `select nspname as name, obj_description(oid, 'pg_namespace') as comment from pg_namespace where nspname = any(?)`,
  );
  const relations = await rows<{ oid: number; schema: string; name: string; kind: string; comment: string | null; estimate: number; definition: string | null }>(
    `select c.oid::int as oid, n.nspname as schema, c.relname as name, c.relkind::text as kind,
            obj_description(c.oid, 'pg_class') as comment, c.reltuples::float8 as estimate,
            case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as definition
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any(?) and c.relkind in ('r', 'p', 'v', 'm') and not c.relispartition
     order by n.nspname, c.relname`,
  );
  const columns = await rows<{ oid: number; name: string; type: string; not_null: boolean; default: string | null; identity: string; generated: string; comment: string | null }>(
    `select a.attrelid::int as oid, a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
            pg_get_expr(d.adbin, d.adrelid) as default, a.attidentity::text as identity, a.attgenerated::text as generated,
            col_description(a.attrelid, a.attnum) as comment
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where n.nspname = any(?) and c.relkind in ('r', 'p', 'v', 'm') and a.attnum > 0 and not a.attisdropped
     order by a.attrelid, a.attnum`,
  );
  const constraints = await rows<{
    oid: number; name: string; type: string; definition: string; condition: string | null; columns: string[];
    ref_schema: string | null; ref_name: string | null; ref_columns: string[]; on_delete: string; on_update: string; validated: boolean; comment: string | null;
  }>(
    `select co.conrelid::int as oid, co.conname::text as name, co.contype::text as type, pg_get_constraintdef(co.oid, true) as definition,
            pg_get_expr(co.conbin, co.conrelid, true) as condition,
            array(select a.attname::text from unnest(co.conkey) with ordinality k(attnum, i)
                  join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.attnum order by k.i) as columns,
            fn.nspname::text as ref_schema, fc.relname::text as ref_name,
            array(select a.attname::text from unnest(co.confkey) with ordinality k(attnum, i)
                  join pg_attribute a on a.attrelid = co.confrelid and a.attnum = k.attnum order by k.i) as ref_columns,
            co.confdeltype::text as on_delete, co.confupdtype::text as on_update, co.convalidated as validated,
            obj_description(co.oid, 'pg_constraint') as comment
     from pg_constraint co join pg_class c on c.oid = co.conrelid join pg_namespace n on n.oid = c.relnamespace
     left join pg_class fc on fc.oid = co.confrelid left join pg_namespace fn on fn.oid = fc.relnamespace
     where n.nspname = any(?) and co.contype in ('p', 'f', 'u', 'c', 'x')
     order by co.conrelid, co.conname`,
  );
  const indexes = await rows<{ oid: number; name: string; definition: string; keys: string[]; unique: boolean; constraint: string | null }>(
    `select i.indrelid::int as oid, ic.relname::text as name, pg_get_indexdef(i.indexrelid) as definition,
            array(select pg_get_indexdef(i.indexrelid, k, true) from generate_series(1, i.indnkeyatts) k order by k) as keys,
            i.indisunique as unique, co.conname::text as constraint
     from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid
     join pg_namespace n on n.oid = c.relnamespace
     left join pg_constraint co on co.conindid = i.indexrelid and co.conrelid = i.indrelid and co.contype in ('p', 'u', 'x')
     where n.nspname = any(?)
     order by i.indrelid, ic.relname`,
  );
  const reads = await rows<{ oid: number; source: string }>(
    `select distinct rw.ev_class::int as oid, sn.nspname || '.' || sc.relname as source
     from pg_rewrite rw
     join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = rw.oid and d.refclassid = 'pg_class'::regclass
     join pg_class sc on sc.oid = d.refobjid join pg_namespace sn on sn.oid = sc.relnamespace
     join pg_class v on v.oid = rw.ev_class join pg_namespace n on n.oid = v.relnamespace
     where n.nspname = any(?) and d.refobjid <> rw.ev_class and sc.relkind in ('r', 'p', 'v', 'm', 'f')
     order by 1, 2`,
  );
  const viewFiles = await appliedViewFiles(knex);

  const byOid = new Map<number, Relation>();
  for (const r of relations) {
    const id = `${r.schema}.${r.name}`;
    const file = viewFiles.get(id);
    byOid.set(r.oid, {
      id,
      schema: r.schema,
      name: r.name,
      kind: KINDS[r.kind]!,
      comment: r.comment,
      columns: [],
      constraints: [],
      indexes: [],
      rowCount: null,
      view: r.definition === null ? null : file ?? { file: null, checksum: null, appliedAt: null, sql: r.definition },
      reads: [],
    });
  }
  for (const c of columns) {
    byOid.get(c.oid)?.columns.push({ name: c.name, type: c.type, nullable: !c.not_null, default: describeDefault(c), comment: c.comment });
  }
  for (const c of constraints) {
    byOid.get(c.oid)?.constraints.push({
      name: c.name,
      kind: CONSTRAINT_KINDS[c.type]!,
      columns: c.columns,
      definition: c.definition,
      condition: c.type === 'c' && c.condition !== null ? unwrapParentheses(c.condition) : null,
      references: c.type === 'f' ? { relation: `${c.ref_schema}.${c.ref_name}`, columns: c.ref_columns, onDelete: REFERENTIAL_ACTIONS[c.on_delete] ?? null, onUpdate: REFERENTIAL_ACTIONS[c.on_update] ?? null } : null,
      validated: c.validated,
      comment: c.comment,
    });
  }
  for (const i of indexes) {
    byOid.get(i.oid)?.indexes.push({ name: i.name, summary: i.definition.replace(/^.* USING /, ''), keys: i.keys, unique: i.unique, constraint: i.constraint });
  }
  for (const r of reads) byOid.get(r.oid)?.reads.push(r.source);
  for (const relation of byOid.values()) {
    relation.constraints.sort((a, b) => CONSTRAINT_ORDER.indexOf(a.kind) - CONSTRAINT_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
  }
  for (const r of relations) {
    const relation = byOid.get(r.oid)!;
    if (relation.kind === 'table' || relation.kind === 'partitioned table') relation.rowCount = await countRows(knex, relation, r.estimate);
  }

  const all = [...byOid.values()];
  const byName = new Map(schemas.map((s) => [s.name, s.comment]));
  return {
    database: about!.database,
    serverVersion: about!.version,
    schemas: DOCUMENTED_SCHEMAS.filter((name) => byName.has(name)).map((name) => ({
      name,
      comment: byName.get(name) ?? null,
      relations: all.filter((r) => r.schema === name),
    })),
    relations: new Map(all.map((r) => [r.id, r])),
  };
}

/** The view files of the current views state, keyed by view: their text keeps the author's comments. */
async function appliedViewFiles(knex: Knex): Promise<Map<string, ViewSource>> {
  const state = (await appliedViewStates(knex)).at(-1);
  if (!state || !(await historyExists(knex))) return new Map();
  const rows: Array<{ view_name: string; file_path: string; checksum: string; definition: string; applied_at: Date }> = await knex(VIEW_HISTORY_TABLE)
    .where({ migration_name: state })
    .select('view_name', 'file_path', 'checksum', 'definition', 'applied_at');
  return new Map(rows.map((r) => [r.view_name, { file: `views/${r.file_path}`, checksum: r.checksum, appliedAt: r.applied_at, sql: r.definition }]));
}

async function countRows(knex: Knex, relation: Relation, estimate: number): Promise<RowCount> {
  // reltuples is -1 for a table never vacuumed or analysed: no estimate, so count.
  if (estimate >= EXACT_COUNT_LIMIT) return { rows: Math.round(estimate), estimated: true };
  const [row] = await knex.withSchema(relation.schema).from(relation.name).count<Array<{ n: string }>>({ n: '*' });
  return { rows: Number(row!.n), estimated: false };
}

function describeDefault(c: { default: string | null; identity: string; generated: string }): string | null {
  if (c.identity === 'a') return 'generated always as identity';
  if (c.identity === 'd') return 'generated by default as identity';
  if (c.generated === 's') return `generated always as (${c.default}) stored`;
  return c.default;
}

/** `((a >= 0) AND (b >= 0))` → `(a >= 0) AND (b >= 0)`: only parentheses that enclose the whole text. */
export function unwrapParentheses(text: string): string {
  let inner = text.trim();
  while (inner.startsWith('(') && inner.endsWith(')') && closingParenthesis(inner) === inner.length - 1) inner = inner.slice(1, -1).trim();
  return inner;
}

/** Where the parenthesis opened at 0 closes, skipping quoted text. */
function closingParenthesis(text: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** A table, plain or partitioned: what has rows of its own, indexes and foreign keys. */
export function isTable(relation: Relation): boolean {
  return relation.kind === 'table' || relation.kind === 'partitioned table';
}

/**
 * A view's columns whose names belong to a key or an index of a table it reads, directly or through
 * other views: the ones a WHERE can hand down to an index (league_id, season, team_id…).
 */
export function filterColumns(catalog: Catalog, view: Relation): string[] {
  const indexed = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const relation = catalog.relations.get(id);
    if (!relation) return;
    if (isTable(relation)) for (const index of relation.indexes) for (const key of index.keys) indexed.add(key);
    for (const source of relation.reads) visit(source);
  };
  for (const source of view.reads) visit(source);
  return view.columns.map((c) => c.name).filter((name) => indexed.has(name));
}
