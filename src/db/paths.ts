import path from 'node:path';

/** The checkout's folders, resolved from this file so every entry point agrees whatever its cwd. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');

/**
 * The versioned migrations: QUANTFOOT_MIGRATIONS_DIR when set (a folder of the checkout's files,
 * some edited, as the checksum tests need), else the checkout's migrations/.
 */
export function migrationsDirFromEnv(): string {
  const fromEnv = process.env.QUANTFOOT_MIGRATIONS_DIR;
  return fromEnv ? path.resolve(fromEnv) : MIGRATIONS_DIR;
}
