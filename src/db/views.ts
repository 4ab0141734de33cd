/**
 * The views of `views/` as repeatable objects (Flyway's R__ model on top of knex, which has none):
 * one CREATE VIEW per file, identified by a sha256 of its text. A change is applied by dropping the
 * changed views and the views that select from them, then creating them again in dependency order;
 * knex runs it as a migration (see view-migrations.ts), so it shares the batch's transaction.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { QuantfootError } from '../errors';
import { ContractError, contractDifferences, parseContract, relationColumns, type ContractColumn } from './contracts';
import { VIEWS_DIR } from './paths';
import { withoutPlaceholders } from './sql';

/** The schema every view file creates its view in. */
export const VIEWS_SCHEMA = 'marts';

export interface ViewDefinition {
  /** Schema-qualified view name, e.g. marts.fixture_results. */
  name: string;
  /** Path of the file under the views folder, e.g. marts/fixture_results.sql. */
  file: string;
  /** The file's text (line endings normalised to \n), executed as it is. */
  sql: string;
  /** sha256 of `sql`, hex. */
  checksum: string;
  /** The other views it selects from, schema-qualified. */
  dependsOn: string[];
  /** The columns and types its header promises (contracts.ts); null when it promises none. */
  contract: ContractColumn[] | null;
  /**
   * A materialized view (`create materialized view`): its rows are stored, so reading it costs
   * what reading a table does; refreshed after every load that wrote rows (refreshMaterializedMarts).
   */
  materialized: boolean;
}

export class ViewDefinitionError extends QuantfootError {}

/** The views folder: QUANTFOOT_VIEWS_DIR when set (tests edit a copy), else the checkout's views/. */
export function viewsDirFromEnv(): string {
  const fromEnv = process.env.QUANTFOOT_VIEWS_DIR;
  return fromEnv ? path.resolve(fromEnv) : VIEWS_DIR;
}

/** Reads, validates and orders (dependencies first) every `.sql` file under `dir`. */
export function readViewDefinitions(dir: string): ViewDefinition[] {
  if (!fs.existsSync(dir)) return [];
  const files = listSqlFiles(dir);
  const definitions = files.map((file) => parseViewFile(file, fs.readFileSync(path.join(dir, file), 'utf8')));
  const byName = new Map<string, ViewDefinition>();
  for (const definition of definitions) {
    const twin = byName.get(definition.name);
    if (twin) throw new ViewDefinitionError(`views/${definition.file} and views/${twin.file} both define ${definition.name}; a view name must be unique across layers`);
    byName.set(definition.name, definition);
  }
  for (const definition of definitions) {
    const unknown = definition.dependsOn.filter((d) => !byName.has(d));
    if (unknown.length) throw new ViewDefinitionError(`views/${definition.file} selects from ${unknown.join(', ')}, which no file under views/ defines`);
  }
  return orderByDependencies(definitions);
}

function listSqlFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listSqlFiles(dir, relative));
    else if (entry.name.endsWith('.sql')) out.push(relative);
  }
  return out;
}

const IDENT = '"?([a-z_][a-z0-9_]*)"?';
const CREATE_VIEW = new RegExp(`^create\\s+(?:or\\s+replace\\s+)?(materialized\\s+)?view\\s+${IDENT}\\s*\\.\\s*${IDENT}`, 'i');
const CREATE_INDEX_ON = new RegExp(`^create\\s+(?:unique\\s+)?index\\s+${IDENT}\\s+on\\s+${IDENT}\\s*\\.\\s*${IDENT}\\s*(?:using\\s+\\w+\\s*)?\\(`, 'i');
const VIEW_REFERENCE = new RegExp(`\\b${VIEWS_SCHEMA}\\s*\\.\\s*${IDENT}`, 'gi');

/**
 * One view file: exactly one CREATE VIEW (or CREATE MATERIALIZED VIEW) of marts.<file name>, followed
 * only by COMMENT ON statements and, for a materialized view, CREATE INDEX on it, so that a file is a
 * definition, never a script with side effects.
 */
export function parseViewFile(file: string, text: string): ViewDefinition {
  const base = path.posix.basename(file, '.sql');
  if (!/^[a-z_][a-z0-9_]*$/.test(base)) throw new ViewDefinitionError(`views/${file}: a view file is named <view name>.sql in lower case (letters, digits, _)`);
  const sql = text.replace(/\r\n?/g, '\n');
  // knex reads `?` as a bind parameter even in a query without bindings; applyViewPlan escapes each
  // one, which cannot be told apart from a `\?` already in the text.
  if (sql.includes('\\?')) throw new ViewDefinitionError(`views/${file}: "\\?" cannot be applied through knex; write it another way`);
  const code = stripLiteralsAndComments(sql);
  const statements = code.split(';').map((s) => s.trim()).filter((s) => s.length > 0);
  const create = statements[0] ? CREATE_VIEW.exec(statements[0]) : null;
  if (!create) throw new ViewDefinitionError(`views/${file}: must start with CREATE VIEW ${VIEWS_SCHEMA}.${base}`);
  const [, materializedKeyword, schema, view] = create;
  const materialized = !!materializedKeyword;
  if (schema?.toLowerCase() !== VIEWS_SCHEMA || view?.toLowerCase() !== base) {
    throw new ViewDefinitionError(`views/${file}: creates ${schema}.${view}, but this file must create ${VIEWS_SCHEMA}.${base} (file name = view name)`);
  }
  for (const statement of statements.slice(1)) {
    if (/^comment\s+on\s/i.test(statement)) continue;
    const index = CREATE_INDEX_ON.exec(statement);
    if (index && materialized) {
      if (index[2]?.toLowerCase() !== VIEWS_SCHEMA || index[3]?.toLowerCase() !== base) throw new ViewDefinitionError(`views/${file}: an index here must be on ${VIEWS_SCHEMA}.${base}, not ${index[2]}.${index[3]}`);
      continue;
    }
    throw new ViewDefinitionError(
      `views/${file}: only COMMENT ON statements${materialized ? ' and CREATE INDEX on the view' : ''} may follow the CREATE ${materialized ? 'MATERIALIZED ' : ''}VIEW, not: ${statement.slice(0, 60)}`,
    );
  }
  const name = `${VIEWS_SCHEMA}.${base}`;
  const dependsOn = new Set<string>();
  for (const match of statements[0]!.matchAll(VIEW_REFERENCE)) {
    const referenced = `${VIEWS_SCHEMA}.${match[1]!.toLowerCase()}`;
    if (referenced !== name) dependsOn.add(referenced);
  }
  let contract: ContractColumn[] | null;
  try {
    contract = parseContract(sql, `views/${file}`);
  } catch (err) {
    if (err instanceof ContractError) throw new ViewDefinitionError(err.message);
    throw err;
  }
  return { name, file, sql, checksum: sha256(sql), dependsOn: [...dependsOn].sort(), contract, materialized };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The SQL with string literals, dollar-quoted bodies and comments blanked out, so that a view named
 * in a comment or a COMMENT ON text is not mistaken for a dependency or a statement boundary.
 */
export function stripLiteralsAndComments(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      out += ' ';
    } else if (c === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      i = j + 1;
      out += "''";
    } else if (c === '$' && /^\$[a-z_]*\$/i.test(sql.slice(i))) {
      const tag = /^\$[a-z_]*\$/i.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? sql.length : end + tag.length;
      out += "''";
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Dependencies first; ties in name order, so the same set always applies in the same order. */
export function orderByDependencies(definitions: readonly ViewDefinition[]): ViewDefinition[] {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const ordered: ViewDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (definition: ViewDefinition, trail: string[]) => {
    const seen = state.get(definition.name);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new ViewDefinitionError(`views depend on each other in a cycle: ${[...trail, definition.name].join(' -> ')}`);
    state.set(definition.name, 'visiting');
    for (const dependency of definition.dependsOn) {
      const target = byName.get(dependency);
      if (target) visit(target, [...trail, definition.name]);
    }
    state.set(definition.name, 'done');
    ordered.push(definition);
  };
  for (const definition of [...definitions].sort((a, b) => a.name.localeCompare(b.name))) visit(definition, []);
  return ordered;
}

export type ViewChangeKind = 'added' | 'changed' | 'removed' | 'dependant';

export interface ViewPlan {
  /** Views to drop, dependants before what they select from. */
  drop: string[];
  /** Those of `drop` that are materialized views (dropped as such). */
  materialized?: string[];
  /** Views to create, dependencies first. */
  create: ViewDefinition[];
  /** Why each view is touched. */
  changes: Array<{ view: string; kind: ViewChangeKind }>;
}

/**
 * What turns the views of `from` into those of `to`: the views whose checksum differs (or that
 * appear or disappear), plus every view that selects from one of them, because PostgreSQL will not
 * drop a view that another view still uses.
 */
export function planViewChanges(from: readonly ViewDefinition[], to: readonly ViewDefinition[]): ViewPlan {
  const before = new Map(from.map((d) => [d.name, d]));
  const after = new Map(to.map((d) => [d.name, d]));
  const changes = new Map<string, ViewChangeKind>();
  for (const d of to) {
    const old = before.get(d.name);
    if (!old) changes.set(d.name, 'added');
    else if (old.checksum !== d.checksum) changes.set(d.name, 'changed');
  }
  for (const d of from) if (!after.has(d.name)) changes.set(d.name, 'removed');

  const dependants = new Map<string, string[]>();
  for (const d of from) for (const dep of d.dependsOn) dependants.set(dep, [...(dependants.get(dep) ?? []), d.name]);
  const dropSet = new Set<string>();
  const pending = [...changes.keys()].filter((name) => before.has(name));
  while (pending.length) {
    const name = pending.pop()!;
    if (dropSet.has(name)) continue;
    dropSet.add(name);
    for (const dependant of dependants.get(name) ?? []) {
      if (!changes.has(dependant)) changes.set(dependant, 'dependant');
      pending.push(dependant);
    }
  }
  const dropped = orderByDependencies(from).filter((d) => dropSet.has(d.name));
  const drop = dropped.map((d) => d.name).reverse();
  const materialized = dropped.filter((d) => d.materialized).map((d) => d.name);
  const create = orderByDependencies(to).filter((d) => changes.has(d.name) && changes.get(d.name) !== 'removed');
  const order = new Map([...drop, ...create.map((d) => d.name)].map((n, i) => [n, i]));
  const listed = [...changes].map(([view, kind]) => ({ view, kind }));
  listed.sort((a, b) => (order.get(a.view) ?? 0) - (order.get(b.view) ?? 0) || a.view.localeCompare(b.view));
  return { drop, materialized, create, changes: listed };
}

function dropStatement(plan: ViewPlan, name: string): string {
  return `drop ${plan.materialized?.includes(name) ? 'materialized view' : 'view'} if exists ${name}`;
}

export function isEmptyPlan(plan: ViewPlan): boolean {
  return plan.drop.length === 0 && plan.create.length === 0;
}

/** The statements of a plan, as `db plan` prints them and as they run. */
export function viewPlanStatements(plan: ViewPlan): string[] {
  return [...plan.drop.map((name) => `${dropStatement(plan, name)};`), ...plan.create.map((d) => `-- views/${d.file} (sha256 ${d.checksum.slice(0, 12)})\n${d.sql.trim()}`)];
}

/**
 * Runs a plan. `contracts` (on when a views state is applied) checks each created view against its
 * contract; re-creating applied definitions (rollback, withViewsDropped) does not: the column types
 * under them may have changed on purpose, and `db verify` then reports the contract to update.
 */
export async function applyViewPlan(knex: Knex, plan: ViewPlan, hint = '', options: { contracts?: boolean } = {}): Promise<void> {
  for (const name of plan.drop) await knex.raw(dropStatement(plan, name));
  for (const definition of plan.create) {
    try {
      await knex.raw(withoutPlaceholders(definition.sql));
    } catch (err) {
      throw new ViewDefinitionError(`views/${definition.file}${lineOf(definition.sql, err)}: ${postgresMessage(definition.sql, err)}${hint}`, { cause: err });
    }
    if (options.contracts && definition.contract) {
      const differences = contractDifferences(definition.contract, (await relationColumns(knex, definition.name)) ?? []);
      if (differences.length) throw new ViewDefinitionError(`views/${definition.file}: ${definition.name} differs from its contract: ${differences.join('; ')}`);
    }
  }
}

/** knex prefixes the error with the whole statement, here a whole file: keep PostgreSQL's words. */
function postgresMessage(sql: string, err: unknown): string {
  const message = (err as Error).message ?? String(err);
  return message.startsWith(`${sql} - `) ? message.slice(sql.length + 3) : message;
}

/** PostgreSQL's error position (a character offset into the file) as a line number. */
function lineOf(sql: string, err: unknown): string {
  const position = Number((err as { position?: string }).position);
  return Number.isInteger(position) && position > 0 ? ` line ${sql.slice(0, position - 1).split('\n').length}` : '';
}

// The history of applied views, one snapshot per views state (a synthetic knex migration named
// <timestamp>_views_<n>, see view-migrations.ts), so rollback can restore the previous definitions.
export const VIEW_HISTORY_TABLE = 'etl.view_definitions';
export const VIEWS_MIGRATION_NAME = /^(\d{14})_views_(\d{4,})$/;
/** knex's bookkeeping table (migrations.tableName), whose order says which views state is current. */
export const MIGRATIONS_TABLE = 'knex_migrations';

export async function historyExists(knex: Knex): Promise<boolean> {
  const { rows } = await knex.raw<{ rows: Array<{ present: boolean }> }>(`select to_regclass('${VIEW_HISTORY_TABLE}') is not null as present`);
  return rows[0]?.present === true;
}

/** The views states applied so far, oldest first (their names in the knex migrations table). */
export async function appliedViewStates(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw<{ rows: Array<{ present: boolean }> }>('select to_regclass(?) is not null as present', [MIGRATIONS_TABLE]);
  if (!rows[0]?.present) return [];
  const names: string[] = await knex(MIGRATIONS_TABLE).orderBy('id').pluck('name');
  return names.filter((n) => VIEWS_MIGRATION_NAME.test(n));
}

/** The definitions a views state applied, in dependency order ([] for none or an unknown state). */
export async function readViewState(knex: Knex, state: string | undefined): Promise<ViewDefinition[]> {
  if (!state || !(await historyExists(knex))) return [];
  const rows: Array<{ file_path: string; definition: string }> = await knex(VIEW_HISTORY_TABLE).where({ migration_name: state }).select('file_path', 'definition');
  return orderByDependencies(rows.map((r) => parseViewFile(r.file_path, r.definition)));
}

export async function recordViewState(knex: Knex, state: string, definitions: readonly ViewDefinition[]): Promise<void> {
  if (!(await historyExists(knex))) throw new ViewDefinitionError(`${VIEW_HISTORY_TABLE} does not exist: the migration that creates it must run before views are applied`);
  if (definitions.length === 0) return;
  await knex(VIEW_HISTORY_TABLE).insert(
    definitions.map((d) => ({ migration_name: state, view_name: d.name, file_path: d.file, checksum: d.checksum, definition: d.sql })),
  );
}

export async function forgetViewState(knex: Knex, state: string): Promise<void> {
  if (await historyExists(knex)) await knex(VIEW_HISTORY_TABLE).where({ migration_name: state }).del();
}

/**
 * For a versioned migration that alters a table a view selects from (PostgreSQL refuses "cannot
 * alter type of a column used by a view"): drops the views that depend on `tables`, directly or
 * through other views, runs `alter`, and creates them again from their applied definitions.
 * A change that the applied definitions cannot survive (a dropped column) needs the view file
 * changed first, in an earlier migrate: views are applied after versioned migrations.
 */
export async function withViewsDropped<T>(knex: Knex, tables: readonly string[], alter: () => Promise<T>): Promise<T> {
  const dependants = await dependentViews(knex, tables);
  if (dependants.length === 0) return alter();
  const applied = await readViewState(knex, (await appliedViewStates(knex)).at(-1));
  const known = new Set(applied.map((d) => d.name));
  const unmanaged = dependants.filter((v) => !known.has(v));
  if (unmanaged.length) {
    throw new ViewDefinitionError(`withViewsDropped: ${unmanaged.join(', ')} depend on ${tables.join(', ')} but are not views of views/, so they could not be created again`);
  }
  const selected = new Set(dependants);
  const ordered = applied.filter((d) => selected.has(d.name));
  const plan: ViewPlan = { drop: ordered.map((d) => d.name).reverse(), materialized: ordered.filter((d) => d.materialized).map((d) => d.name), create: ordered, changes: [] };
  await applyViewPlan(knex, { ...plan, create: [] });
  const result = await alter();
  await applyViewPlan(
    knex,
    { ...plan, drop: [] },
    ` (re-creating it after altering ${tables.join(', ')}: change the view file and migrate first, then make this change in a later migration)`,
  );
  return result;
}

/** Views that select from any of `tables`, directly or through other views. */
export async function dependentViews(knex: Knex, tables: readonly string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const { rows } = await knex.raw<{ rows: Array<{ name: string }> }>(
    `with recursive dependants(oid) as (
       select rw.ev_class from pg_depend d join pg_rewrite rw on rw.oid = d.objid
       where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass
         and d.refobjid = any(?::regclass[]) and rw.ev_class <> d.refobjid
       union
       select rw.ev_class from dependants x join pg_depend d on d.refobjid = x.oid and d.refclassid = 'pg_class'::regclass
         join pg_rewrite rw on rw.oid = d.objid and d.classid = 'pg_rewrite'::regclass
       where rw.ev_class <> d.refobjid
     )
     select distinct n.nspname || '.' || c.relname as name
     from dependants x join pg_class c on c.oid = x.oid join pg_namespace n on n.oid = c.relnamespace
     order by 1`,
    [[...tables]],
  );
  return rows.map((r) => r.name);
}

/**
 * Refreshes the materialized marts of the applied views state, dependencies first: CONCURRENTLY
 * (readers keep reading the old rows meanwhile) when the view has a unique index, as each
 * materialized mart file should declare. Called after every load or replay that wrote rows, and by
 * `quantfoot db refresh`. Returns the views refreshed.
 */
export async function refreshMaterializedMarts(knex: Knex): Promise<string[]> {
  const applied = await readViewState(knex, (await appliedViewStates(knex)).at(-1));
  const materialized = applied.filter((d) => d.materialized);
  if (materialized.length === 0) return [];
  const { rows } = await knex.raw<{ rows: Array<{ name: string; unique_index: boolean; populated: boolean }> }>(
    `select n.nspname || '.' || c.relname as name, c.relispopulated as populated,
        exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisunique and i.indpred is null) as unique_index
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'm' and n.nspname = ?`,
    [VIEWS_SCHEMA],
  );
  const live = new Map(rows.map((r) => [r.name, r]));
  const refreshed: string[] = [];
  for (const view of materialized) {
    const state = live.get(view.name);
    if (!state) continue;
    await knex.raw(`refresh materialized view ${state.unique_index && state.populated ? 'concurrently ' : ''}${view.name}`);
    refreshed.push(view.name);
  }
  return refreshed;
}
