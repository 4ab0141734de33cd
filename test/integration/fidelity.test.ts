/**
 * Fidelity to the real API-Football: each quirk its users hit is reproduced by the mock (`quirks`,
 * `plan: 'free'`, the split-season Liga MX), and the ETL must load the truth from it.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { startMockApi, type MockApi, type MockApiOptions } from '../../src/mock-api/server';
import { PLAYER_STATS_DELAY, SUBSTITUTION_FIX_DELAY } from '../../src/mock-api/quirks';
import { runLeagueSeason, planRun, type RunOptions, type RunResult } from '../../src/etl/run';
import type { Reporter } from '../../src/etl/report';
import { createTestDatabase, testServerKind, type TestDatabase } from '../support/db';

const logs: string[] = [];
const reporter: Reporter = { stream: () => undefined, progress: () => undefined, log: (line) => void logs.push(line), done: () => undefined };

/** A fresh migrated database and a mock with these options, for one case. */
async function world(label: string, options: MockApiOptions): Promise<{ db: TestDatabase; mock: MockApi; close(): Promise<void> }> {
  const db = await createTestDatabase(label);
  await db.knex.migrate.latest();
  const mock = await startMockApi({ port: 0, seed: 1, ...options });
  return { db, mock, close: async () => void (await Promise.all([db.drop(), mock.close()])) };
}

function run(w: { db: TestDatabase; mock: MockApi }, options: Partial<RunOptions> = {}): Promise<RunResult> {
  return runLeagueSeason(
    w.db.knex,
    w.db.url,
    { key: 'fidelity-test-key', baseUrl: w.mock.url, retryBaseDelayMs: 5, minuteWindowMs: 100 },
    { leagueId: 39, season: 2023, full: false, dryRun: false, refreshIntervalHours: 24, wait: true, ...options },
    reporter,
  );
}

async function get(mock: MockApi, query: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return (await fetch(`${mock.url}/${query}`, { headers: { 'x-apisports-key': 'oracle' } })).json();
}

const count = async (knex: Knex, table: string, where: Record<string, unknown>) => Number((await knex(table).where(where).count({ n: '*' }))[0]!.n);

describe(`fidelity to the real API's quirks (${testServerKind()} server)`, function () {
  this.timeout(300_000);

  it('season statistics of a friendly (null league id, string season) never stand in for the league\'s block', async () => {
    const w = await world('friendly_blocks', { asOf: '2023-09-04', quirks: ['friendly-blocks'] });
    try {
      expect((await run(w)).status).to.equal('succeeded');
      const page = await get(w.mock, 'players?league=39&season=2023&page=1');
      const withFriendly = page.response.filter((p: any) => p.statistics.some((s: any) => s.league.id === null)); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(withFriendly.length, 'the mock serves friendly blocks').to.be.greaterThan(3);
      for (const p of withFriendly) {
        const league = p.statistics.find((s: { league: { id: number | null } }) => s.league.id === 39);
        const rows = await w.db.knex('golden.player_team_seasons').where({ player_id: p.player.id, league_id: 39, season: 2023 });
        expect(rows, `player ${p.player.id}`).to.have.length(1);
        expect(rows[0]).to.include({ appearances: league.games.appearences, minutes: league.games.minutes, goals: league.goals.total });
      }
    } finally {
      await w.close();
    }
  });

  it('shoot-out kicks without the "Penalty Shootout" comment are still told apart from goals', async () => {
    const truth = await startMockApi({ port: 0, seed: 1 });
    const w = await world('shootout_comments', { quirks: ['shootout-comments-null'] });
    try {
      expect((await run(w, { leagueId: 2 })).status).to.equal('succeeded');
      const pen = await w.db.knex('golden.fixtures').where({ league_id: 2, status_short: 'PEN' }).pluck('fixture_id');
      expect(pen.length).to.be.greaterThan(0);
      for (const id of pen) {
        const served = (await get(w.mock, `fixtures?id=${id}`)).response[0].events;
        expect(served.every((e: { comments: string | null }) => e.comments !== 'Penalty Shootout'), 'the quirk removed the comments').to.equal(true);
        const expected = (await get(truth, `fixtures?id=${id}`)).response[0].events.flatMap((e: { comments: string | null }, i: number) => (e.comments === 'Penalty Shootout' ? [i] : []));
        const flagged = await w.db.knex('golden.fixture_events').where({ fixture_id: id, is_shootout: true }).orderBy('event_index').pluck('event_index');
        expect(flagged, `fixture ${id}`).to.deep.equal(expected);
      }
      const { rows } = await w.db.knex.raw(`select count(*)::int as n from marts.fixture_results r join golden.fixtures f using (fixture_id)
        where f.status_short = 'PEN' and (r.home_goals, r.away_goals) is distinct from (f.goals_home, f.goals_away)`);
      expect(rows[0].n, 'scores unchanged by the kicks').to.equal(0);
    } finally {
      await truth.close();
      await w.close();
    }
  });

  it('a line-up player the API sends with a null id costs that player; the rest of the fixture loads', async () => {
    const w = await world('null_lineup_player', { asOf: '2023-10-10', quirks: ['null-lineup-player'] });
    try {
      const result = await run(w);
      expect(result.status).to.equal('succeeded');
      const rejects = await w.db.knex('etl.rejects').where({ run_id: result.runId, table_name: 'fixture_lineup_players' }).pluck('reason');
      expect(rejects.length).to.be.greaterThan(0);
      for (const reason of rejects) expect(reason).to.match(/^schema: fixture (\d+), substitute at \/lineups\/0\/substitutes\/\d+: \/lineups\/0\/substitutes\/\d+\/player\/id must be integer$/);
      const fixtureId = Number(/fixture (\d+)/.exec(rejects[0]!)![1]);
      const served = (await get(w.mock, `fixtures?id=${fixtureId}`)).response[0];
      expect(await count(w.db.knex, 'golden.fixture_events', { fixture_id: fixtureId })).to.equal(served.events.length);
      expect(await count(w.db.knex, 'golden.fixture_player_stats', { fixture_id: fixtureId })).to.equal(served.players.reduce((n: number, p: { players: unknown[] }) => n + p.players.length, 0));
      const lineups = served.lineups.reduce((n: number, l: { startXI: unknown[]; substitutes: unknown[] }) => n + l.startXI.length + l.substitutes.length, 0);
      expect(await count(w.db.knex, 'golden.fixture_lineup_players', { fixture_id: fixtureId })).to.equal(lineups - 1);
    } finally {
      await w.close();
    }
  });

  it('a split season (Liga MX Apertura and Clausura) counts each match in the table its round names; referees are parsed and grouped', async () => {
    const w = await world('split_season', {});
    try {
      expect((await run(w, { leagueId: 262 })).status).to.equal('succeeded');
      const { rows: table } = await w.db.knex.raw(`select group_name, count(*)::int as teams, sum(played)::int as played from marts.league_table
        where league_id = 262 and season = 2023 group by group_name order by group_name`);
      expect(table.map((g: { group_name: string; teams: number; played: number }) => [g.group_name, g.teams, g.played])).to.deep.equal([
        ['Liga MX: Apertura', 18, 18 * 17],
        ['Liga MX: Clausura', 18, 18 * 17],
      ]);
      const mismatched = await w.db.knex('marts.standings_reconciliation').where({ league_id: 262, season: 2023, matches: false }).count({ n: '*' });
      expect(mismatched).to.deep.equal([{ n: '0' }]);

      // Referees: the raw text kept, its name and country parsed, and a mart grouping by them.
      const fixture = await w.db.knex('golden.fixtures').where({ league_id: 262 }).whereNotNull('referee').first('referee', 'referee_name', 'referee_country');
      expect(fixture.referee).to.equal(`${fixture.referee_name}, ${fixture.referee_country}`);
      expect(fixture.referee_country).to.equal('Mexico');
      const referees = await w.db.knex('marts.referees').where({ league_id: 262, season: 2023 });
      expect(referees.length).to.be.within(5, 14);
      expect(referees.reduce((n, r) => n + r.matches, 0)).to.equal(306);
      const cards = await w.db.knex('golden.fixture_events as e').join('golden.fixtures as f', 'f.fixture_id', 'e.fixture_id').where({ 'f.league_id': 262, 'e.type': 'Card', 'e.detail': 'Yellow Card' }).count({ n: '*' });
      expect(referees.reduce((n, r) => n + r.yellow_cards, 0)).to.equal(Number(cards[0]!.n));
    } finally {
      await w.close();
    }
  });

  it('finished fixtures are fetched again as they settle (+2 h, +24 h, +72 h): late player statistics and a corrected substitution', async () => {
    const truth = await startMockApi({ port: 0, seed: 1 });
    const w = await world('settling', { asOf: '2023-08-01', quirks: ['late-corrections'] });
    try {
      const first = (await get(truth, 'fixtures?league=39&season=2023')).response.sort((a: any, b: any) => a.fixture.timestamp - b.fixture.timestamp)[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
      const id: number = first.fixture.id;
      const kickoff = first.fixture.timestamp * 1000;
      /** Runs at kick-off + `hours`; 1 when it fetched the fixture's details, else 0 (the bookmark records each fetch). */
      const at = async (hours: number) => {
        const now = new Date(kickoff + hours * 3_600_000);
        w.mock.setAsOf(now.toISOString());
        const result = await run(w, { now });
        expect(result.status, String(result.error)).to.equal('succeeded');
        const { bookmark } = await w.db.knex('etl.state').where({ league_id: 39, season: 2023, stream: 'fixture_details' }).first();
        return { fetched: bookmark.fetched_at[id] === now.toISOString() ? 1 : 0 };
      };
      const playerStats = () => count(w.db.knex, 'golden.fixture_player_stats', { fixture_id: id });
      const firstSub = async () => (await w.db.knex('golden.fixture_events').where({ fixture_id: id, type: 'subst' }).orderBy('event_index').first()).player_id;
      const trueSub = (await get(truth, `fixtures?id=${id}`)).response[0].events.find((e: { type: string }) => e.type === 'subst').player.id;

      expect((await at(1)).fetched, 'first fetch, one hour after kick-off').to.equal(1);
      expect(await playerStats()).to.equal(0);
      expect(await firstSub()).to.not.equal(trueSub);

      const plan = await planRun(w.db.knex, { leagueId: 39, season: 2023, full: false, dryRun: true, refreshIntervalHours: 24, wait: false, now: new Date(kickoff + 2.5 * 3_600_000) });
      expect(plan.find((l) => l.stream === 'fixture_details')!.why).to.match(/1 finished fixture\(s\) settling \(2 h, 24 h, 72 h after kick-off\)/);
      expect((await at(2.5)).fetched, '+2 h').to.equal(1);
      expect(2.5 * 3600).to.be.below(PLAYER_STATS_DELAY);
      expect((await at(20)).fetched, 'no settle point between +2.5 h and +20 h').to.equal(0);
      expect(await playerStats()).to.equal(0);
      expect((await at(25)).fetched, '+24 h').to.equal(1);
      expect(await playerStats(), 'player statistics arrived').to.be.greaterThan(20);
      expect(25 * 3600).to.be.below(SUBSTITUTION_FIX_DELAY);
      expect(await firstSub()).to.not.equal(trueSub);
      expect((await at(73)).fetched, '+72 h').to.equal(1);
      expect(await firstSub(), 'the substitution was corrected').to.equal(trueSub);
      expect((await at(200)).fetched, 'settled: never again').to.equal(0);
    } finally {
      await truth.close();
      await w.close();
    }
  });

  it('more of the source: rounds in order, venues known only from fixtures, and (with --with) squads, coaches, transfers, absences and half statistics with their marts', async () => {
    const w = await world('more_of_the_source', { asOf: '2024-03-01' });
    try {
      const plan = await planRun(w.db.knex, { leagueId: 2, season: 2023, full: false, dryRun: true, refreshIntervalHours: 24, wait: false });
      expect(plan.find((l) => l.stream === 'squads')).to.deep.equal({ stream: 'squads', calls: 0, why: 'off (--with squads to load it)' });
      const cup = await run(w, { leagueId: 2, extras: ['squads', 'coachs', 'transfers', 'sidelined', 'halves'] });
      expect(cup.status, String(cup.error)).to.equal('succeeded');
      expect(cup.rejects).to.equal(0);
      const rounds = await w.db.knex('golden.rounds').where({ league_id: 2, season: 2023 }).orderBy('round_index').pluck('round');
      expect(rounds.slice(0, 2)).to.deep.equal(['Group Stage - 1', 'Group Stage - 2']);
      expect(rounds.at(-1)).to.equal('Round of 16');

      // The final's neutral ground is known only from the fixture until /venues describes it.
      w.mock.setAsOf('2024-06-30');
      expect((await run(w, { leagueId: 2, extras: ['halves'] })).status).to.equal('succeeded');
      const final = await w.db.knex('golden.venues').where({ venue_id: 4990 }).first();
      expect(final).to.include({ name: 'National Stadium', capacity: 90000, surface: 'grass' });
      expect(await w.db.knex('golden.rounds').where({ league_id: 2, season: 2023 }).orderBy('round_index', 'desc').first('round')).to.deep.equal({ round: 'Final' });

      const teams = await count(w.db.knex, 'golden.team_seasons', { league_id: 2, season: 2023 });
      expect(await w.db.knex('golden.squad_players').countDistinct({ n: 'team_id' })).to.deep.equal([{ n: String(teams) }]);
      expect(Number((await w.db.knex('golden.squad_players').count({ n: '*' }))[0]!.n)).to.equal(teams * 25);
      const tenures = await w.db.knex('marts.coach_tenures').where({ is_current: true });
      expect(tenures).to.have.length(teams);
      expect(tenures.reduce((n, t) => n + t.matches, 0), 'current coaches managed the cup matches').to.be.greaterThan(100);
      const moves = await w.db.knex('marts.transfers');
      expect(moves.length).to.be.greaterThan(teams * 5);
      expect(moves.find((m) => m.type === '€ 1.5M')).to.include({ fee_eur: '1500000' });
      expect(moves.some((m) => m.is_loan)).to.equal(true);

      const injured = await w.db.knex('golden.injuries').countDistinct({ n: 'player_id' });
      const absent = await w.db.knex('marts.sidelined').countDistinct({ n: 'player_id' });
      expect(absent, 'every injured player has his absences').to.deep.equal(injured);
      const halves = await w.db.knex('marts.team_halves').where({ league_id: 2, season: 2023 });
      expect(halves).to.have.length(teams * 2);
      for (const h of halves) expect(h.matches_with_stats, `${h.team_name} half ${h.half}`).to.equal(h.matches);
      const totals = await w.db.knex.raw(`select sum(shots_for)::int as halves, (select sum(shots_total)::int from golden.fixture_team_stats s join golden.fixtures f using (fixture_id)
        where f.league_id = 2 and f.status_short in ('FT', 'AET', 'PEN')) as whole from marts.team_halves where league_id = 2`);
      expect(totals.rows[0].halves, 'the halves add up to the match').to.equal(totals.rows[0].whole);
    } finally {
      await w.close();
    }
  });

  it('on the free plan (no ids parameter, 100 calls a day) a whole season loads over the days its quota needs', async () => {
    let clock = Date.parse('2026-11-25T10:00:00Z');
    const w = await world('free_plan', { plan: 'free', minuteLimit: 100_000, now: () => clock });
    try {
      const statuses: string[] = [];
      for (let day = 0; day < 10; day++) {
        const result = await run(w);
        statuses.push(result.status);
        if (result.status !== 'stopped_quota') break;
        clock += 86_400_000;
      }
      expect(statuses.at(-1)).to.equal('succeeded');
      expect(statuses.slice(0, -1).every((s) => s === 'stopped_quota')).to.equal(true);
      const byId = await w.db.knex('raw.api_responses').whereRaw("parameters->>'id' is not null and endpoint = 'fixtures'").pluck('parameters');
      const played = await w.db.knex('golden.fixtures').where({ league_id: 39 }).whereIn('status_short', ['FT', 'AET', 'PEN', 'AWD']).pluck('fixture_id');
      expect(byId.map((p: { id: string }) => Number(p.id)).sort(), 'one call per played fixture').to.deep.equal([...played].sort());
      const finished = await w.db.knex('golden.fixtures').where({ league_id: 39 }).whereIn('status_short', ['FT', 'AET', 'PEN']).pluck('fixture_id');
      const withEvents = await w.db.knex('golden.fixture_events').whereIn('fixture_id', finished).countDistinct({ n: 'fixture_id' });
      expect(Number(withEvents[0]!.n), 'every finished fixture has its details').to.equal(finished.length);
      const refused = await w.db.knex('raw.api_responses').whereRaw("body->'errors'->>'plan' like 'Free plans do not have access to the Ids parameter%'").count({ n: '*' });
      expect(Number(refused[0]!.n), 'ids was tried once, then never again').to.equal(1);
      expect(logs.filter((l) => l.includes('the API plan refuses it'))).to.have.length(1);
      const calls = (await w.db.knex('etl.runs').sum({ n: 'calls_used' }))[0]!.n;
      expect(statuses.length, 'days').to.equal(Math.ceil(Number(calls) / 100));
    } finally {
      await w.close();
    }
  });
});
