import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';

// The sha256 of every applied migration file, so an applied migration edited afterwards is noticed
// (src/db/checksums.ts). The migrations applied before this one get theirs recorded here, once.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').createTable('migration_checksums', (t) => {
    t.comment('sha256 of each applied versioned migration file; db migrate and db verify refuse to go on while a file differs from its record (restore it, or accept the change with db verify --accept FILE).');
    t.text('name').notNullable().comment('The migration file, as knex_migrations.name.');
    t.text('sha256').notNullable().comment('sha256 (hex) of the file as applied, or as last accepted.');
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When the checksum was first recorded.');
    t.timestamp('accepted_at', { useTz: true }).nullable().comment('When a change of the file was accepted as reviewed (db verify --accept); null if never.');
    t.text('accepted_by').nullable().comment('Who accepted it.');
    t.primary(['name'], { constraintName: 'migration_checksums_pkey' });
    t.check("sha256 ~ '^[0-9a-f]{64}$'", [], 'migration_checksums_sha256_format_chk');
  });
  const dir = path.join(__dirname);
  const applied: string[] = await knex('knex_migrations').pluck('name');
  const files = applied.filter((name) => name.endsWith('.ts') && fs.existsSync(path.join(dir, name)));
  if (files.length > 0) {
    await knex('etl.migration_checksums').insert(
      files.map((name) => ({ name, sha256: createHash('sha256').update(fs.readFileSync(path.join(dir, name), 'utf8').replace(/\r\n/g, '\n')).digest('hex') })),
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('etl').dropTable('migration_checksums');
}
