/**
 * A hostile world: malformed, duplicated, huge and adversarial answers from a server of our own (a
 * proxy in front of the mock that rewrites chosen responses). Each case is a defect once found: it
 * must cost the smallest wrong item (with its path and reason), never the run, and never loop,
 * stall, or leave anything half-loaded. Runs are in-process, on a real PostgreSQL.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { startMockApi, type MockApi } from '../../src/mock-api/server';
import { runLeagueSeason, type RunOptions, type RunResult } from '../../src/etl/run';
import { replay } from '../../src/etl/replay';
import type { Reporter } from '../../src/etl/report';
import { editJson, on, startHostileApi, type HostileApi } from '../support/hostile-api';
import { testServerKind, useFreshDatabase } from '../support/db';

/** A key long enough to be masked like a real one (32 characters): it must appear nowhere. */
const KEY = 'hostile-test-key-0123456789abcdef';

describe(`a hostile API cannot poison, stall or silently corrupt a load (${testServerKind()} server)`, function () {
  this.timeout(120_000);
  const ctx = useFreshDatabase('hostile', { migrate: true });
  let mock: MockApi;
  let hostile: HostileApi;
  const logs: string[] = [];
  const reporter: Reporter = { stream: () => undefined, progress: () => undefined, log: (line) => void logs.push(line), done: () => undefined };
  const knex = (): Knex => ctx.db.knex;

  /** One league-season run through the hostile proxy, everything refetched (--full). */
  const run = (options: Partial<RunOptions> = {}): Promise<RunResult> =>
    runLeagueSeason(
      knex(),
      ctx.db.url,
      { key: KEY, baseUrl: hostile.url, retryBaseDelayMs: 5, retryMaxDelayMs: 20, minuteWindowMs: 100, timeoutMs: 3_000 },
      { leagueId: 39, season: 2023, full: true, dryRun: false, refreshIntervalHours: 24, wait: true, ...options },
      reporter,
    );
  const rejectsOf = async (result: RunResult) => knex()('etl.rejects').where({ run_id: result.runId }).orderBy('reject_id').select('endpoint', 'table_name', 'reason', 'item');
  /** Speed: /players answers with its first page only (these cases are not about paging). */
  const onePlayersPage = () => hostile.add({ match: on('players'), answer: editJson((b) => void (b.paging.total = 1)) });
  const detailsOf = async (fixtureId: number, table: string) => Number((await knex()(`golden.${table}`).where({ fixture_id: fixtureId }).count({ n: '*' }))[0]!.n);

  before(async () => {
    mock = await startMockApi({ port: 0, seed: 1, asOf: '2023-09-04' });
    hostile = await startHostileApi(mock.url);
    onePlayersPage();
    const clean = await run();
    expect(clean.status, String(clean.error)).to.equal('succeeded');
  });
  beforeEach(() => {
    hostile.clear();
    onePlayersPage();
  });
  after(async () => {
    await hostile?.close();
    await mock?.close();
  });

  describe('poison values cost one reject, and every later run and replay still succeed', () => {
    it('a NUL byte in one fixture of the list: that fixture is rejected with its path; raw keeps the exact bytes', async () => {
      hostile.add({ match: on('fixtures', 'league'), answer: editJson((b) => void (b.response[3].fixture.referee = 'A\u0000B')) });
      const result = await run();
      expect(result.status, String(result.error)).to.equal('succeeded');
      const rejects = await rejectsOf(result);
      expect(rejects.map((r) => r.reason)).to.deep.equal([`schema: fixture ${rejects[0]!.item.fixture.id}: /fixture/referee contains U+0000 (NUL), which PostgreSQL text cannot hold`]);
      const raw = await knex()('raw.api_responses').where({ run_id: result.runId, endpoint: 'fixtures' }).whereRaw("parameters->>'league' is not null").first();
      expect(raw.body_note).to.match(/\/response\/3\/fixture\/referee contains U\+0000/);
      expect(raw.body_bytes.toString('utf8')).to.include('"A\\u0000B"');
      hostile.clear();
      onePlayersPage();
      expect((await run()).status).to.equal('succeeded');
      const replayed = await replay(knex(), ctx.db.url, { leagueId: 39, season: 2023 }, reporter);
      expect(replayed.responses).to.be.greaterThan(0);
    });

    it('a lone surrogate in one event costs that event; the fixture keeps its other details', async () => {
      let target = { id: 0, events: 0 };
      hostile.add({
        match: on('fixtures', 'ids'),
        times: 1,
        answer: editJson((b) => {
          const f = b.response.find((x: { events: unknown[] }) => x.events.length >= 3);
          f.events[1].player.name = 'Bad \ud800 name';
          target = { id: f.fixture.id, events: f.events.length };
        }),
      });
      const result = await run();
      expect(result.status, String(result.error)).to.equal('succeeded');
      const rejects = await rejectsOf(result);
      expect(rejects.map((r) => [r.table_name, r.reason])).to.deep.equal([
        ['fixture_events', `schema: fixture ${target.id}, event at /events/1: /events/1/player/name contains a lone UTF-16 surrogate, which is not Unicode text`],
      ]);
      expect(await detailsOf(target.id, 'fixture_events')).to.equal(target.events - 1);
      expect(await detailsOf(target.id, 'fixture_lineup_players')).to.be.greaterThan(20);
    });

    it('kick-offs of 1e15, 2999 or 1900 cost their fixtures', async () => {
      hostile.add({
        match: on('fixtures', 'league'),
        answer: editJson((b) => {
          b.response[0].fixture.timestamp = 1e15;
          b.response[1].fixture.timestamp = Date.UTC(2999, 0, 1) / 1000;
          b.response[2].fixture.timestamp = Date.UTC(1900, 0, 1) / 1000;
        }),
      });
      const result = await run();
      expect(result.status, String(result.error)).to.equal('succeeded');
      const reasons = (await rejectsOf(result)).map((r) => r.reason);
      expect(reasons).to.have.length(3);
      expect(reasons[0]).to.match(/\/fixture\/timestamp must be <= 253402300799/);
      expect(reasons[1]).to.match(/\/fixture\/timestamp 2999-01-01T00:00:00.000Z is not within season 2023/);
      expect(reasons[2]).to.match(/\/fixture\/timestamp must be >= 0|\/fixture\/timestamp 1900/);
    });

    it('statistic types named constructor or __proto__ are kept as data, not looked up', async () => {
      let fixtureId = 0;
      hostile.add({
        match: on('fixtures', 'ids'),
        times: 1,
        answer: editJson((b) => {
          fixtureId = b.response[0].fixture.id;
          b.response[0].statistics[0].statistics.push({ type: 'constructor', value: 3 }, { type: '__proto__', value: 4 }, { type: 'toString', value: '5' });
        }),
      });
      const result = await run();
      expect(result.status, String(result.error)).to.equal('succeeded');
      expect(await rejectsOf(result)).to.deep.equal([]);
      const { rows } = await knex().raw("select other_stats->'constructor' as c, other_stats->'__proto__' as p, other_stats->'toString' as t from golden.fixture_team_stats where fixture_id = ? and other_stats->'constructor' is not null", [fixtureId]);
      expect(rows).to.deep.equal([{ c: 3, p: 4, t: '5' }]);
    });

    it('an unknown field nested 100,000 levels deep costs its fixture, not the run (no stack overflow)', async () => {
      hostile.add({
        match: on('fixtures', 'league'),
        answer: (upstream) => {
          const body = JSON.parse(upstream.text);
          body.response[5].fixture.deep = '__DEEP__';
          return { body: JSON.stringify(body).replace('"__DEEP__"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`) };
        },
      });
      const result = await run();
      expect(result.status, String(result.error)).to.equal('succeeded');
      expect((await rejectsOf(result)).map((r) => r.reason)).to.have.length(1).and.satisfy((r: string[]) => /\/fixture\/deep(\/0)+ nests deeper than 64 levels$/.test(r[0]!));
      expect((await replay(knex(), ctx.db.url, { leagueId: 39, season: 2023 }, reporter)).rejects).to.be.greaterThan(0);
    });
  });

  describe('duplicates: identical copies load once, copies that differ are all rejected, never mixed', () => {
    it('the same fixture twice in one ids answer with different events: neither copy loads', async () => {
      const before = new Map<number, number>();
      let target = 0;
      hostile.add({
        match: on('fixtures', 'ids'),
        times: 1,
        answer: editJson((b) => {
          const f = b.response.find((x: { events: unknown[] }) => x.events.length >= 4);
          target = f.fixture.id;
          b.response.push({ ...structuredClone(f), events: f.events.slice(0, 2) });
        }),
      });
      before.set(0, 0);
      const eventsBefore = await knex()('golden.fixture_events').count({ n: '*' });
      const result = await run();
      expect(result.status, String(result.error)).to.equal('succeeded');
      const reasons = (await rejectsOf(result)).map((r) => r.reason);
      expect(reasons).to.have.length(2);
      expect(reasons[0]).to.match(new RegExp(`duplicate fixture ${target}: 2 copies with different contents \\(/response/\\d+, /response/\\d+\\); none loaded`));
      expect(await knex()('golden.fixture_events').count({ n: '*' }), 'the earlier details stay, unmixed').to.deep.equal(eventsBefore);
      const starters = await knex()('golden.fixture_lineup_players').where({ fixture_id: target, is_starter: true }).groupBy('team_id').select('team_id').count({ n: '*' });
      expect(starters.map((s) => Number(s.n))).to.deep.equal([11, 11]);
    });

    it('an identical copy of a fixture loads once, and the copy is recorded', async () => {
      hostile.add({ match: on('fixtures', 'ids'), times: 1, answer: editJson((b) => void b.response.push(structuredClone(b.response[0]))) });
      const result = await run();
      expect(result.status).to.equal('succeeded');
      expect((await rejectsOf(result)).map((r) => r.reason)).to.have.length(1).and.satisfy((r: string[]) => /identical to the copy at \/response\/0, loaded once/.test(r[0]!));
    });

    it('the same fixture twice in the list with different scores: both copies rejected, the stored row kept', async () => {
      let target: { id: number; goals: number } = { id: 0, goals: 0 };
      hostile.add({
        match: on('fixtures', 'league'),
        answer: editJson((b) => {
          const f = b.response.find((x: { goals: { home: number | null } }) => x.goals.home !== null);
          target = { id: f.fixture.id, goals: f.goals.home };
          b.response.push({ ...structuredClone(f), goals: { ...f.goals, home: f.goals.home + 5 } });
        }),
      });
      const result = await run();
      expect(result.status).to.equal('succeeded');
      expect((await rejectsOf(result)).filter((r) => r.table_name === 'fixtures')).to.have.length(2);
      expect((await knex()('golden.fixtures').where({ fixture_id: target.id }).first()).goals_home).to.equal(target.goals);
    });

    it('the same player twice in a line-up with different data: both rejected, the other starters load', async () => {
      let target = { fixture: 0, team: 0 };
      hostile.add({
        match: on('fixtures', 'ids'),
        times: 1,
        answer: editJson((b) => {
          const lineup = b.response[0].lineups[0];
          target = { fixture: b.response[0].fixture.id, team: lineup.team.id };
          lineup.startXI.push({ player: { ...lineup.startXI[0].player, grid: '5:5' } });
        }),
      });
      const result = await run();
      expect(result.status).to.equal('succeeded');
      expect((await rejectsOf(result)).map((r) => r.table_name)).to.deep.equal(['fixture_lineup_players', 'fixture_lineup_players']);
      expect(Number((await knex()('golden.fixture_lineup_players').where({ fixture_id: target.fixture, team_id: target.team, is_starter: true }).count({ n: '*' }))[0]!.n)).to.equal(10);
    });
  });

  describe('what a server claims never makes the run loop or stall', () => {
    it('a paging.total that grows by one on every page is not followed', async () => {
      hostile.add({ match: on('players'), answer: editJson((b) => void (b.paging.total = b.paging.current + 1)) });
      const before = hostile.requests.length;
      const result = await run();
      expect(result.status).to.equal('succeeded');
      const pages = hostile.requests.slice(before).filter((r) => r.endpoint === 'players').map((r) => r.query.page);
      expect(pages).to.deep.equal(['1', '2']);
      expect(logs.join('\n')).to.match(/paging.total changed from 2 to 3; keeping 2/);
    });

    it('a page that repeats an earlier one ends the pass; an absurd paging.total is capped', async () => {
      hostile.add({ match: on('players'), answer: (upstream) => ({ body: upstream.text.replace(/"paging":\{"current":\d+,"total":\d+\}/, '"paging":{"current":1,"total":1000000}') }) });
      hostile.add({ match: (r) => r.endpoint === 'players' && r.query.page !== '1', answer: (_u, r) => ({ body: JSON.stringify({ get: 'players', parameters: r.query, errors: [], results: 0, paging: { current: Number(r.query.page), total: 1000000 }, response: [] }) }) });
      const before = hostile.requests.length;
      const result = await run();
      expect(result.status).to.equal('succeeded');
      expect(hostile.requests.slice(before).filter((r) => r.endpoint === 'players')).to.have.length(2);
      expect(logs.join('\n')).to.match(/paging.total is 1000000; following at most 250 pages/).and.match(/page 2 of 250 is empty; stopping there/);
    });

    it('a body of hundreds of megabytes is refused at the size limit, quickly and in bounded memory', async () => {
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      hostile.add({
        match: on('injuries'),
        answer: () => ({
          raw: (res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            let sent = 0;
            const write = () => {
              while (sent < 300 && !res.destroyed) {
                sent += 1;
                if (!res.write(chunk)) return void res.once('drain', write);
              }
              res.end();
            };
            write();
          },
        }),
      });
      const maxRssBefore = process.resourceUsage().maxRSS;
      const started = Date.now();
      const result = await run();
      expect(Date.now() - started).to.be.below(30_000);
      expect(result.status).to.equal('failed');
      expect(result.error!.message).to.match(/1 API response\(s\) could not be used .*GET \/injuries\?league=39&season=2023 cannot be used: the body is larger than the limit of 33554432 bytes/s);
      expect((process.resourceUsage().maxRSS - maxRssBefore) / 1024, 'MB of peak memory added').to.be.below(200);
      expect((await rejectsOf(result)).map((r) => r.endpoint)).to.deep.equal(['injuries']);
    });
  });

  describe('nothing loadable is never "succeeded"', () => {
    it('a season that ends before it starts: the run fails at once, says why, and asks for nothing else', async () => {
      hostile.add({ match: on('leagues'), answer: editJson((b) => void (b.response[0].seasons[0].end = '2000-01-01')) });
      const before = hostile.requests.length;
      const result = await run({ leagueId: 2 });
      expect(result.status).to.equal('failed');
      expect(result.error!.message).to.match(/^league 2 season 2023 could not be loaded: 1 item\(s\) of \/leagues rejected in this run, e\.g\. violates seasons_dates_ordered_chk/);
      expect(hostile.requests.slice(before).map((r) => r.endpoint)).to.deep.equal(['leagues']);
    });

    it('/leagues answering for another league: rejected as not asked for, and the run fails saying so', async () => {
      hostile.add({ match: on('leagues'), answer: editJson((b) => void (b.response[0].league.id = 3)) });
      const result = await run({ leagueId: 2 });
      expect(result.status).to.equal('failed');
      expect(result.error!.message).to.include('league 2 season 2023 could not be loaded').and.include('/league/id is 3, but league 2 was asked for');
    });
  });

  describe('rejects at the smallest wrong item', () => {
    it('one standings row without a rank costs that row; the other 19 load', async () => {
      hostile.add({ match: on('standings'), answer: editJson((b) => void delete b.response[0].league.standings[0][5].rank) });
      const result = await run();
      expect(result.status).to.equal('succeeded');
      expect((await rejectsOf(result)).map((r) => [r.table_name, r.reason])).to.deep.equal([
        ['standings', 'schema: standings of league/season 39/2023, standings row of team at /league/standings/0/5: /league/standings/0/5/rank is required'],
      ]);
      const table = (await knex()('etl.run_tables').where({ run_id: result.runId, table_name: 'standings' }).first()) as { inserted: number; updated: number; unchanged: number; rejected: number };
      expect(table.inserted + table.updated + table.unchanged).to.equal(19);
      expect(table.rejected).to.equal(1);
    });

    it('items in = loaded + rejected, per table, for an answer full of malformed items', async () => {
      let served: Record<string, number> = {};
      let ids: number[] = [];
      hostile.add({
        match: on('fixtures', 'ids'),
        times: 1,
        answer: editJson((b) => {
          const [f0, f1, f2] = b.response;
          f0.events[0].time.elapsed = '35';
          f0.events[1].type = null;
          f0.lineups[0].startXI[3].player.id = null;
          f0.lineups[1].substitutes[0].player.number = 'seven';
          f1.statistics[1].statistics[0].value = { nested: true };
          f1.players[0].players[2].statistics[0].games.minutes = -5; // passes the schema, breaks fixture_player_stats_minutes_range_chk
          f2.lineups[0].formation = '4-4-2-but-not-really'; // breaks fixture_lineups_formation_format_chk, taking its players with it
          ids = b.response.map((f: { fixture: { id: number } }) => f.fixture.id);
          const sum = (fn: (f: any) => number) => b.response.reduce((n: number, f: any) => n + fn(f), 0); // eslint-disable-line @typescript-eslint/no-explicit-any
          served = {
            fixture_events: sum((f) => f.events.length),
            fixture_lineups: sum((f) => f.lineups.length),
            fixture_lineup_players: sum((f) => f.lineups.reduce((n: number, l: any) => n + l.startXI.length + l.substitutes.length, 0)), // eslint-disable-line @typescript-eslint/no-explicit-any
            fixture_player_stats: sum((f) => f.players.reduce((n: number, p: any) => n + p.players.length, 0)), // eslint-disable-line @typescript-eslint/no-explicit-any
            fixture_team_stats: sum((f) => f.statistics.length),
          };
        }),
      });
      const result = await run();
      expect(result.status, String(result.error)).to.equal('succeeded');
      const rejects = await rejectsOf(result);
      for (const [table, sent] of Object.entries(served)) {
        const loaded = Number((await knex()(`golden.${table}`).whereIn('fixture_id', ids).count({ n: '*' }))[0]!.n);
        // A bad statistic inside a team's block costs that value, not the block's row.
        const rejected = rejects.filter((r) => r.table_name === table && !/, statistic at /.test(r.reason)).length;
        expect(loaded + rejected, `${table}: ${sent} sent, ${loaded} loaded, ${rejected} rejected`).to.equal(sent);
      }
      expect(rejects.map((r) => r.table_name).sort()).to.include.members(['fixture_events', 'fixture_events', 'fixture_lineup_players', 'fixture_lineup_players', 'fixture_team_stats', 'fixture_player_stats', 'fixture_lineups']);
    });
  });

  describe('error texts and the key', () => {
    it('errors in a form nobody documented: that response is skipped and reported, not blamed on the request', async () => {
      hostile.add({ match: on('injuries'), answer: editJson((b) => ({ ...b, errors: ['Something is wrong'], results: 0, response: [] })) });
      const result = await run();
      expect(result.status).to.equal('failed');
      expect(result.error!.message).to.include('errors in a form QuantFoot does not know: ["Something is wrong"]').and.not.include('bug');
      expect(await knex()('golden.fixtures').where({ league_id: 39 }).count({ n: '*' })).to.deep.equal([{ n: '380' }]);
    });

    it('a fixture that was not asked for, in an ids answer, is rejected', async () => {
      hostile.add({ match: on('fixtures', 'ids'), times: 1, answer: editJson((b) => void b.response.push({ ...structuredClone(b.response[0]), fixture: { ...b.response[0].fixture, id: 99_999_999 } })) });
      const result = await run();
      expect(result.status).to.equal('succeeded');
      expect((await rejectsOf(result)).map((r) => r.reason)).to.have.length(1).and.satisfy((r: string[]) => r[0]!.includes('/fixture/id is 99999999, which was not asked for'));
      expect(await knex()('golden.fixtures').where({ fixture_id: 99_999_999 }).first()).to.equal(undefined);
    });

    it('terminal escapes and a NUL in an HTML error page: stored and logged escaped, and the failure is recorded', async () => {
      hostile.add({ match: on('standings'), answer: () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>\u0000\u001b[2J\u001b[Hrun 1: succeeded\u202e</html>' }) });
      const result = await run();
      expect(result.status).to.equal('failed');
      const { error } = await knex()('etl.runs').where({ run_id: result.runId }).first();
      expect(error).to.include('<html>\\x00\\x1b[2J\\x1b[Hrun 1: succeeded\\u202e</html>');
      expect(error).to.not.match(/[\u0000-\u0008\u000b-\u001f\u202e]/);
      expect(logs.join('\n')).to.not.match(/[\u0000\u001b\u202e]/);
    });

    it('a server that quotes the key back (in errors, in HTML, in data): it is stored and logged nowhere', async () => {
      hostile.add({ match: on('standings'), times: 1, answer: () => ({ status: 502, headers: { 'content-type': 'text/html' }, body: `<html>bad gateway for ${KEY}</html>` }) });
      hostile.add({ match: on('teams'), answer: editJson((b) => void (b.response[0].team.name = `Echo ${KEY}`)) });
      hostile.add({ match: on('injuries'), answer: editJson((b) => ({ ...b, errors: { [`k${KEY}`]: `your key ${KEY} is odd` }, results: 0, response: [] })) });
      const result = await run();
      expect(result.status).to.equal('failed');
      expect(String(result.error)).to.not.include(KEY);
    });

    it('after everything above, the key is in no row of any table and in no log line', async () => {
      const tables = await knex()('pg_tables').whereIn('schemaname', ['golden', 'raw', 'etl']).select('schemaname', 'tablename');
      expect(tables.length).to.be.greaterThan(20);
      for (const { schemaname, tablename } of tables) {
        const { rows } = await knex().raw(`select count(*)::int as n from ${schemaname}.${tablename} r where strpos(row_to_json(r)::text, ?) > 0`, [KEY]);
        expect(rows[0].n, `${schemaname}.${tablename}`).to.equal(0);
      }
      const { rows } = await knex().raw("select count(*)::int as n from raw.api_responses where position(convert_to(?, 'UTF8') in body_bytes) > 0", [KEY]);
      expect(rows[0].n, 'raw.api_responses.body_bytes').to.equal(0);
      expect(logs.length).to.be.greaterThan(10);
      expect(logs.filter((line) => line.includes(KEY))).to.deep.equal([]);
    });
  });
});
