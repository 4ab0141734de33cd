/** Data tests (checks/), freshness, and their runner: the trust layer `quantfoot check` exposes. */
export { runChecks, selectTests, FRESHNESS_TEST, FRESHNESS_DESCRIPTION, type CheckOptions, type CheckResult } from './run';
export { readDataTests, CHECKS_DIR, checksDirFromEnv } from './tests';
export { freshness, type FreshnessRow } from './freshness';
export type { DataTest, Severity } from './types';
