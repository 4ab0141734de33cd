/** What a data test is, for the readers of checks/ (tests.ts, generic.ts) and the runner. */
import { ConfigError } from '../errors';

export type Severity = 'error' | 'warn';
export const SEVERITIES: readonly Severity[] = ['error', 'warn'];

/**
 * Which league-seasons a test applies to, as conditions on golden.seasons (all of them must hold):
 * the season's coverage flags, or whether it is in progress.
 */
export const APPLIES_TO = [
  'all',
  'current',
  'past',
  'covers_events',
  'covers_lineups',
  'covers_fixture_statistics',
  'covers_player_statistics',
  'covers_standings',
  'covers_players',
  'covers_injuries',
] as const;
export type AppliesTo = (typeof APPLIES_TO)[number];

/** Model columns, for generic tests to know whether a mart has league_id and season. */
export type ColumnsOf = (relation: string) => ReadonlySet<string> | undefined;

export interface DataTest {
  name: string;
  description: string;
  severity: Severity;
  appliesTo: AppliesTo[];
  /** the file it comes from, relative to the checks folder */
  source: string;
  /** The query returning the failing rows (with league_id and season when the rule is per league-season). */
  build(columnsOf: ColumnsOf): { sql: string };
}

export function parseSeverity(raw: string | undefined, where: string): Severity {
  if (raw === undefined) throw new ConfigError(`${where}the header needs "-- severity: error" or "-- severity: warn"`);
  if (!SEVERITIES.includes(raw as Severity)) throw new ConfigError(`${where}severity ${JSON.stringify(raw)}: expected error or warn`);
  return raw as Severity;
}

