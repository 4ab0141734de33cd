/**
 * Options the commands share. Checks of numeric options, for yargs `.check` (a failure is a usage error: exit 2, the message
 * names the option). yargs turns "abc" into NaN and "1e99" into 1e99 without complaint; every
 * number a command uses must be checked here before it reaches a lock key, a query or a timer.
 */
export interface Range {
  min: number;
  max: number;
}

/** An id of the API (league, team…): what fits PostgreSQL's integer columns. */
export const ID_RANGE: Range = { min: 1, max: 2_147_483_647 };
export const SEASON_RANGE: Range = { min: 1900, max: 2100 };
/** Counts of calls, requests, seeds: whole and non-negative, far below 2^53. */
export const COUNT_RANGE: Range = { min: 0, max: 1_000_000_000 };

export function checkInteger(args: Record<string, unknown>, name: string, range: Range, what = 'a whole number'): void {
  const value = args[name];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new Error(`--${name} must be ${what} from ${range.min} to ${range.max}, not ${JSON.stringify(raw(value))}`);
  }
}

export function checkNumber(args: Record<string, unknown>, name: string, range: Range): void {
  const value = args[name];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) {
    throw new Error(`--${name} must be a number from ${range.min} to ${range.max}, not ${JSON.stringify(raw(value))}`);
  }
}

function raw(value: unknown): unknown {
  return typeof value === 'number' && Number.isNaN(value) ? 'not a number' : value;
}

/** --log-format: as asked, else progress bars on a terminal and JSON lines otherwise (cron, CI). */
export function logFormat(arg: string | undefined): 'pretty' | 'json' {
  return arg === 'json' || arg === 'pretty' ? arg : process.stderr.isTTY ? 'pretty' : 'json';
}
