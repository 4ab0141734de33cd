/**
 * quantfoot.yml: read, checked against its JSON Schema (schema.ts) and a few rules a schema cannot
 * say (warn before error, ranges in order, one entry per league, a cron expression that parses),
 * and normalised. Every complaint names the file, the line and the key, and is a ConfigError
 * (exit 2): a bad config changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { Cron } from 'croner';
import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../errors';
import { printable } from '../text';
import { CONFIG_SCHEMA, SEASON_RANGE } from './schema';

export const CONFIG_FILE = 'quantfoot.yml';
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface Freshness {
  warnAfterHours: number;
  errorAfterHours: number;
}

export interface CompetitionConfig {
  league: number;
  name: string | null;
  /** season years, ascending, or 'current': whichever season /leagues marks current */
  seasons: number[] | 'current';
  with: string[];
  freshness: Freshness;
}

export interface QuantfootConfig {
  /** the file read; null for the defaults */
  file: string | null;
  competitions: CompetitionConfig[];
  freshness: Freshness;
  dailyReserve: number;
  refreshHours: number;
  schedule: string | null;
  timezone: string;
}

/** Freshness when the config says nothing: a day and a half to warn, three days to fail. */
export const DEFAULT_FRESHNESS: Freshness = { warnAfterHours: 36, errorAfterHours: 72 };

/** The configuration without a file: no competitions, default thresholds. */
export function defaultConfig(): QuantfootConfig {
  return { file: null, competitions: [], freshness: DEFAULT_FRESHNESS, dailyReserve: 0, refreshHours: 24, schedule: null, timezone: 'UTC' };
}

/**
 * Reads `file`, or ./quantfoot.yml when none is named. A named file must exist; without one, a
 * missing ./quantfoot.yml gives the defaults (null when `required`, for commands that need it).
 */
export function loadConfig(file?: string): QuantfootConfig | null {
  const target = path.resolve(file ?? CONFIG_FILE);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    if (file) throw new ConfigError(`${file}: no such configuration file (quantfoot init writes an example)`);
    return null;
  }
  if (!stat.isFile()) throw new ConfigError(`${target} is not a file`);
  if (stat.size > MAX_CONFIG_BYTES) throw new ConfigError(`${target} is ${stat.size} bytes: more than a configuration file needs (limit ${MAX_CONFIG_BYTES})`);
  return parseConfig(fs.readFileSync(target, 'utf8'), target);
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(CONFIG_SCHEMA);

interface Raw {
  competitions: Array<{ league: number; name?: string; seasons: number[] | number | string; with?: string[]; freshness?: RawFreshness }>;
  freshness?: RawFreshness;
  daily_reserve?: number;
  refresh_hours?: number;
  schedule?: string;
  timezone?: string;
}
interface RawFreshness {
  warn_after_hours?: number;
  error_after_hours?: number;
}

/** Parses the text of a config file; `file` is only used in messages. */
export function parseConfig(text: string, file: string): QuantfootConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const where = (offset: number | undefined) => `${file}:${offset === undefined ? 1 : lines.linePos(offset).line}`;
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new ConfigError(`${where(first.pos[0])}: not valid YAML: ${printable(first.message.split('\n')[0] ?? '')}`);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    throw new ConfigError(`${file}: ${printable((err as Error).message)}`);
  }
  if (raw === null || raw === undefined) throw new ConfigError(`${file}: the file is empty; it needs at least competitions: (quantfoot init writes an example)`);
  if (!validate(raw)) {
    const messages = mostSpecific(validate.errors ?? []).map((e) => {
      const segments = pathOf(e);
      return `${where(offsetOf(doc, segments))}: ${keyName(segments)}: ${describe(e)}`;
    });
    throw new ConfigError(messages.slice(0, 10).join('\n'));
  }
  const config = raw as Raw;
  const problem = (segments: Array<string | number>, message: string) => new ConfigError(`${where(offsetOf(doc, segments))}: ${keyName(segments)}: ${message}`);

  const freshness = freshnessOf(config.freshness, DEFAULT_FRESHNESS, ['freshness'], problem);
  const seen = new Map<number, number>();
  const competitions = config.competitions.map((c, i): CompetitionConfig => {
    const earlier = seen.get(c.league);
    if (earlier !== undefined) throw problem(['competitions', i, 'league'], `league ${c.league} is listed twice (also competitions[${earlier}]); list its seasons once`);
    seen.set(c.league, i);
    return {
      league: c.league,
      name: c.name ?? null,
      seasons: seasonsOf(c.seasons, (message) => problem(['competitions', i, 'seasons'], message)),
      with: c.with ?? [],
      freshness: freshnessOf(c.freshness, freshness, ['competitions', i, 'freshness'], problem),
    };
  });
  const timezone = config.timezone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw problem(['timezone'], `${printable(timezone)} is not a time zone (an IANA name such as UTC or Europe/London)`);
  }
  if (config.schedule !== undefined) {
    try {
      new Cron(config.schedule, { paused: true, timezone }).stop();
    } catch (err) {
      throw problem(['schedule'], `${printable(config.schedule)} is not a cron expression: ${printable((err as Error).message)}`);
    }
  }
  return {
    file,
    competitions,
    freshness,
    dailyReserve: config.daily_reserve ?? 0,
    refreshHours: config.refresh_hours ?? 24,
    schedule: config.schedule ?? null,
    timezone,
  };
}

function freshnessOf(
  raw: RawFreshness | undefined,
  fallback: Freshness,
  at: Array<string | number>,
  problem: (segments: Array<string | number>, message: string) => ConfigError,
): Freshness {
  const result = { warnAfterHours: raw?.warn_after_hours ?? fallback.warnAfterHours, errorAfterHours: raw?.error_after_hours ?? fallback.errorAfterHours };
  if (result.warnAfterHours > result.errorAfterHours) {
    throw problem([...at, raw?.warn_after_hours !== undefined ? 'warn_after_hours' : 'error_after_hours'], `warn_after_hours (${result.warnAfterHours}) is more than error_after_hours (${result.errorAfterHours}): a warning comes first`);
  }
  return result;
}

/** `[2023, 2024]`, `2023`, `"2015..2024"` or `"current"` → the years, ascending, or 'current'. */
export function seasonsOf(raw: number[] | number | string, problem: (message: string) => ConfigError): number[] | 'current' {
  if (raw === 'current') return 'current';
  if (typeof raw === 'number') return [raw];
  if (Array.isArray(raw)) return [...raw].sort((a, b) => a - b);
  const range = SEASON_RANGE.exec(raw);
  if (!range) throw problem(`${printable(raw)}: expected a list of years, a range such as 2015..2024, or current`);
  const [from, to] = [Number(range[1]), Number(range[2])];
  if (from > to) throw problem(`${from}..${to} runs backwards: write ${to}..${from}`);
  if (from < 1900 || to > 2100) throw problem(`${from}..${to}: seasons are years between 1900 and 2100`);
  if (to - from >= 200) throw problem(`${from}..${to} spans more than 200 seasons`);
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** ajv reports every branch of an anyOf; the deepest complaints say what is wrong. */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const result: ErrorObject[] = [];
  for (const list of byPath.values()) {
    const anyOf = list.find((e) => e.keyword === 'anyOf');
    // For a value that matches none of the shapes, the anyOf's own message names them; for the
    // others, one message each.
    result.push(...(anyOf ? [anyOf] : list.filter((e) => e.keyword !== 'if')));
  }
  return result;
}

function pathOf(e: ErrorObject): Array<string | number> {
  const segments: Array<string | number> = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
  return segments;
}

function keyName(segments: ReadonlyArray<string | number>): string {
  if (segments.length === 0) return '(top level)';
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${printable(s)}`)).join('');
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return 'is not a known key (see quantfoot init for the keys)';
    case 'required':
      return `${(e.params as { missingProperty: string }).missingProperty} is required`;
    case 'anyOf':
      return 'expected a list of years such as [2023, 2024], a range such as 2015..2024, or current';
    case 'enum':
      return `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** The offset in the text of the node at `segments` (the key itself for an unknown key), for its line. */
function offsetOf(doc: Document, segments: ReadonlyArray<string | number>): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = isNode(node) ? node.range?.[0] : undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = isNode(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
      if (isNode(node) && node.range) offset = node.range[0];
    } else if (isNode(node) && 'items' in node && Array.isArray((node as { items: unknown[] }).items) && typeof segment === 'number') {
      node = (node as { items: unknown[] }).items[segment];
      if (isNode(node) && node.range) offset = node.range[0];
    } else break;
  }
  return offset;
}
