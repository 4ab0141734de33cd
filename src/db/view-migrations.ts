/**
 * The knex migration source of the project: the versioned files of migrations/, plus one synthetic
 * migration per state of views/ (`<timestamp>_views_<n>`). A new one is listed, after the versioned
 * files, whenever the checksums of views/ differ from the last applied state; its `up` applies the
 * changed views and their dependants and records the new state in etl.view_definitions, its `down`
 * restores the previous state from there. Being ordinary knex migrations, they run in the batch's
 * transaction, roll back with their batch, and work from `npx knex migrate:*` as from `quantfoot db`.
 *
 * knex asks a source for its list without a connection, and the list depends on the database
 * (which states were applied, so knex finds every applied name; which state is current, to know
 * whether views/ changed), so the source reads it over a short-lived connection of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { checksumError, compareChecksums, recordedChecksums } from './checksums';
import { contractBreaks } from './contracts';
import {
  MIGRATIONS_TABLE,
  VIEWS_MIGRATION_NAME,
  appliedViewStates,
  applyViewPlan,
  forgetViewState,
  planViewChanges,
  readViewDefinitions,
  readViewState,
  recordViewState,
  ViewDefinitionError,
  type ViewDefinition,
} from './views';

/** `file` is what knex's CLI prints for a pending migration; it is the name for every entry. */
export type MigrationEntry =
  | { kind: 'versioned'; file: string; path: string; applied: boolean }
  | { kind: 'views'; file: string; applied: true }
  | { kind: 'views'; file: string; applied: false; target: ViewDefinition[] | Error };

export interface ProjectMigrationSourceOptions {
  migrationsDir: string;
  viewsDir: string;
  /** The database whose bookkeeping decides the list (the same one knex migrates). */
  databaseUrl: () => Promise<string>;
}

export class ProjectMigrationSource implements Knex.MigrationSource<MigrationEntry> {
  /**
   * While true (always, but inside `db verify` and `db status`, which report the problem
   * themselves), the list fails when an applied file differs from its recorded checksum, so knex
   * migrates nothing, up or down, from files other than those applied.
   */
  enforceChecksums = true;

  constructor(readonly options: ProjectMigrationSourceOptions) {}

  async getMigrations(): Promise<MigrationEntry[]> {
    const files = fs.readdirSync(this.options.migrationsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
    const { completed, current, checksums } = await this.readBookkeeping();
    if (this.enforceChecksums) {
      const problems = compareChecksums(checksums, this.options.migrationsDir);
      if (problems.length > 0) throw checksumError(problems);
    }
    const pendingFiles = new Map(files.map((f) => [f, { kind: 'versioned' as const, file: f, path: path.join(this.options.migrationsDir, f), applied: false }]));
    // Applied migrations in the order they ran, so `down` and `rollback --all` undo views states
    // and versioned files in reverse order of application. Applied names that are neither a file
    // nor a views state are left out: knex then reports them as missing, as for a deleted file.
    const entries: MigrationEntry[] = [];
    for (const name of completed) {
      const file = pendingFiles.get(name);
      if (file) {
        entries.push({ ...file, applied: true });
        pendingFiles.delete(name);
      } else if (VIEWS_MIGRATION_NAME.test(name)) entries.push({ kind: 'views', file: name, applied: true });
    }
    entries.push(...pendingFiles.values());

    let target: ViewDefinition[] | Error;
    try {
      target = readViewDefinitions(this.options.viewsDir);
    } catch (err) {
      // Reported when the views state is applied, so a broken view file never blocks a rollback.
      target = err as Error;
    }
    if (target instanceof Error || planViewChanges(current, target).changes.length > 0) {
      entries.push({ kind: 'views', file: nextStateName(files, completed), applied: false, target });
    }
    return entries;
  }

  getMigrationName(entry: MigrationEntry): string {
    return entry.file;
  }

  async getMigration(entry: MigrationEntry): Promise<Knex.Migration> {
    if (entry.kind === 'versioned') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(entry.path) as Knex.Migration;
    }
    const name = entry.file;
    return {
      up: async (knex: Knex) => {
        if (entry.applied) throw new Error(`views state ${name} is already applied`);
        if (entry.target instanceof Error) throw entry.target;
        await applyViewState(knex, name, entry.target);
      },
      down: (knex: Knex) => revertViewState(knex, name),
    };
  }

  private async readBookkeeping(): Promise<{ completed: string[]; current: ViewDefinition[]; checksums: Array<{ name: string; sha256: string }> }> {
    const db = knexFactory({ client: 'pg', connection: async () => ({ connectionString: await this.options.databaseUrl() }), pool: { min: 0, max: 1 } });
    try {
      const { rows } = await db.raw<{ rows: Array<{ present: boolean }> }>('select to_regclass(?) is not null as present', [MIGRATIONS_TABLE]);
      const completed: string[] = rows[0]?.present ? await db(MIGRATIONS_TABLE).orderBy('id').pluck('name') : [];
      const states = completed.filter((n) => VIEWS_MIGRATION_NAME.test(n));
      return { completed, current: await readViewState(db, states.at(-1)), checksums: await recordedChecksums(db) };
    } finally {
      await db.destroy();
    }
  }
}

/**
 * `<newest versioned timestamp>_views_<n>`: after every file in name order, so knex's
 * `currentVersion` still answers with a real migration's timestamp; n counts up from the last state.
 */
function nextStateName(files: readonly string[], completed: readonly string[]): string {
  let timestamp = '00000000000000';
  let last = 0;
  for (const name of [...files, ...completed]) {
    const stamp = /^(\d{14})_/.exec(name)?.[1];
    if (stamp && stamp > timestamp) timestamp = stamp;
    const state = VIEWS_MIGRATION_NAME.exec(name);
    if (state) last = Math.max(last, Number(state[2]));
  }
  return `${timestamp}_views_${String(last + 1).padStart(4, '0')}`;
}

/** `up` of a views state: from the last applied state to `target`, recorded under `name`. */
export async function applyViewState(knex: Knex, name: string, target: ViewDefinition[]): Promise<void> {
  const current = await readViewState(knex, (await appliedViewStates(knex)).at(-1));
  assertContractsGrow(current, target);
  await applyViewPlan(knex, planViewChanges(current, target), '', { contracts: true });
  await recordViewState(knex, name, target);
}

/**
 * Going forward, a contracted column of an applied view stays, with its type (rollback may take
 * it away again: it restores what was applied before).
 */
export function assertContractsGrow(current: readonly ViewDefinition[], target: readonly ViewDefinition[]): void {
  const breaks = contractBreaks(current, target);
  if (breaks.length) {
    throw new ViewDefinitionError(
      `${breaks.join('\n')}\nApps rely on contracted columns. A breaking change is a new version of the mart: add views/marts/<name>_v2.sql beside the old file and keep the old one until its readers moved (retire it by deleting its file).`,
    );
  }
}

/** `down` of a views state: back to the state applied before it. */
export async function revertViewState(knex: Knex, name: string): Promise<void> {
  const states = await appliedViewStates(knex);
  const at = states.indexOf(name);
  const previous = at > 0 ? states[at - 1] : undefined;
  await applyViewPlan(knex, planViewChanges(await readViewState(knex, name), await readViewState(knex, previous)));
  await forgetViewState(knex, name);
}
