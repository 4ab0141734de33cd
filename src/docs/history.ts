/**
 * The migration history the site shows: what knex_migrations says was applied (name, batch, time),
 * with a sha256 for each versioned migration. When etl.migration_checksums (src/db/checksums.ts)
 * exists its recorded values are the ones shown (the file as it was applied), and the file in
 * migrations/ is compared with them; without it, the file's sha256 as it is now is all there is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { CHECKSUMS_TABLE, fileChecksum } from '../db/checksums';
import { MIGRATIONS_TABLE, VIEWS_MIGRATION_NAME } from '../db/views';

/**
 * `recorded`: the checksum table's value, and the file still has it; `edited`: the file differs from
 * it; `file`: no record, the value is the file's now; `no file`: nothing in migrations/ has its name;
 * `views state`: a synthetic migration of the views lifecycle, whose checksums are per view.
 */
export type ChecksumStatus = 'recorded' | 'edited' | 'file' | 'no file' | 'views state';

export interface AppliedMigration {
  name: string;
  batch: number;
  appliedAt: Date;
  sha256: string | null;
  recordedAt: Date | null;
  status: ChecksumStatus;
}

export interface MigrationHistory {
  applied: AppliedMigration[];
  /** Whether the checksums come from etl.migration_checksums (false: computed from the files now). */
  recorded: boolean;
}

export async function readMigrationHistory(knex: Knex, migrationsDir: string): Promise<MigrationHistory> {
  if (!(await relationExists(knex, MIGRATIONS_TABLE))) return { applied: [], recorded: false };
  const rows: Array<{ name: string; batch: number; migration_time: Date }> = await knex(MIGRATIONS_TABLE).orderBy('id').select('name', 'batch', 'migration_time');
  const recorded = await relationExists(knex, CHECKSUMS_TABLE);
  const records = new Map<string, { sha256: string; recorded_at: Date }>();
  if (recorded) {
    for (const r of await knex(CHECKSUMS_TABLE).select('name', 'sha256', 'recorded_at')) records.set(r.name, r);
  }
  const applied = rows.map((row): AppliedMigration => {
    const base = { name: row.name, batch: row.batch, appliedAt: row.migration_time };
    if (VIEWS_MIGRATION_NAME.test(row.name)) return { ...base, sha256: null, recordedAt: null, status: 'views state' };
    const current = currentChecksum(path.join(migrationsDir, row.name));
    const record = records.get(row.name);
    if (record) {
      const status = current === null ? 'no file' : current === record.sha256 ? 'recorded' : 'edited';
      return { ...base, sha256: record.sha256, recordedAt: record.recorded_at, status };
    }
    return { ...base, sha256: current, recordedAt: null, status: current === null ? 'no file' : 'file' };
  });
  return { applied, recorded };
}

/** The checksum `db migrate` records (src/db/checksums.ts); null without a file. */
function currentChecksum(file: string): string | null {
  return fs.existsSync(file) ? fileChecksum(file) : null;
}

async function relationExists(knex: Knex, name: string): Promise<boolean> {
  const { rows } = await knex.raw<{ rows: Array<{ present: boolean }> }>('select to_regclass(?) is not null as present', [name]);
  return rows[0]?.present === true;
}
