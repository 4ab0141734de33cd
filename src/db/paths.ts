import path from 'node:path';

/** The checkout's folders, resolved from this file so every entry point agrees whatever its cwd. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
