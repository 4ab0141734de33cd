/**
 * Validates API-Football responses against the schemas of this folder, compiled once.
 *
 * Levels, because they call for different actions (STYLE.md, after the Singer SDK):
 * - a broken envelope means the whole response cannot be trusted: `EnvelopeError`, nothing loads;
 * - a broken item is a record-level problem: it comes back in `rejects` with its index, the JSON
 *   path of the problem and the reason, so the caller loads the other items and quarantines it.
 *   "Item" is the smallest one that is wrong: arrays declared with `itemsOf` (a fixture's events,
 *   line-ups and their players, standings rows, a player's statistics blocks…) are checked element
 *   by element, and a bad element is removed from its array while the rest of the item loads.
 *
 * An item (or element) is rejected when it breaks its schema, holds a value the intake found unsafe
 * (a NUL, a lone surrogate, absurd nesting: see src/api/intake.ts), does not answer the request (a
 * fixture that was not asked for, another league), or shares its key with a sibling of other
 * contents. The duplicate rule: identical copies load once (the extra copies are recorded as
 * rejects); copies that differ are all rejected, because nothing says which one is true, and a mix
 * of two copies is never loaded.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { QuantfootError } from '../errors';
import { splitArrayOf, type Infer, type ItemsOptions, type Schema, type SplitArray } from './builder';
import { coachSchema } from './coachs';
import { countrySchema } from './countries';
import { envelopeSchema, type Envelope } from './envelope';
import { fixtureEventSchema } from './fixture-events';
import { fixtureLineupSchema } from './fixture-lineups';
import { fixturePlayersSchema } from './fixture-players';
import { fixtureStatisticsSchema } from './fixture-statistics';
import { fixtureSchema, fixtureWithDetailsSchema } from './fixtures';
import { injurySchema } from './injuries';
import { leagueSchema } from './leagues';
import { playerSchema } from './players';
import { roundSchema } from './rounds';
import { ruleProblems } from './rules';
import { sidelinedSchema } from './sidelined';
import { squadSchema } from './squads';
import { standingsSchema } from './standings';
import { statusSchema } from './status';
import { teamSchema } from './teams';
import { transferSchema } from './transfers';
import { venueSchema } from './venues';

/** The item schema of each endpoint, keyed by the path the API echoes in `get`, with how its items are named and keyed. */
const itemSchemas = {
  status: statusSchema,
  countries: countrySchema,
  leagues: leagueSchema,
  teams: teamSchema,
  venues: venueSchema,
  players: playerSchema,
  'players/squads': squadSchema,
  fixtures: fixtureSchema,
  'fixtures/headtohead': fixtureSchema,
  'fixtures/rounds': roundSchema,
  'fixtures/events': fixtureEventSchema,
  'fixtures/lineups': fixtureLineupSchema,
  'fixtures/statistics': fixtureStatisticsSchema,
  'fixtures/players': fixturePlayersSchema,
  standings: standingsSchema,
  injuries: injurySchema,
  coachs: coachSchema,
  transfers: transferSchema,
  sidelined: sidelinedSchema,
} as const;

const itemOptions: Record<keyof typeof itemSchemas, ItemsOptions> = {
  status: { what: 'status' },
  countries: { what: 'country', key: ['name'], table: 'countries' },
  leagues: { what: 'league', key: ['league.id'], table: 'leagues' },
  teams: { what: 'team', key: ['team.id'], table: 'teams' },
  venues: { what: 'venue', key: ['id'], table: 'venues' },
  players: { what: 'player', key: ['player.id'], table: 'players' },
  'players/squads': { what: 'squad of team', key: ['team.id'] },
  fixtures: { what: 'fixture', key: ['fixture.id'], table: 'fixtures' },
  'fixtures/headtohead': { what: 'fixture', key: ['fixture.id'], table: 'fixtures' },
  'fixtures/rounds': { what: 'round', table: 'rounds' },
  'fixtures/events': { what: 'event', table: 'fixture_events' },
  'fixtures/lineups': { what: 'line-up of team', key: ['team.id'], table: 'fixture_lineups' },
  'fixtures/statistics': { what: 'statistics of team', key: ['team.id'], table: 'fixture_team_stats' },
  'fixtures/players': { what: 'player statistics of team', key: ['team.id'], table: 'fixture_player_stats' },
  standings: { what: 'standings of league/season', key: ['league.id', 'league.season'], table: 'standings' },
  injuries: { what: 'injury of fixture/player', key: ['fixture.id', 'player.id'], table: 'injuries' },
  coachs: { what: 'coach', key: ['id'], table: 'coaches' },
  transfers: { what: 'transfers of player', key: ['player.id'], table: 'transfers' },
  sidelined: { what: 'absence from', key: ['start'], table: 'sidelined' },
};

export type Endpoint = keyof typeof itemSchemas;
export type ItemOf<E extends Endpoint> = Infer<(typeof itemSchemas)[E]>;
export type FixtureWithDetails = Infer<typeof fixtureWithDetailsSchema>;

export const ENDPOINTS = Object.keys(itemSchemas) as Endpoint[];

export function isEndpoint(name: string): name is Endpoint {
  return Object.hasOwn(itemSchemas, name);
}

/** One problem inside an item: where (JSON pointer relative to the item) and what. */
export interface ItemProblem {
  path: string;
  message: string;
}

/** A value of the body the intake found unsafe to load, by JSON pointer from the body's root. */
export interface BodyProblem {
  pointer: string;
  reason: string;
}

/** A rejected item: a whole item of `response`, or the smallest element of one (an event, a line-up player). */
export interface ItemReject {
  /** index of the item in `response` */
  index: number;
  /** the rejected value: the item itself, or the element at `at` inside it */
  item: unknown;
  /** JSON pointer of the rejected element inside the item; '' when the whole item is rejected */
  at: string;
  /** JSON pointer (relative to the item) of the first problem; `reason` summarises `problems` */
  path: string;
  reason: string;
  problems: ItemProblem[];
  /** what the rejected value is (`fixture`, `line-up player`…) and the golden table it would have become */
  what: string;
  table?: string;
  /** the item it belongs to, e.g. `fixture 1149523` */
  context: string;
}

export interface ValidatedResponse<T> {
  envelope: Envelope;
  /** the valid items, with their rejected elements removed */
  items: T[];
  rejects: ItemReject[];
}

export interface ValidateOptions {
  /** the parameters of the request (what was asked); default: what the envelope echoes */
  parameters?: Readonly<Record<string, string>>;
  /** values the intake found unsafe, whose smallest enclosing items are rejected */
  problems?: readonly BodyProblem[];
}

/** The response is not an API-Football envelope at all: nothing in it can be loaded. */
export class EnvelopeError extends QuantfootError {
  constructor(
    readonly endpoint: string,
    readonly problems: ItemProblem[],
  ) {
    super(`API-Football /${endpoint} answered with something that is not an API-Football envelope: ${summarise(problems)}`);
  }
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['date', 'date-time']);

const arrayEnvelope = ajv.compile<Envelope>(envelopeSchema('array'));
const objectEnvelope = ajv.compile<Envelope>(envelopeSchema('object'));

/**
 * A schema compiled for one level: its `itemsOf` arrays are only checked to be arrays here, and
 * their elements are units of their own (`sites`).
 */
interface Unit {
  validate: ValidateFunction;
  sites: Site[];
}

interface Site {
  /** property names from the unit's root to the array; `[]` steps into every element of a plain array */
  path: string[];
  split: SplitArray;
  unit: Unit;
}

const units = new WeakMap<object, Unit>();

function unitOf(schema: Schema<unknown>): Unit {
  const known = units.get(schema);
  if (known) return known;
  const found: Array<Omit<Site, 'unit'>> = [];
  const unit: Unit = { validate: ajv.compile(withoutSplits(schema, [], found)), sites: [] };
  units.set(schema, unit);
  unit.sites = found.map((site) => ({ ...site, unit: unitOf(site.split.element) }));
  return unit;
}

function withoutSplits(schema: Schema<unknown>, path: string[], found: Array<Omit<Site, 'unit'>>): Record<string, unknown> {
  const split = path.length > 0 ? splitArrayOf(schema) : undefined;
  if (split) {
    found.push({ path, split });
    return { type: schema.type };
  }
  const copy: Record<string, unknown> = { ...schema };
  const properties = schema.properties as Record<string, Schema<unknown>> | undefined;
  if (properties) copy.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, withoutSplits(v, [...path, k], found)]));
  const items = schema.items as Schema<unknown> | undefined;
  if (items && typeof items === 'object') copy.items = withoutSplits(items, [...path, '[]'], found);
  return copy;
}

/**
 * Checks the envelope (throws `EnvelopeError`) and then each item on its own; returns the valid
 * items in their order and one reject per invalid item or element. An error envelope (non-empty
 * `errors`) is a valid envelope with no items: telling errors apart is the client's job.
 */
export function validateResponse<E extends Endpoint>(endpoint: E, body: unknown, options: ValidateOptions = {}): ValidatedResponse<ItemOf<E>> {
  const validateEnvelope = endpoint === 'status' ? objectEnvelope : arrayEnvelope;
  if (!validateEnvelope(body)) throw new EnvelopeError(endpoint, problemsOf(validateEnvelope.errors));
  const parameters = options.parameters ?? (Array.isArray(body.parameters) ? {} : body.parameters);
  const isArray = Array.isArray(body.response);
  const raw: unknown[] = isArray ? (body.response as unknown[]) : [body.response];
  const unit = unitOf(itemSchemaFor(endpoint, parameters));
  const rejects: ItemReject[] = [];
  const kept: Kept[] = [];
  raw.forEach((item, index) => {
    const base = isArray ? `/response/${index}` : '/response';
    const ctx: Check = {
      index,
      context: describe(itemOptions[endpoint], item) ?? `item ${index}`,
      rejects,
      problems: (options.problems ?? []).filter((p) => within(p.pointer, base)).map((p) => ({ ...p, pointer: p.pointer.slice(base.length) })),
    };
    const checked = checkElement(unit, item, '', ctx, itemOptions[endpoint]);
    if (!checked) return;
    const broken = ruleProblems(endpoint, checked, parameters);
    if (broken.length > 0) return void reject(ctx, item, '', broken, itemOptions[endpoint]);
    kept.push({ value: checked, at: '', place: base, ctx });
  });
  const items = dedupe(kept, itemOptions[endpoint]).map((k) => k.value as ItemOf<E>);
  return { envelope: body, items, rejects };
}

/** `/fixtures?id=` and `?ids=` embed events, lineups, statistics and players, so require them. */
function itemSchemaFor(endpoint: Endpoint, parameters: Readonly<Record<string, string>>): Schema<unknown> {
  if (endpoint === 'fixtures' && ('id' in parameters || 'ids' in parameters)) return fixtureWithDetailsSchema;
  return itemSchemas[endpoint];
}

/** The item being checked: where rejects go and what the intake found in it. */
interface Check {
  index: number;
  context: string;
  rejects: ItemReject[];
  /** intake problems, pointers relative to the item */
  problems: BodyProblem[];
}

interface Kept {
  value: unknown;
  /** pointer inside its item ('' for an item itself) */
  at: string;
  /** where it is, for messages: `at`, or the item's place in the body (`/response/3`) */
  place: string;
  ctx: Check;
}

/** The value with its rejected elements removed (a copy only where something was removed), or null when it is rejected itself. */
function checkElement(unit: Unit, value: unknown, at: string, ctx: Check, options: ItemsOptions): unknown | null {
  const problems: ItemProblem[] = [];
  if (!unit.validate(value)) problems.push(...problemsOf(unit.validate.errors).map((p) => ({ ...p, path: at + (p.path === '/' ? '' : p.path) || '/' })));
  for (const p of ctx.problems) {
    if (within(p.pointer, at) && !insideSite(unit, p.pointer.slice(at.length))) problems.push({ path: p.pointer || '/', message: p.reason });
  }
  if (problems.length > 0) {
    reject(ctx, value, at, problems, options);
    return null;
  }
  let result = value;
  for (const site of unit.sites) result = rebuild(result, site.path, at, (array, arrayAt) => checkArray(site, array, arrayAt, ctx));
  return result;
}

function checkArray(site: Site, array: unknown, at: string, ctx: Check): unknown {
  if (!Array.isArray(array)) return array;
  const kept: Kept[] = [];
  array.forEach((element, i) => {
    const checked = checkElement(site.unit, element, `${at}/${i}`, ctx, site.split.options);
    if (checked !== null) kept.push({ value: checked, at: `${at}/${i}`, place: `${at}/${i}`, ctx });
  });
  const out = dedupe(kept, site.split.options);
  return out.length === array.length && out.every((k, i) => k.value === array[i]) ? array : out.map((k) => k.value);
}

/** Applies `fn` to the arrays at `path` under `value`, copying only the objects on the way to a changed array. */
function rebuild(value: unknown, path: readonly string[], at: string, fn: (array: unknown, at: string) => unknown): unknown {
  if (path.length === 0) return fn(value, at);
  const [step, ...rest] = path as [string, ...string[]];
  if (step === '[]') {
    if (!Array.isArray(value)) return value;
    let changed = false;
    const out = value.map((v, i) => {
      const r = rebuild(v, rest, `${at}/${i}`, fn);
      changed ||= r !== v;
      return r;
    });
    return changed ? out : value;
  }
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) return value;
  const inner = (value as Record<string, unknown>)[step];
  const r = rebuild(inner, rest, `${at}/${escapePointer(step)}`, fn);
  return r === inner ? value : { ...(value as Record<string, unknown>), [step]: r };
}

/** Whether a pointer (relative to a unit) lies inside an element of one of the unit's `itemsOf` arrays. */
function insideSite(unit: Unit, pointer: string): boolean {
  const segments = pointer.split('/').slice(1);
  return unit.sites.some(({ path }) => {
    if (segments.length <= path.length) return false;
    const matches = path.every((step, i) => (step === '[]' ? /^\d+$/.test(segments[i]!) : unescapePointer(segments[i]!) === step));
    return matches && /^\d+$/.test(segments[path.length]!);
  });
}

/** Keeps one of identical copies (rejecting the others) and none of copies that differ; order of first appearance. */
function dedupe(kept: Kept[], options: ItemsOptions): Kept[] {
  if (!options.key || kept.length < 2) return kept;
  const keyOf = (k: Kept) => JSON.stringify(options.key!.map((path) => valueAt(k.value, path) ?? null));
  const keys = kept.map(keyOf);
  // The common case, every key once: nothing to settle.
  if (new Set(keys).size === keys.length) return kept;
  const groups = new Map<string, Kept[]>();
  kept.forEach((k, i) => {
    const group = groups.get(keys[i]!);
    if (group) group.push(k);
    else groups.set(keys[i]!, [k]);
  });
  const out: Kept[] = [];
  for (const group of groups.values()) {
    const [first, ...others] = group as [Kept, ...Kept[]];
    if (others.length === 0) {
      out.push(first);
      continue;
    }
    const name = describe(options, first.value) ?? options.what;
    const text = JSON.stringify(first.value);
    if (others.every((o) => JSON.stringify(o.value) === text)) {
      out.push(first);
      for (const o of others) reject(o.ctx, o.value, o.at, [{ path: o.at || '/', message: `duplicate ${name}: identical to the copy at ${first.place}, loaded once` }], options);
    } else {
      const places = group.map((g) => g.place).join(', ');
      for (const g of group) reject(g.ctx, g.value, g.at, [{ path: g.at || '/', message: `duplicate ${name}: ${group.length} copies with different contents (${places}); none loaded` }], options);
    }
  }
  const order = new Map(kept.map((k, i) => [k, i]));
  return out.sort((a, b) => order.get(a)! - order.get(b)!);
}

function reject(ctx: Check, item: unknown, at: string, problems: ItemProblem[], options: ItemsOptions): void {
  ctx.rejects.push({
    index: ctx.index,
    item,
    at,
    path: problems[0]?.path ?? '/',
    reason: summarise(problems),
    problems,
    what: options.what,
    table: options.table,
    context: ctx.context,
  });
}

/** `fixture 1149523`, `line-up player 276`; null when the value has no key (broken item). */
function describe(options: ItemsOptions, value: unknown): string | null {
  if (!options.key) return null;
  const values = options.key.map((path) => valueAt(value, path));
  if (values.some((v) => v === undefined || (typeof v === 'object' && v !== null))) return null;
  return `${options.what} ${values.map((v) => String(v)).join('/')}`;
}

const pathSteps = new Map<string, string[]>();

function valueAt(value: unknown, dotted: string): unknown {
  let steps = pathSteps.get(dotted);
  if (!steps) pathSteps.set(dotted, (steps = dotted.split('.')));
  let current = value;
  for (const step of steps) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

function within(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(`${base}/`);
}

function escapePointer(step: string): string {
  return step.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(step: string): string {
  return step.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A missing property is reported at its own path (`/fixture`), not at its parent's. */
function problemsOf(errors: ErrorObject[] | null | undefined): ItemProblem[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : null;
    const path = missing === null ? error.instancePath : `${error.instancePath}/${missing}`;
    return { path: path || '/', message: missing === null ? (error.message ?? error.keyword) : 'is required' };
  });
}

function summarise(problems: ItemProblem[]): string {
  return problems.map(({ path, message }) => `${path} ${message}`).join('; ');
}
