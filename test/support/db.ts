/**
 * Test databases: every test file gets its own fresh database on the test server, which is the
 * PostgreSQL of TEST_DATABASE_URL when set, else an embedded server under QUANTFOOT_TEST_HOME
 * (default: a folder of the system temp dir named after this checkout, which the `postgres` user can
 * reach even when the checkout is in root's home), started once per test run, stopped when it ends.
 */
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseDatabaseUrl } from '../../src/db/config';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/scratch';
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

export type TestDatabase = ScratchDatabase;

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  return createScratchDatabase(await testServerUrl(), `qf_${label}`);
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
