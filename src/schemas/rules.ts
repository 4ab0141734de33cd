/**
 * What a schema cannot say: whether an item answers the request it came in, and whether its
 * instants are plausible. A fixture the `ids` did not ask for, another league's table, or a kick-off
 * in 2999 for season 2023 are rejected with their path, not loaded.
 */
import type { ItemProblem } from './validator';

type Item = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Problems of a schema-valid item given the request's parameters; empty when it is coherent. */
export function ruleProblems(endpoint: string, item: unknown, parameters: Readonly<Record<string, string>>): ItemProblem[] {
  const i = item as Item;
  switch (endpoint) {
    case 'fixtures':
      return [...asked(parameters, i.fixture.id, i.league.id, i.league.season, '/fixture/id', '/league'), ...kickOffProblems(i)];
    case 'leagues':
      return parameters.id !== undefined && String(i.league.id) !== parameters.id
        ? [{ path: '/league/id', message: `is ${i.league.id}, but league ${parameters.id} was asked for` }]
        : [];
    case 'venues':
      return parameters.id !== undefined && String(i.id) !== parameters.id ? [{ path: '/id', message: `is ${i.id}, but venue ${parameters.id} was asked for` }] : [];
    case 'players/squads':
      return parameters.team !== undefined && String(i.team.id) !== parameters.team ? [{ path: '/team/id', message: `is ${i.team.id}, but team ${parameters.team} was asked for` }] : [];
    case 'coachs': {
      // A coach of the team asked for: now, or at some time of his career.
      const teams = [i.team?.id, ...i.career.map((job: Item) => job.team.id)].map(String);
      return parameters.team !== undefined && !teams.includes(parameters.team) ? [{ path: '/team/id', message: `names no job at team ${parameters.team}, which was asked for` }] : [];
    }
    case 'standings':
    case 'injuries':
      return asked(parameters, null, i.league.id, i.league.season, '', '/league');
    default:
      return [];
  }
}

/** The item's fixture, league and season against `id`/`ids`/`league`/`season` of the request. */
function asked(p: Readonly<Record<string, string>>, fixtureId: number | null, leagueId: number, season: number, fixturePath: string, leaguePath: string): ItemProblem[] {
  const out: ItemProblem[] = [];
  if (fixtureId !== null && p.ids !== undefined && !p.ids.split('-').includes(String(fixtureId))) {
    out.push({ path: fixturePath, message: `is ${fixtureId}, which was not asked for (ids=${p.ids})` });
  }
  if (fixtureId !== null && p.id !== undefined && String(fixtureId) !== p.id) out.push({ path: fixturePath, message: `is ${fixtureId}, but fixture ${p.id} was asked for` });
  if (p.league !== undefined && String(leagueId) !== p.league) out.push({ path: `${leaguePath}/id`, message: `is ${leagueId}, but league ${p.league} was asked for` });
  if (p.season !== undefined && String(season) !== p.season) out.push({ path: `${leaguePath}/season`, message: `is ${season}, but season ${p.season} was asked for` });
  return out;
}

/** Years around a season in which its matches can be played (long qualifying campaigns included). */
const SEASON_SPAN_YEARS = 3;

/** Kick-off and half starts within a few years of the season, and `date` the same instant as `timestamp`. */
function kickOffProblems(i: Item): ItemProblem[] {
  const season = i.league.season as number;
  const from = Date.UTC(season - SEASON_SPAN_YEARS, 0, 1);
  const to = Date.UTC(season + SEASON_SPAN_YEARS + 1, 0, 1);
  const out: ItemProblem[] = [];
  const check = (path: string, seconds: number | null) => {
    if (seconds === null) return;
    const ms = seconds * 1000;
    if (ms < from || ms >= to) {
      out.push({ path, message: `${new Date(ms).toISOString()} is not within season ${season} (${new Date(from).toISOString().slice(0, 10)} to ${new Date(to).toISOString().slice(0, 10)})` });
    }
  };
  check('/fixture/timestamp', i.fixture.timestamp);
  check('/fixture/periods/first', i.fixture.periods.first);
  check('/fixture/periods/second', i.fixture.periods.second);
  if (Date.parse(i.fixture.date) !== i.fixture.timestamp * 1000) {
    out.push({ path: '/fixture/date', message: `is not the instant of fixture.timestamp ${i.fixture.timestamp}` });
  }
  return out;
}
