/**
 * What each endpoint accepts and answers (SPEC §7): its parameters, their rules and the real error
 * texts (SPEC §3.2). Error texts the real API was never seen sending are the mock's best guess, each
 * marked "guess". `/status` lives in the server, which owns the quota it reports.
 */
import type { LeagueSeason, Team } from './dataset/catalog';
import type { Competition, Match } from './dataset/competition';
import type { Dataset } from './dataset/dataset';
import { withHalves } from './dataset/halves';
import { coachOf, sidelinedOf, transfersOf } from './dataset/staff';
import { dayOf, isTimeZone } from './dataset/time';
import type { FixtureDetails, FixtureItem, StandingsItem } from './dataset/types';
import {
  fixtureItem, injuryItem, isInjuryKnown, leagueItem, playerProfile, squadItem, statusOf, teamItem,
} from './dataset/views';
import type { Parameters } from './envelope';

export type Answer =
  | { errors: Record<string, string> }
  | { response: unknown; paging?: { current: number; total: number } };

interface Endpoint {
  params: readonly string[];
  /** Page size, for the few paginated endpoints (`page` is refused elsewhere). */
  pageSize?: number;
  answer(q: Query, dataset: Dataset): Answer;
}

const PLAYERS_PAGE = 20;
const MAX_IDS = 20;

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
export const doesNotExist = (name: string) => `The ${capitalised(name)} field do not exist.`;
const isRequired = (name: string) => `The ${capitalised(name)} field is required.`;
const AT_LEAST_ONE = { required: 'At least one parameter is required.' };
const seasonRequired = () => ({ errors: { season: isRequired('season') } });

/** The query of one request, with typed readers that collect the parameters' errors. */
class Query {
  readonly errors: Record<string, string> = {};

  constructor(readonly raw: Parameters) {}

  get empty(): boolean {
    return Object.keys(this.raw).length === 0;
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  text(name: string, minLength = 0): string | undefined {
    const value = this.raw[name];
    if (value !== undefined && value.length < minLength) {
      this.errors[name] = `The ${capitalised(name)} field must be at least ${minLength} characters in length.`;
    }
    return value;
  }

  int(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) this.errors[name] = `The ${capitalised(name)} field must contain an integer.`; // guess
    return Number(value);
  }

  season(): number | undefined {
    const value = this.raw.season;
    if (value !== undefined && !/^\d{4}$/.test(value)) this.errors.season = 'The Season field must contain 4 digits.'; // guess
    return value === undefined ? undefined : Number(value);
  }

  day(name: string): string | undefined {
    const value = this.raw[name];
    if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))) {
      this.errors[name] = `The ${capitalised(name)} field must contain a valid date. Example: 2019-10-20`; // guess
    }
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') this.errors[name] = `The ${capitalised(name)} field must contain true or false.`; // guess
    return value === 'true';
  }

  zone(): string {
    const value = this.raw.timezone;
    if (value === undefined) return 'UTC';
    if (!isTimeZone(value)) this.errors.timezone = 'The Timezone field must contain a valid timezone.'; // guess
    return value;
  }

  ids(name: string): number[] | undefined {
    const value = this.raw[name];
    if (value === undefined) return undefined;
    const parts = value.split('-');
    if (parts.some((p) => !/^\d+$/.test(p))) this.errors[name] = `The ${capitalised(name)} field must contain integers separated by "-".`; // guess
    else if (parts.length > MAX_IDS) this.errors[name] = `Maximum of ${MAX_IDS} ids allowed.`; // guess: never observed
    return parts.map(Number);
  }

  get failed(): boolean {
    return Object.keys(this.errors).length > 0;
  }
}

/** Answers a request to `endpoint` (not `status`); undefined when no such endpoint exists. */
export function answer(endpoint: string, parameters: Parameters, dataset: Dataset): Answer | undefined {
  const spec = ENDPOINTS[endpoint];
  if (spec === undefined) return undefined;
  const unknown = Object.keys(parameters).filter((name) => !spec.params.includes(name) && !(name === 'page' && spec.pageSize !== undefined));
  if (unknown.length > 0) return { errors: Object.fromEntries(unknown.map((name) => [name, doesNotExist(name)])) };
  const q = new Query(parameters);
  const result = spec.answer(q, dataset);
  return q.failed ? { errors: q.errors } : result;
}

export const ENDPOINTS: Record<string, Endpoint> = {
  timezone: { params: [], answer: () => ({ response: Intl.supportedValuesOf('timeZone') }) },
  countries: { params: ['name', 'code', 'search'], answer: countries },
  leagues: { params: ['id', 'name', 'country', 'code', 'season', 'team', 'type', 'current', 'search', 'last'], answer: leagues },
  'leagues/seasons': { params: [], answer: (_, ds) => ({ response: [...new Set(ds.catalog.leagueSeasons.map((s) => s.season))].sort((a, b) => a - b) }) },
  teams: { params: ['id', 'name', 'league', 'season', 'country', 'code', 'venue', 'search'], answer: teams },
  venues: { params: ['id', 'name', 'city', 'country', 'search'], answer: venues },
  standings: { params: ['league', 'season', 'team'], answer: standings },
  'fixtures/rounds': { params: ['league', 'season', 'current', 'dates', 'timezone'], answer: rounds },
  fixtures: { params: ['id', 'ids', 'live', 'date', 'league', 'season', 'team', 'last', 'next', 'from', 'to', 'round', 'status', 'venue', 'timezone'], answer: fixtures },
  'fixtures/events': { params: ['fixture', 'team', 'player', 'type'], answer: events },
  'fixtures/lineups': { params: ['fixture', 'team', 'player', 'type'], answer: lineups },
  'fixtures/statistics': { params: ['fixture', 'team', 'type', 'half'], answer: statistics },
  'fixtures/players': { params: ['fixture', 'team'], answer: fixturePlayers },
  injuries: { params: ['league', 'season', 'fixture', 'team', 'player', 'date', 'ids', 'timezone'], answer: injuries },
  players: { params: ['id', 'team', 'league', 'season', 'search'], pageSize: PLAYERS_PAGE, answer: players },
  'players/squads': { params: ['team', 'player'], answer: squads },
  coachs: { params: ['id', 'team', 'search'], answer: coachs },
  transfers: { params: ['player', 'team'], answer: transfers },
  sidelined: { params: ['player', 'coach'], answer: sidelined },
};

const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function countries(q: Query, ds: Dataset): Answer {
  const name = q.text('name');
  const code = q.text('code');
  const search = q.text('search', 3);
  return {
    response: ds.catalog.countries().filter((c) =>
      (name === undefined || same(c.name, name)) && (code === undefined || (c.code !== null && same(c.code, code))) && (search === undefined || contains(c.name, search))),
  };
}

function leagues(q: Query, ds: Dataset): Answer {
  const id = q.int('id');
  const name = q.text('name');
  const country = q.text('country');
  const code = q.text('code');
  const season = q.season();
  const team = q.int('team');
  const type = q.text('type');
  const current = q.bool('current');
  const search = q.text('search', 3);
  const last = q.int('last');
  const seasonFiltered = season !== undefined || team !== undefined || current === true;
  let items = ds.catalog.leagues
    .filter((l) => (id === undefined || l.id === id) && (name === undefined || same(l.name, name))
      && (country === undefined || same(l.country.name, country)) && (code === undefined || (l.country.code !== null && same(l.country.code, code)))
      && (type === undefined || same(l.type, type)) && (search === undefined || contains(l.name, search) || contains(l.country.name, search)))
    .map((l) => {
      const latest = Math.max(...l.seasons.map((s) => s.season));
      const seasons = l.seasons.filter((s) => (season === undefined || s.season === season)
        && (team === undefined || s.teamIds.includes(team)) && (current !== true || s.season === latest));
      return { league: l, seasons };
    })
    .filter((x) => !seasonFiltered || x.seasons.length > 0);
  if (last !== undefined) items = [...items].sort((a, b) => b.league.id - a.league.id).slice(0, last).sort((a, b) => a.league.id - b.league.id);
  return { response: items.map((x) => leagueItem(x.league, x.seasons)) };
}

function teams(q: Query, ds: Dataset): Answer {
  const id = q.int('id');
  const name = q.text('name');
  const league = q.int('league');
  const season = q.season();
  const country = q.text('country');
  const code = q.text('code');
  const venue = q.int('venue');
  const search = q.text('search', 3);
  if (q.failed) return { errors: q.errors };
  if (q.empty) return { errors: AT_LEAST_ONE };
  if (league !== undefined && search !== undefined) return { errors: { league: 'The League field cannot be used with the Search field.' } };
  if (league !== undefined && season === undefined) return seasonRequired();
  let pool: Team[];
  if (league !== undefined) pool = (ds.catalog.leagueSeason(league, season as number)?.teamIds ?? []).map((t) => ds.catalog.team(t));
  else if (season !== undefined) pool = [...new Set(ds.catalog.leagueSeasons.filter((s) => s.season === season).flatMap((s) => s.teamIds))].map((t) => ds.catalog.team(t));
  else pool = [...ds.catalog.teams.values()];
  const found = pool
    .filter((t) => (id === undefined || t.id === id) && (name === undefined || same(t.name, name)) && (country === undefined || same(t.country, country))
      && (code === undefined || same(t.code, code)) && (venue === undefined || t.venueId === venue)
      && (search === undefined || contains(t.name, search) || contains(t.country, search)))
    .sort((a, b) => a.id - b.id);
  return { response: found.map((t) => teamItem(t, ds.catalog.venue(t.venueId))) };
}

function venues(q: Query, ds: Dataset): Answer {
  const id = q.int('id');
  const name = q.text('name');
  const city = q.text('city');
  const country = q.text('country');
  const search = q.text('search', 3);
  if (q.failed) return { errors: q.errors };
  if (q.empty) return { errors: AT_LEAST_ONE };
  if (country !== undefined && search !== undefined) return { errors: { country: 'The Country field cannot be used with the Search field.' } };
  return {
    response: [...ds.catalog.venues.values()]
      .filter((v) => (id === undefined || v.id === id) && (name === undefined || same(v.name, name)) && (city === undefined || same(v.city, city))
        && (country === undefined || same(v.country, country)) && (search === undefined || contains(v.name, search) || contains(v.city, search) || contains(v.country, search)))
      .sort((a, b) => a.id - b.id),
  };
}

function standings(q: Query, ds: Dataset): Answer {
  const league = q.int('league');
  const season = q.season();
  const team = q.int('team');
  if (q.failed) return { errors: q.errors };
  if (season === undefined) return seasonRequired();
  if (league === undefined && team === undefined) return { errors: AT_LEAST_ONE }; // guess
  const chosen = league !== undefined ? [ds.catalog.leagueSeason(league, season)].filter((s) => s !== undefined) : ds.catalog.leagueSeasonsOfTeam(team as number, season);
  const items: StandingsItem[] = [];
  for (const leagueSeason of chosen) {
    const item = ds.standings(ds.competition(leagueSeason));
    if (team === undefined) {
      items.push(item);
      continue;
    }
    const groups = item.league.standings.map((rows) => rows.filter((r) => r.team.id === team)).filter((rows) => rows.length > 0);
    if (groups.length > 0) items.push({ league: { ...item.league, standings: groups } });
  }
  return { response: items };
}

function rounds(q: Query, ds: Dataset): Answer {
  const league = q.int('league');
  const season = q.season();
  const current = q.bool('current');
  const dates = q.bool('dates');
  const zone = q.zone();
  if (q.failed) return { errors: q.errors };
  if (league === undefined) return { errors: { league: isRequired('league') } };
  if (season === undefined) return seasonRequired();
  const leagueSeason = ds.catalog.leagueSeason(league, season);
  if (leagueSeason === undefined) return { response: [] };
  const competition = ds.competition(leagueSeason);
  const listed = ds.listed(competition);
  let names = competition.rounds.filter((round) => listed.some((m) => m.round === round));
  if (current === true) {
    const played = listed.filter((m) => m.kickoff < ds.asOf);
    names = [played.length > 0 ? played[played.length - 1].round : names[0]].filter((r) => r !== undefined);
  }
  if (dates !== true) return { response: names };
  return {
    response: names.map((round) => ({
      round,
      dates: [...new Set(listed.filter((m) => m.round === round).map((m) => dayOf(m.kickoff, zone)))].sort(),
    })),
  };
}

function withDetails(match: Match, ds: Dataset, zone: string): FixtureItem & FixtureDetails {
  return { ...fixtureItem(match, ds.asOf, zone), ...ds.details(match) };
}

function fixtures(q: Query, ds: Dataset): Answer {
  const id = q.int('id');
  const ids = q.ids('ids');
  const live = q.text('live');
  const date = q.day('date');
  const league = q.int('league');
  const season = q.season();
  const team = q.int('team');
  const last = q.int('last');
  const next = q.int('next');
  const from = q.day('from');
  const to = q.day('to');
  const round = q.text('round');
  const status = q.text('status');
  const venue = q.int('venue');
  const zone = q.zone();
  if (q.failed) return { errors: q.errors };
  if (q.empty) return { errors: AT_LEAST_ONE }; // guess
  if (league !== undefined && season === undefined) return seasonRequired();
  if (team !== undefined && (from !== undefined || to !== undefined) && season === undefined) return seasonRequired();
  if ((from === undefined) !== (to === undefined)) return { errors: from === undefined ? { from: isRequired('from') } : { to: isRequired('to') } }; // guess
  if (id !== undefined || ids !== undefined) {
    const wanted = [...new Set([...(ids ?? []), ...(id === undefined ? [] : [id])])].sort((a, b) => a - b);
    return { response: wanted.map((i) => ds.match(i)).filter((m) => m !== undefined).map((m) => withDetails(m, ds, zone)) };
  }
  // Nothing is ever in play in the mock: matches are either played or not.
  if (live !== undefined) return { response: [] };

  const window = date !== undefined ? [date, date] : from !== undefined && to !== undefined ? [from, to] : undefined;
  let scope: LeagueSeason[];
  if (league !== undefined) scope = [ds.catalog.leagueSeason(league, season as number)].filter((s) => s !== undefined);
  else if (team !== undefined) scope = ds.catalog.leagueSeasonsOfTeam(team, season);
  else scope = ds.catalog.leagueSeasons.filter((s) => (season === undefined || s.season === season)
    && (window === undefined || (s.start <= window[1] && s.end >= window[0])));
  const statuses = status?.split('-');
  let found = scope.flatMap((s) => ds.listed(ds.competition(s))).filter((m) =>
    (team === undefined || m.home.id === team || m.away.id === team) && (round === undefined || m.round === round)
    && (venue === undefined || m.venue.id === venue) && (statuses === undefined || statuses.includes(statusOf(m, ds.asOf)))
    && (window === undefined || (dayOf(m.kickoff, zone) >= window[0] && dayOf(m.kickoff, zone) <= window[1])));
  if (last !== undefined) found = found.filter((m) => m.kickoff < ds.asOf).sort((a, b) => a.kickoff - b.kickoff).slice(-last);
  if (next !== undefined) found = found.filter((m) => m.kickoff >= ds.asOf).sort((a, b) => a.kickoff - b.kickoff).slice(0, next);
  return { response: found.sort((a, b) => a.id - b.id).map((m) => fixtureItem(m, ds.asOf, zone)) };
}

/** The played match a `fixture=` parameter names; null when the answer is an empty list. */
function fixtureOf(q: Query, ds: Dataset): { match: Match | null } | { errors: Record<string, string> } {
  const fixture = q.int('fixture');
  if (q.failed) return { errors: q.errors };
  if (fixture === undefined) return { errors: { fixture: isRequired('fixture') } };
  return { match: ds.match(fixture) ?? null };
}

function events(q: Query, ds: Dataset): Answer {
  const team = q.int('team');
  const player = q.int('player');
  const type = q.text('type');
  const found = fixtureOf(q, ds);
  if ('errors' in found) return found;
  if (found.match === null) return { response: [] };
  return {
    response: ds.details(found.match).events.filter((e) =>
      (team === undefined || e.team.id === team) && (player === undefined || e.player.id === player || e.assist.id === player)
      && (type === undefined || same(e.type, type))),
  };
}

function lineups(q: Query, ds: Dataset): Answer {
  const team = q.int('team');
  const player = q.int('player');
  // `type` (startXI, substitutes) is accepted as the real API does; it filters nothing here.
  q.text('type');
  const found = fixtureOf(q, ds);
  if ('errors' in found) return found;
  if (found.match === null) return { response: [] };
  return {
    response: ds.details(found.match).lineups.filter((l) => (team === undefined || l.team.id === team)
      && (player === undefined || [...l.startXI, ...l.substitutes].some((p) => p.player.id === player))),
  };
}

function statistics(q: Query, ds: Dataset): Answer {
  const team = q.int('team');
  const type = q.text('type');
  const half = q.bool('half');
  const found = fixtureOf(q, ds);
  if ('errors' in found) return found;
  if (found.match === null) return { response: [] };
  const match = found.match;
  return {
    response: ds.details(match).statistics
      .filter((s) => team === undefined || s.team.id === team)
      .map((s) => (half === true ? withHalves(ds.seed, match.id, s) : s))
      .map((s) => (type === undefined ? s : { ...s, statistics: s.statistics.filter((st) => same(st.type, type)) })),
  };
}

function fixturePlayers(q: Query, ds: Dataset): Answer {
  const team = q.int('team');
  const found = fixtureOf(q, ds);
  if ('errors' in found) return found;
  if (found.match === null) return { response: [] };
  return { response: ds.details(found.match).players.filter((p) => team === undefined || p.team.id === team) };
}

function injuries(q: Query, ds: Dataset): Answer {
  const league = q.int('league');
  const season = q.season();
  const fixture = q.int('fixture');
  const team = q.int('team');
  const player = q.int('player');
  const date = q.day('date');
  const ids = q.ids('ids');
  const zone = q.zone();
  if (q.failed) return { errors: q.errors };
  if (q.empty) return { errors: AT_LEAST_ONE };
  if ((league !== undefined || team !== undefined || player !== undefined) && season === undefined && fixture === undefined && ids === undefined) return seasonRequired();
  const fixtureIds = fixture !== undefined || ids !== undefined ? new Set([...(ids ?? []), ...(fixture === undefined ? [] : [fixture])]) : undefined;
  let scope: LeagueSeason[];
  if (fixtureIds !== undefined) scope = [...new Set([...fixtureIds].map((i) => ds.catalog.leagueSeasonOfFixture(i)).filter((s) => s !== undefined))];
  else if (league !== undefined) scope = [ds.catalog.leagueSeason(league, season as number)].filter((s) => s !== undefined);
  else if (team !== undefined) scope = ds.catalog.leagueSeasonsOfTeam(team, season);
  else if (player !== undefined) scope = ds.catalog.leagueSeasonsOfTeam(ds.player(player)?.teamId ?? -1, season);
  else scope = ds.catalog.leagueSeasons.filter((s) => (season === undefined || s.season === season) && (date === undefined || (s.start <= date && s.end >= date)));
  const found = scope.flatMap((s) => ds.competition(s).injuries).filter((inj) => isInjuryKnown(inj, ds.asOf)
    && (fixtureIds === undefined || fixtureIds.has(inj.match.id)) && (team === undefined || inj.team.id === team)
    && (player === undefined || inj.player.id === player) && (date === undefined || dayOf(inj.match.kickoff, zone) === date));
  return { response: found.map((inj) => injuryItem(inj, zone)) };
}

function players(q: Query, ds: Dataset): Answer {
  const id = q.int('id');
  const team = q.int('team');
  const league = q.int('league');
  let season = q.season();
  const search = q.text('search', 4);
  const page = q.int('page') ?? 1;
  if (q.failed) return { errors: q.errors };
  if (q.empty) return { errors: AT_LEAST_ONE };
  if (page < 1) return { errors: { page: 'The Page field must be at least 1.' } }; // guess
  if ((league !== undefined || team !== undefined) && season === undefined) return seasonRequired();
  if (search !== undefined && league === undefined && team === undefined) return { errors: { search: 'The Search field requires the League or Team field.' } }; // guess
  if (id === undefined && league === undefined && team === undefined) return { errors: AT_LEAST_ONE }; // guess
  const subject = id === undefined ? undefined : ds.player(id);
  if (id !== undefined && subject === undefined) return { response: [], paging: { current: page, total: 1 } };
  // With `id` alone the real API answers for the current season.
  season ??= Math.max(...ds.catalog.leagueSeasonsOfTeam(subject?.teamId ?? -1).map((s) => s.season));
  const clubs = team ?? subject?.teamId;
  const scope: LeagueSeason[] = league !== undefined
    ? [ds.catalog.leagueSeason(league, season)].filter((s): s is LeagueSeason => s !== undefined && (clubs === undefined || s.teamIds.includes(clubs)))
    : ds.catalog.leagueSeasonsOfTeam(clubs as number, season);
  const competitions: Competition[] = scope.map((s) => ds.competition(s));
  const teamIds = [...new Set(scope.flatMap((s) => s.teamIds))].filter((t) => clubs === undefined || t === clubs);
  const listed = teamIds.flatMap((t) => ds.squad(t))
    .filter((p) => (id === undefined || p.id === id)
      && (search === undefined || contains(p.name, search) || contains(p.firstname, search) || contains(p.lastname, search)))
    .sort((a, b) => a.id - b.id);
  const total = Math.max(1, Math.ceil(listed.length / PLAYERS_PAGE));
  const onPage = listed.slice((page - 1) * PLAYERS_PAGE, page * PLAYERS_PAGE);
  return {
    paging: { current: page, total },
    response: onPage.map((p) => ({
      player: playerProfile(p, ds.asOf),
      statistics: ds.playerStatistics(p.id, competitions.filter((c) => c.leagueSeason.teamIds.includes(p.teamId))),
    })),
  };
}

function squads(q: Query, ds: Dataset): Answer {
  const team = q.int('team');
  const player = q.int('player');
  if (q.failed) return { errors: q.errors };
  if (q.empty) return { errors: AT_LEAST_ONE };
  if (team !== undefined) {
    const club = ds.catalog.teams.get(team);
    const squad = club === undefined ? [] : ds.squad(team).filter((p) => player === undefined || p.id === player);
    return { response: club === undefined || squad.length === 0 ? [] : [squadItem(club, squad, ds.asOf)] };
  }
  const found = ds.player(player as number);
  return { response: found === undefined ? [] : [squadItem(ds.catalog.team(found.teamId), [found], ds.asOf)] };
}

function coachs(q: Query, ds: Dataset): Answer {
  const id = q.int('id');
  const team = q.int('team');
  const search = q.text('search', 3);
  if (q.failed) return { errors: q.errors };
  if (q.empty) return { errors: AT_LEAST_ONE };
  const clubs = team !== undefined ? [ds.catalog.teams.get(team)].filter((t) => t !== undefined) : [...ds.catalog.teams.values()];
  return {
    response: clubs
      .filter((t) => (id === undefined || t.coach.id === id) && (search === undefined || contains(t.coach.name, search)))
      .map((t) => coachOf(ds.seed, ds.catalog, t)),
  };
}

function transfers(q: Query, ds: Dataset): Answer {
  const player = q.int('player');
  const team = q.int('team');
  if (q.failed) return { errors: q.errors };
  if (q.empty) return { errors: AT_LEAST_ONE };
  if (player !== undefined) {
    const found = ds.player(player);
    return { response: found === undefined ? [] : transfersOf(ds.seed, ds.catalog, ds.catalog.team(found.teamId), [found]) };
  }
  const club = ds.catalog.teams.get(team as number);
  return { response: club === undefined ? [] : transfersOf(ds.seed, ds.catalog, club, ds.squad(club.id)) };
}

function sidelined(q: Query, ds: Dataset): Answer {
  const player = q.int('player');
  const coach = q.int('coach');
  if (q.failed) return { errors: q.errors };
  if (player === undefined && coach === undefined) return { errors: AT_LEAST_ONE };
  if (player === undefined) return { response: [] };
  const found = ds.player(player);
  if (found === undefined) return { response: [] };
  const injuries = ds.catalog.leagueSeasonsOfTeam(found.teamId).flatMap((s) => ds.competition(s).injuries).filter((i) => i.player.id === player);
  return { response: sidelinedOf(ds.seed, found, injuries) };
}
