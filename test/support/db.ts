/**
 * Test databases: every test file gets its own fresh database on the test server, which is the
 * PostgreSQL of TEST_DATABASE_URL when set, else an embedded server under QUANTFOOT_TEST_HOME
 * (default: a folder of the system temp dir named after this checkout, which the `postgres` user can
 * reach even when the checkout is in root's home), started once per test run, stopped when it ends.
 */
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { knexConfig, parseDatabaseUrl } from '../../src/db/config';
import { ensureEmbeddedServer } from '../../src/db/embedded';
import { PROJECT_ROOT } from '../../src/db/paths';

export const TEST_HOME = path.resolve(
  process.env.QUANTFOOT_TEST_HOME || path.join(os.tmpdir(), `quantfoot-test-${createHash('sha256').update(PROJECT_ROOT).digest('hex').slice(0, 12)}`),
);

let serverUrl: Promise<string> | undefined;

/** The maintenance URL of the test server (its `postgres` database, or TEST_DATABASE_URL itself). */
export function testServerUrl(): Promise<string> {
  serverUrl ??= process.env.TEST_DATABASE_URL
    ? Promise.resolve(parseDatabaseUrl(process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL').toString())
    : ensureEmbeddedServer(TEST_HOME).then((s) => s.url);
  return serverUrl;
}

export function testServerKind(): string {
  return process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'embedded';
}

export interface TestDatabase {
  name: string;
  url: string;
  knex: Knex;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const admin = await testServerUrl();
  const name = `qf_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`.slice(0, 63);
  const adminKnex = knexFactory({ client: 'pg', connection: admin, pool: { min: 0, max: 1 } });
  try {
    await adminKnex.raw('create database ??', [name]);
  } finally {
    await adminKnex.destroy();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const knex = knexFactory(knexConfig(url.toString()));
  return {
    name,
    url: url.toString(),
    knex,
    async drop() {
      await knex.destroy();
      const k = knexFactory({ client: 'pg', connection: admin, pool: { min: 0, max: 1 } });
      try {
        await k.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await k.destroy();
      }
    },
  };
}

/** Mocha helper: a fresh database for the enclosing describe, dropped after it. */
export function useFreshDatabase(label: string, options: { migrate?: boolean } = {}): { db: TestDatabase } {
  const ctx = {} as { db: TestDatabase };
  before(async function () {
    this.timeout(120_000);
    ctx.db = await createTestDatabase(label);
    if (options.migrate) await ctx.db.knex.migrate.latest();
  });
  after(async () => {
    await ctx.db?.drop();
  });
  return ctx;
}
