/**
 * Checksums of applied migrations (Flyway's and Atlas's guard, which knex lacks): the sha256 of each
 * versioned migration file is recorded in etl.migration_checksums when it is applied, and a file that
 * no longer matches its record stops every later migrate (and fails `db verify`) naming it, until it
 * is restored or the change is accepted as reviewed (`db verify --accept FILE`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { ConfigError, QuantfootError } from '../errors';
import { MIGRATIONS_TABLE } from './views';

export const CHECKSUMS_TABLE = 'etl.migration_checksums';

/** sha256 of a migration file as text, line endings normalised (a checkout on Windows is the same file). */
export function fileChecksum(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n')).digest('hex');
}

export interface ChecksumProblem {
  file: string;
  problem: 'edited' | 'missing';
  recorded: string;
  current: string | null;
}

async function tableExists(knex: Knex, table: string): Promise<boolean> {
  const { rows } = await knex.raw<{ rows: Array<{ present: boolean }> }>('select to_regclass(?) is not null as present', [table]);
  return rows[0]?.present === true;
}

/** Recorded checksums against the files of `migrationsDir`: every edited or vanished file. */
export function compareChecksums(recorded: ReadonlyArray<{ name: string; sha256: string }>, migrationsDir: string): ChecksumProblem[] {
  const problems: ChecksumProblem[] = [];
  for (const { name, sha256 } of recorded) {
    const file = path.join(migrationsDir, name);
    if (!fs.existsSync(file)) problems.push({ file: name, problem: 'missing', recorded: sha256, current: null });
    else {
      const current = fileChecksum(file);
      if (current !== sha256) problems.push({ file: name, problem: 'edited', recorded: sha256, current });
    }
  }
  return problems;
}

/** The recorded checksums, or none before the migration that adds their table. */
export async function recordedChecksums(knex: Knex): Promise<Array<{ name: string; sha256: string }>> {
  if (!(await tableExists(knex, CHECKSUMS_TABLE))) return [];
  return knex(CHECKSUMS_TABLE).select('name', 'sha256').orderBy('name');
}

/** Applied versioned migrations whose file changed since it was recorded, or is gone. */
export async function checksumProblems(knex: Knex, migrationsDir: string): Promise<ChecksumProblem[]> {
  return compareChecksums(await recordedChecksums(knex), migrationsDir);
}

/**
 * Keeps the records in step with knex_migrations after a batch (up or down): a checksum for every
 * applied versioned migration that has none yet, none for one rolled back.
 */
export async function recordChecksums(knex: Knex, migrationsDir: string): Promise<void> {
  if (!(await tableExists(knex, CHECKSUMS_TABLE))) return;
  const applied: string[] = await knex(MIGRATIONS_TABLE).pluck('name');
  const files = applied.filter((name) => name.endsWith('.ts') && fs.existsSync(path.join(migrationsDir, name)));
  await knex(CHECKSUMS_TABLE).whereNotIn('name', applied).delete();
  if (files.length > 0) {
    await knex(CHECKSUMS_TABLE)
      .insert(files.map((name) => ({ name, sha256: fileChecksum(path.join(migrationsDir, name)) })))
      .onConflict('name')
      .ignore();
  }
}

/** Records the file's current checksum as reviewed: the deliberate step after editing an applied migration. */
export async function acceptChecksum(knex: Knex, migrationsDir: string, file: string, by: string): Promise<{ name: string; previous: string; current: string }> {
  const name = path.basename(file);
  const row = (await tableExists(knex, CHECKSUMS_TABLE)) ? await knex(CHECKSUMS_TABLE).where({ name }).first('sha256') : undefined;
  if (!row) throw new ConfigError(`${name} is not an applied migration with a recorded checksum (see quantfoot db status)`);
  const full = path.join(migrationsDir, name);
  if (!fs.existsSync(full)) throw new ConfigError(`${name} has no file in ${migrationsDir}: restore it; a missing migration cannot be accepted`);
  const current = fileChecksum(full);
  await knex(CHECKSUMS_TABLE).where({ name }).update({ sha256: current, accepted_at: knex.fn.now(), accepted_by: by });
  return { name, previous: row.sha256, current };
}

/** Thrown by the migration source while an applied file differs from its record: nothing runs. */
export class MigrationChecksumError extends QuantfootError {}

export function describeChecksumProblem(p: ChecksumProblem): string {
  return p.problem === 'missing'
    ? `applied migration ${p.file} has no file any more`
    : `applied migration ${p.file} was edited after it was applied (sha256 ${p.recorded.slice(0, 12)}… recorded, ${p.current!.slice(0, 12)}… now)`;
}

export function checksumError(problems: readonly ChecksumProblem[]): MigrationChecksumError {
  return new MigrationChecksumError(
    `${problems.map(describeChecksumProblem).join('\n  ')}\n` +
      'Nothing was migrated. Restore the file as it was applied (git checkout -- migrations/FILE), or, once the change is reviewed, ' +
      'record it with `quantfoot db verify --accept FILE`; a change to the schema belongs in a new migration.',
  );
}
