/**
 * The streams of a league-season load, one small declaration each (Singer style): what it fetches,
 * its keys, when it is due, and how its bookmark advances. The runner (run.ts) walks them in this
 * order, because each one's rows reference the ones before it.
 */
import type { Knex } from 'knex';
import type { ApiParameters, ApiResult } from '../api/client';
import { batchIds } from '../api/batch';
import { Fixture, Season } from '../models';
import type { Endpoint, ItemOf } from '../schemas';
import { mergeState, readState, writeState } from './state';
import { fixtureFingerprint } from './transform/fixtures';

export interface StreamContext {
  knex: Knex;
  leagueId: number;
  season: number;
  full: boolean;
  now: Date;
  refreshIntervalHours: number;
  runId: number | null;
  /** the fixtures list of this run, once fetched */
  listed: Array<ItemOf<'fixtures'>> | null;
  /** fixture details were (or, in a dry run, would be) fetched in this run */
  resultsChanged: boolean;
  /** streams fetched so far in this run */
  fetched: Set<string>;
  /** optional streams asked for (`--with squads coachs transfers`) */
  extras: ReadonlySet<string>;
  /** runs another stream now (the fixtures list names a team the league-season does not have) */
  runStream(name: string): Promise<void>;
}

export interface Bookmark {
  refreshed_at?: string;
  pages?: number;
  /** paged streams: the next page of a pass a quota stop interrupted */
  resume_page?: number;
  fingerprints?: Record<string, string>;
  /** fixture_details: when each fixture's details were last fetched (ISO), for the settling schedule */
  fetched_at?: Record<string, string>;
  /** fixture_details: the API plan refused the `ids` parameter (when, and what it said): one fixture a call */
  ids_refused?: { at: string; message: string };
  /** venues: when each placeholder venue was last asked for (the API cannot resolve some: not every run) */
  tried?: Record<string, string>;
}

export interface StreamDeclaration {
  name: string;
  endpoint: Endpoint;
  /** golden tables it writes and their primary keys */
  keys: Record<string, readonly string[]>;
  /** how its bookmark advances, in words (etl status and the README show it) */
  bookmark: string;
  /** why it must be fetched now, or null to skip it this run */
  due(ctx: StreamContext): Promise<string | null>;
  /** its requests; a paged stream's request is its first page, the runner follows paging.total */
  requests(ctx: StreamContext): Promise<ApiParameters[]>;
  paged?: boolean;
  /** a look at a response before it loads (e.g. to fetch missing teams first) */
  received?(ctx: StreamContext, result: ApiResult<Endpoint>): Promise<void>;
  /** advances the bookmark, in the transaction that loads the response */
  advance?(trx: Knex.Transaction, ctx: StreamContext, result: ApiResult<Endpoint>, loadedFixtureIds: number[], lastPage: boolean): Promise<void>;
  /** the later streams need it: an answer that cannot be used stops the run instead of being skipped */
  essential?: boolean;
  /** what must hold once the stream ran (given how many items the API sent), else why the run cannot go on */
  mustHold?(ctx: StreamContext, itemsSent: number): Promise<string | null>;
  /** the requests to make instead of one the API plan refuses (`errors.plan`); none: the refusal stops the run */
  fallback?(ctx: StreamContext, refused: ApiParameters, planMessage: string): Promise<ApiParameters[] | null>;
  /** runs only when asked for (`--with NAME`): a call per team, worth it for some users and not others */
  optional?: boolean;
  /**
   * The season's coverage flags (golden.seasons, from /leagues) that say whether the API has this
   * stream's data: when every one of them is false, the stream costs no call (coverage.ts).
   */
  coverage?: readonly CoverageFlag[];
}

/** Columns of golden.seasons holding /leagues' coverage flags. */
export type CoverageFlag =
  | 'covers_events'
  | 'covers_lineups'
  | 'covers_fixture_statistics'
  | 'covers_player_statistics'
  | 'covers_standings'
  | 'covers_players'
  | 'covers_injuries';

/** Fixture statuses whose details (events, line-ups, statistics) exist or may change. */
export const STATUSES_WITH_DETAILS = new Set(['1H', 'HT', '2H', 'ET', 'BT', 'P', 'SUSP', 'INT', 'LIVE', 'FT', 'AET', 'PEN', 'ABD', 'AWD', 'WO']);

async function state(ctx: StreamContext, stream: string): Promise<Bookmark | null> {
  return readState<Bookmark>(ctx.knex, ctx.leagueId, ctx.season, stream);
}

/** Why a refresh-interval stream is due, or null when its data is fresh. */
function staleness(ctx: StreamContext, b: Bookmark | null, intervalHours = ctx.refreshIntervalHours): string | null {
  if (ctx.full) return '--full';
  if (!b?.refreshed_at) return 'never loaded';
  const hours = (ctx.now.getTime() - Date.parse(b.refreshed_at)) / 3_600_000;
  return hours > intervalHours ? `older than ${intervalHours} h` : null;
}

/** Squads, coaches and transfers change far more slowly than results: a week of refresh intervals. */
const SLOW_REFRESH = 7;

function touch(name: string, extra: Bookmark = {}) {
  return (trx: Knex.Transaction, ctx: StreamContext) => writeState(trx, ctx.leagueId, ctx.season, name, { refreshed_at: ctx.now.toISOString(), ...extra }, ctx.runId);
}

const leagueSeason = (ctx: StreamContext) => ({ league: ctx.leagueId, season: ctx.season });

const leagues: StreamDeclaration = {
  name: 'leagues',
  endpoint: 'leagues',
  keys: { countries: ['country_name'], leagues: ['league_id'], seasons: ['league_id', 'season'] },
  bookmark: '{refreshed_at}: fetched again when older than the refresh interval, or with --full',
  async due(ctx) {
    const known = await Season.query(ctx.knex).findById([ctx.leagueId, ctx.season]);
    return known ? staleness(ctx, await state(ctx, 'leagues')) : 'league-season not loaded yet';
  },
  requests: async (ctx) => [{ id: ctx.leagueId, season: ctx.season }],
  advance: touch('leagues'),
  essential: true,
  async mustHold(ctx, itemsSent) {
    if (itemsSent === 0) return `the API knows no league ${ctx.leagueId} with season ${ctx.season}`;
    const known = await Season.query(ctx.knex).findById([ctx.leagueId, ctx.season]);
    return known ? null : `league ${ctx.leagueId} season ${ctx.season} could not be loaded`;
  },
};

const teams: StreamDeclaration = {
  name: 'teams',
  endpoint: 'teams',
  keys: { venues: ['venue_id'], teams: ['team_id'], team_seasons: ['league_id', 'season', 'team_id'] },
  bookmark: '{refreshed_at}: fetched again when stale, or when the fixtures list names a team not yet in the league-season',
  due: async (ctx) => staleness(ctx, await state(ctx, 'teams')),
  requests: async (ctx) => [leagueSeason(ctx)],
  advance: touch('teams'),
  essential: true,
  mustHold: async (ctx, itemsSent) =>
    itemsSent > 0 && !(await ctx.knex('golden.team_seasons').where({ league_id: ctx.leagueId, season: ctx.season }).first()) ? `none of the ${itemsSent} teams of league ${ctx.leagueId} season ${ctx.season} could be loaded` : null,
};

const fixtures: StreamDeclaration = {
  name: 'fixtures',
  endpoint: 'fixtures',
  keys: { fixtures: ['fixture_id'] },
  bookmark: 'none: the list is fetched on every run (1 call); it is what tells the other streams what changed',
  due: async () => 'always',
  requests: async (ctx) => [leagueSeason(ctx)],
  essential: true,
  mustHold: async (ctx, itemsSent) =>
    itemsSent > 0 && !(await Fixture.query(ctx.knex).where({ league_id: ctx.leagueId, season: ctx.season }).first()) ? `none of the ${itemsSent} fixtures of league ${ctx.leagueId} season ${ctx.season} could be loaded` : null,
  async received(ctx, result) {
    ctx.listed = result.items as Array<ItemOf<'fixtures'>>;
    if (ctx.fetched.has('teams')) return;
    const known = new Set<number>(await ctx.knex('golden.team_seasons').where({ league_id: ctx.leagueId, season: ctx.season }).pluck('team_id'));
    if (ctx.listed.some((f) => !known.has(f.teams.home.id) || !known.has(f.teams.away.id))) await ctx.runStream('teams');
  },
};

/**
 * The API settles a finished fixture's details after the final whistle (line-ups and player
 * statistics filled in, substitutions and VAR decisions corrected) without its score changing, so
 * the fingerprint cannot tell. A finished fixture is fetched again once past each of these ages
 * (from kick-off) that it was last fetched before: three extra calls at most per 20 fixtures.
 */
export const SETTLE_AFTER_HOURS = [2, 24, 72] as const;
const SETTLING_STATUSES = new Set(['FT', 'AET', 'PEN']);

/** Whether a finished fixture passed a settle point since its details were fetched (never when that time is unknown). */
export function settlingDue(status: string, kickoffMs: number, fetchedAt: string | undefined, nowMs: number): boolean {
  if (!SETTLING_STATUSES.has(status) || fetchedAt === undefined) return false;
  const fetched = Date.parse(fetchedAt);
  return SETTLE_AFTER_HOURS.some((hours) => {
    const point = kickoffMs + hours * 3_600_000;
    return fetched < point && point <= nowMs;
  });
}

/** The plan refused `ids` this recently: ask one fixture a call (after that, try ids again, in case of an upgrade). */
const IDS_REFUSAL_MEMORY_MS = 7 * 86_400_000;

export function idsRefused(bookmark: Bookmark | null, now: Date): boolean {
  return bookmark?.ids_refused !== undefined && now.getTime() - Date.parse(bookmark.ids_refused.at) < IDS_REFUSAL_MEMORY_MS;
}

/** Listed fixtures whose details are missing, out of date, or due to settle, and why. */
async function fixturesDue(ctx: StreamContext): Promise<Map<number, 'changed' | 'settling'>> {
  const bookmark = await state(ctx, 'fixture_details');
  const seen = bookmark?.fingerprints ?? {};
  const fetchedAt = bookmark?.fetched_at ?? {};
  const loaded = new Set((await Fixture.query(ctx.knex).where({ league_id: ctx.leagueId, season: ctx.season }).select('fixture_id')).map((f) => f.fixture_id));
  const due = new Map<number, 'changed' | 'settling'>();
  for (const f of ctx.listed ?? []) {
    const status = f.fixture.status.short;
    if (!loaded.has(f.fixture.id) || !STATUSES_WITH_DETAILS.has(status)) continue;
    if (ctx.full || seen[f.fixture.id] !== fixtureFingerprint(f)) due.set(f.fixture.id, 'changed');
    else if (settlingDue(status, f.fixture.timestamp * 1000, fetchedAt[f.fixture.id], ctx.now.getTime())) due.set(f.fixture.id, 'settling');
  }
  return due;
}

const fixtureDetails: StreamDeclaration = {
  name: 'fixture_details',
  endpoint: 'fixtures',
  // The scores come with the fixtures list: the details are events, line-ups and statistics.
  coverage: ['covers_events', 'covers_lineups', 'covers_fixture_statistics', 'covers_player_statistics'],
  keys: {
    fixture_events: ['fixture_id', 'event_index'],
    fixture_lineups: ['fixture_id', 'team_id'],
    fixture_lineup_players: ['fixture_id', 'team_id', 'player_id'],
    fixture_team_stats: ['fixture_id', 'team_id'],
    fixture_player_stats: ['fixture_id', 'team_id', 'player_id'],
  },
  bookmark:
    '{fingerprints: {fixture_id: "status|elapsed|goals|penalties"}, fetched_at: {fixture_id: ISO}, ids_refused?}: a fixture is fetched (ids, 20 a call; one a call when the plan refuses ids) once started, whenever its fingerprint changes, and once past 2 h, 24 h and 72 h after kick-off while it settles; each batch commits with its fingerprints and times',
  async due(ctx) {
    const due = [...(await fixturesDue(ctx)).values()];
    ctx.resultsChanged = due.includes('changed');
    const settling = due.filter((why) => why === 'settling').length;
    const changed = due.length - settling;
    const reasons = [changed > 0 ? `${changed} fixture(s) new, changed or newly finished` : null, settling > 0 ? `${settling} finished fixture(s) settling (fetched again ${SETTLE_AFTER_HOURS.join(' h, ')} h after kick-off)` : null];
    return due.length > 0 ? reasons.filter(Boolean).join('; ') : null;
  },
  async requests(ctx) {
    const ids = [...(await fixturesDue(ctx)).keys()];
    if (idsRefused(await state(ctx, 'fixture_details'), ctx.now)) return ids.map((id) => ({ id }));
    return batchIds(ids).map((batch) => ({ ids: batch.join('-') }));
  },
  async advance(trx, ctx, _result, loaded) {
    const byId = new Map((ctx.listed ?? []).map((f) => [f.fixture.id, fixtureFingerprint(f)]));
    const fingerprints = Object.fromEntries(loaded.map((id) => [String(id), byId.get(id)]));
    const fetchedAt = Object.fromEntries(loaded.map((id) => [String(id), ctx.now.toISOString()]));
    await trx.raw(
      `insert into etl.state (league_id, season, stream, bookmark, run_id) values (?, ?, 'fixture_details', jsonb_build_object('fingerprints', ?::jsonb, 'fetched_at', ?::jsonb), ?)
       on conflict (league_id, season, stream) do update
       set bookmark = etl.state.bookmark
             || jsonb_build_object('fingerprints', coalesce(etl.state.bookmark->'fingerprints', '{}'::jsonb) || (excluded.bookmark->'fingerprints'))
             || jsonb_build_object('fetched_at', coalesce(etl.state.bookmark->'fetched_at', '{}'::jsonb) || (excluded.bookmark->'fetched_at')),
           run_id = excluded.run_id, updated_at = now()`,
      [ctx.leagueId, ctx.season, JSON.stringify(fingerprints), JSON.stringify(fetchedAt), ctx.runId],
    );
  },
  async fallback(ctx, refused, planMessage) {
    if (refused.ids === undefined || !/\bids\b/i.test(planMessage)) return null;
    await mergeState(ctx.knex, ctx.leagueId, ctx.season, 'fixture_details', { ids_refused: { at: ctx.now.toISOString(), message: planMessage } }, ctx.runId);
    return String(refused.ids).split('-').map((id) => ({ id: Number(id) }));
  },
};

const players: StreamDeclaration = {
  name: 'players',
  endpoint: 'players',
  coverage: ['covers_players'],
  keys: { players: ['player_id'], player_team_seasons: ['player_id', 'team_id', 'league_id', 'season'] },
  bookmark: '{refreshed_at, pages, resume_page}: fetched (all pages) when stale, or when new results bring line-ups naming players without season statistics; each page commits resume_page, so a pass stopped by the quota goes on from there',
  paged: true,
  async due(ctx) {
    const bookmark = await state(ctx, 'players');
    if (bookmark?.resume_page && !ctx.full) return `resuming the interrupted pass at page ${bookmark.resume_page}`;
    const stale = staleness(ctx, bookmark);
    if (stale || !ctx.resultsChanged) return stale;
    const { rows } = await ctx.knex.raw(
      `select count(distinct lp.player_id)::int as n from golden.fixture_lineup_players lp join golden.fixtures f using (fixture_id)
       where f.league_id = ? and f.season = ? and not exists (
         select 1 from golden.player_team_seasons s where s.player_id = lp.player_id and s.league_id = f.league_id and s.season = f.season)`,
      [ctx.leagueId, ctx.season],
    );
    return rows[0].n > 0 ? `${rows[0].n} player(s) in line-ups without season statistics` : null;
  },
  async requests(ctx) {
    const bookmark = await state(ctx, 'players');
    return [{ ...leagueSeason(ctx), page: ctx.full ? 1 : (bookmark?.resume_page ?? 1) }];
  },
  async advance(trx, ctx, result, _loaded, lastPage) {
    const previous = (await readState<Bookmark>(trx, ctx.leagueId, ctx.season, 'players')) ?? {};
    const pages = result.envelope.paging.total;
    const bookmark: Bookmark = lastPage
      ? { refreshed_at: ctx.now.toISOString(), pages }
      : { ...previous, pages, resume_page: Number(result.parameters.page) + 1 };
    await writeState(trx, ctx.leagueId, ctx.season, 'players', bookmark, ctx.runId);
  },
};

const rounds: StreamDeclaration = {
  name: 'rounds',
  endpoint: 'fixtures/rounds',
  keys: { rounds: ['league_id', 'season', 'round'] },
  bookmark: '{refreshed_at}: fetched when stale, or when the fixtures list names a round not known yet (1 call)',
  async due(ctx) {
    const stale = staleness(ctx, await state(ctx, 'rounds'));
    if (stale) return stale;
    const known = new Set<string>(await ctx.knex('golden.rounds').where({ league_id: ctx.leagueId, season: ctx.season }).pluck('round'));
    const unknown = new Set((ctx.listed ?? []).map((f) => f.league.round).filter((r) => !known.has(r)));
    return unknown.size > 0 ? `${unknown.size} round(s) in the fixtures list not known yet` : null;
  },
  requests: async (ctx) => [leagueSeason(ctx)],
  advance: touch('rounds'),
};

/** Venues the league-season's fixtures name that no /teams or /venues answer described (only the fixture's name and city). */
async function placeholderVenues(ctx: StreamContext): Promise<number[]> {
  const tried = (await state(ctx, 'venues'))?.tried ?? {};
  const ids: number[] = await ctx.knex('golden.venues as v')
    .whereIn('v.venue_id', ctx.knex('golden.fixtures').where({ league_id: ctx.leagueId, season: ctx.season }).whereNotNull('venue_id').select('venue_id'))
    .whereNull('v.capacity').whereNull('v.surface').whereNull('v.image_url')
    .orderBy('v.venue_id')
    .pluck('v.venue_id');
  // One the API could not resolve is asked again after a refresh interval, not on every run.
  return ids.filter((id) => !tried[id] || (ctx.now.getTime() - Date.parse(tried[id]!)) / 3_600_000 > ctx.refreshIntervalHours);
}

const venues: StreamDeclaration = {
  name: 'venues',
  endpoint: 'venues',
  keys: { venues: ['venue_id'] },
  bookmark: '{tried: {venue_id: ISO}}: a venue known only from fixtures (a neutral ground, a cup final) is asked for (1 call each), again after the refresh interval if the API could not say',
  async due(ctx) {
    const ids = await placeholderVenues(ctx);
    return ids.length > 0 ? `${ids.length} venue(s) known only by name from the fixtures` : null;
  },
  requests: async (ctx) => (await placeholderVenues(ctx)).map((id) => ({ id })),
  advance: markTried('venues', 'id'),
};

/** An optional per-team stream (squads, coaches, transfers): one call per team of the league-season, weekly. */
function perTeam(name: string, endpoint: Endpoint, keys: StreamDeclaration['keys'], what: string): StreamDeclaration {
  return {
    name,
    endpoint,
    keys,
    optional: true,
    bookmark: `{refreshed_at}: ${what}; one call per team, fetched when older than ${SLOW_REFRESH} refresh intervals, with --full, or never loaded (only with --with ${name})`,
    due: async (ctx) => staleness(ctx, await state(ctx, name), ctx.refreshIntervalHours * SLOW_REFRESH),
    requests: async (ctx) => (await ctx.knex('golden.team_seasons').where({ league_id: ctx.leagueId, season: ctx.season }).orderBy('team_id').pluck('team_id')).map((team: number) => ({ team })),
    async advance(trx, ctx, result) {
      const teamIds: number[] = await trx('golden.team_seasons').where({ league_id: ctx.leagueId, season: ctx.season }).orderBy('team_id').pluck('team_id');
      if (Number(result.parameters.team) === teamIds.at(-1)) await touch(name)(trx, ctx);
    },
  };
}

/** Finished fixtures of the league-season without half statistics, in a season whose coverage has match statistics. */
async function fixturesWithoutHalves(ctx: StreamContext): Promise<number[]> {
  const tried = (await state(ctx, 'halves'))?.tried ?? {};
  const ids: number[] = await ctx.knex('golden.fixtures as f')
    .join('golden.seasons as s', function () {
      this.on('s.league_id', 'f.league_id').andOn('s.season', 'f.season');
    })
    .where({ 'f.league_id': ctx.leagueId, 'f.season': ctx.season })
    .whereIn('f.status_short', ['FT', 'AET', 'PEN'])
    .whereNot('s.covers_fixture_statistics', false)
    .whereNotExists(ctx.knex('golden.fixture_team_half_stats as h').whereRaw('h.fixture_id = f.fixture_id'))
    .orderBy('f.fixture_id')
    .pluck('f.fixture_id');
  return ids.filter((id) => !tried[id] || (ctx.now.getTime() - Date.parse(tried[id]!)) / 3_600_000 > ctx.refreshIntervalHours * SLOW_REFRESH);
}

/** Records, in the response's transaction, that the request for `id` was made (the API may have nothing to say). */
function markTried(name: string, parameter: string) {
  return async (trx: Knex.Transaction, ctx: StreamContext, result: ApiResult<Endpoint>) => {
    await trx.raw(
      `insert into etl.state (league_id, season, stream, bookmark, run_id) values (?, ?, ?, jsonb_build_object('tried', ?::jsonb), ?)
       on conflict (league_id, season, stream) do update
       set bookmark = etl.state.bookmark || jsonb_build_object('tried', coalesce(etl.state.bookmark->'tried', '{}'::jsonb) || (excluded.bookmark->'tried')),
           run_id = excluded.run_id, updated_at = now()`,
      [ctx.leagueId, ctx.season, name, JSON.stringify({ [String(result.parameters[parameter])]: ctx.now.toISOString() }), ctx.runId],
    );
  };
}

const halves: StreamDeclaration = {
  name: 'halves',
  endpoint: 'fixtures/statistics',
  coverage: ['covers_fixture_statistics'],
  keys: { fixture_team_half_stats: ['fixture_id', 'team_id', 'half'] },
  optional: true,
  bookmark: '{tried: {fixture_id: ISO}}: first- and second-half statistics of each finished fixture, once (1 call per fixture: /fixtures/statistics?half=true), where the season\'s coverage has match statistics (only with --with halves)',
  async due(ctx) {
    const ids = await fixturesWithoutHalves(ctx);
    return ids.length > 0 ? `${ids.length} finished fixture(s) without half statistics` : null;
  },
  requests: async (ctx) => (await fixturesWithoutHalves(ctx)).map((fixture) => ({ fixture, half: 'true' })),
  advance: markTried('halves', 'fixture'),
};

/** Players the league-season's injuries name whose absences were not fetched in the last slow refresh. */
async function injuredPlayers(ctx: StreamContext): Promise<number[]> {
  const tried = (await state(ctx, 'sidelined'))?.tried ?? {};
  const ids: number[] = await ctx.knex('golden.injuries as i')
    .join('golden.fixtures as f', 'f.fixture_id', 'i.fixture_id')
    .where({ 'f.league_id': ctx.leagueId, 'f.season': ctx.season })
    .distinct('i.player_id')
    .orderBy('i.player_id')
    .pluck('i.player_id');
  return ids.filter((id) => ctx.full || !tried[id] || (ctx.now.getTime() - Date.parse(tried[id]!)) / 3_600_000 > ctx.refreshIntervalHours * SLOW_REFRESH);
}

const sidelined: StreamDeclaration = {
  name: 'sidelined',
  endpoint: 'sidelined',
  keys: { sidelined: ['player_id', 'start_date'] },
  optional: true,
  bookmark: '{tried: {player_id: ISO}}: the absences (/sidelined) of every player the league-season\'s injuries name, 1 call each, weekly (only with --with sidelined)',
  async due(ctx) {
    const ids = await injuredPlayers(ctx);
    return ids.length > 0 ? `${ids.length} injured player(s) whose absences are not fresh` : null;
  },
  requests: async (ctx) => (await injuredPlayers(ctx)).map((player) => ({ player })),
  advance: markTried('sidelined', 'player'),
};

function followsResults(name: 'standings' | 'injuries', table: string): StreamDeclaration {
  return {
    name,
    endpoint: name,
    keys: name === 'standings' ? { standings: ['league_id', 'season', 'group_name', 'team_id'] } : { injuries: ['fixture_id', 'player_id'] },
    coverage: [name === 'standings' ? 'covers_standings' : 'covers_injuries'],
    bookmark: `{refreshed_at}: fetched when results changed in this run, when stale, or with --full (${table})`,
    due: async (ctx) => (ctx.resultsChanged ? 'results changed' : staleness(ctx, await state(ctx, name))),
    requests: async (ctx) => [leagueSeason(ctx)],
    advance: touch(name),
  };
}

export const STREAMS: readonly StreamDeclaration[] = [
  leagues,
  teams,
  fixtures,
  rounds,
  venues,
  fixtureDetails,
  players,
  followsResults('standings', 'the API tables of every group'),
  followsResults('injuries', 'players missing or doubtful per fixture'),
  perTeam('squads', 'players/squads', { squad_players: ['team_id', 'player_id'] }, 'the current squad of each team (/players/squads)'),
  perTeam('coachs', 'coachs', { coaches: ['coach_id'], coach_tenures: ['coach_id', 'team_id', 'start_date'] }, 'the coach of each team and his career (/coachs)'),
  perTeam('transfers', 'transfers', { transfers: ['player_id', 'transfer_date', 'team_out_id', 'team_in_id'] }, 'the moves of each team\'s players (/transfers)'),
  sidelined,
  halves,
];

/** The optional streams, for `--with`. */
export const OPTIONAL_STREAMS = STREAMS.filter((s) => s.optional).map((s) => s.name);
