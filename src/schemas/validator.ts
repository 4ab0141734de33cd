/**
 * Validates API-Football responses against the schemas of this folder, compiled once.
 *
 * Two levels, because they call for different actions (STYLE.md, after the Singer SDK):
 * - a broken envelope means the whole response cannot be trusted: `EnvelopeError`, nothing loads;
 * - a broken item is a record-level problem: it comes back in `rejects` with its index, the JSON
 *   path of the problem and the reason, so the caller loads the other items and quarantines it.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { QuantfootError } from '../errors';
import type { Infer } from './builder';
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
import { squadSchema } from './squads';
import { standingsSchema } from './standings';
import { statusSchema } from './status';
import { teamSchema } from './teams';
import { venueSchema } from './venues';

/** The item schema of each endpoint, keyed by the path the API echoes in `get`. */
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
  'fixtures/events': fixtureEventSchema,
  'fixtures/lineups': fixtureLineupSchema,
  'fixtures/statistics': fixtureStatisticsSchema,
  'fixtures/players': fixturePlayersSchema,
  standings: standingsSchema,
  injuries: injurySchema,
} as const;

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

/** An item that failed its schema; `path`/`reason` summarise `problems` for a rejects table. */
export interface ItemReject {
  index: number;
  item: unknown;
  path: string;
  reason: string;
  problems: ItemProblem[];
}

export interface ValidatedResponse<T> {
  envelope: Envelope;
  items: T[];
  rejects: ItemReject[];
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
const itemValidators = new Map<Endpoint, ValidateFunction>(
  ENDPOINTS.map((endpoint) => [endpoint, ajv.compile(itemSchemas[endpoint])]),
);
const fixtureWithDetails = ajv.compile(fixtureWithDetailsSchema);

/**
 * Checks the envelope (throws `EnvelopeError`) and then each item on its own; returns the valid
 * items in their order and one reject per invalid item. An error envelope (non-empty `errors`)
 * is a valid envelope with no items: telling errors apart is the client's job.
 */
export function validateResponse<E extends Endpoint>(endpoint: E, body: unknown): ValidatedResponse<ItemOf<E>> {
  const validateEnvelope = endpoint === 'status' ? objectEnvelope : arrayEnvelope;
  if (!validateEnvelope(body)) throw new EnvelopeError(endpoint, problemsOf(validateEnvelope.errors));

  const validateItem = itemValidatorFor(endpoint, body);
  const raw: unknown[] = Array.isArray(body.response) ? body.response : [body.response];
  const items: ItemOf<E>[] = [];
  const rejects: ItemReject[] = [];
  raw.forEach((item, index) => {
    if (validateItem(item)) {
      items.push(item as ItemOf<E>);
      return;
    }
    const problems = problemsOf(validateItem.errors);
    rejects.push({ index, item, path: problems[0]?.path ?? '', reason: summarise(problems), problems });
  });
  return { envelope: body, items, rejects };
}

/** `/fixtures?id=` and `?ids=` embed events, lineups, statistics and players, so require them. */
function itemValidatorFor(endpoint: Endpoint, envelope: Envelope): ValidateFunction {
  const { parameters } = envelope;
  if (endpoint === 'fixtures' && !Array.isArray(parameters) && ('id' in parameters || 'ids' in parameters)) {
    return fixtureWithDetails;
  }
  return itemValidators.get(endpoint)!;
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
