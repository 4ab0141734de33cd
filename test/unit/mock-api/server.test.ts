import { expect } from 'chai';
import http from 'node:http';
import {
  DAILY_LIMIT_REACHED, MISSING_KEY, rateLimitMessage, startMockApi, UNKNOWN_KEY, type MockApi,
} from '../../../src/mock-api/server';

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON: tests read it like a client would. */
  body: any;
}

async function call(api: MockApi, path: string, headers: Record<string, string> = { 'x-apisports-key': 'test-key' }): Promise<Reply> {
  const res = await fetch(api.url + path, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text === '' ? undefined : JSON.parse(text) };
}

const ENVELOPE_KEYS = ['get', 'parameters', 'errors', 'results', 'paging', 'response'];

describe('mock API server', () => {
  let api: MockApi;

  before(async () => {
    api = await startMockApi({ seed: 1 });
  });

  after(async () => {
    await api.close();
  });

  describe('envelope', () => {
    it('answers /fixtures?league=39&season=2023 with 380 items in the real envelope (raw bytes, like curl)', async () => {
      const raw = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
        http.get(`${api.url}/fixtures?season=2023&league=39`, { headers: { 'x-apisports-key': 'k' } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        }).on('error', reject);
      });
      expect(raw.status).to.equal(200);
      expect(raw.headers['content-type']).to.equal('application/json');
      expect(raw.text.startsWith('{"get":"fixtures","parameters":{"league":"39","season":"2023"},"errors":[],"results":380,"paging":{"current":1,"total":1},"response":[{"fixture":{"id":')).to.equal(true);
      const body = JSON.parse(raw.text);
      expect(Object.keys(body)).to.deep.equal(ENVELOPE_KEYS);
      expect(body.response).to.have.length(380);
      expect(Object.keys(body.response[0])).to.deep.equal(['fixture', 'league', 'teams', 'goals', 'score']);
      expect(raw.text).to.include('https:\\/\\/media.api-sports.io');
    });

    it('echoes parameters as strings in alphabetical order, and [] when there are none', async () => {
      const { body } = await call(api, '/teams?season=2023&league=39');
      expect(JSON.stringify(body.parameters)).to.equal('{"league":"39","season":"2023"}');
      expect(body.errors).to.deep.equal([]);
      expect(body.results).to.equal(20);
      const seasons = await call(api, '/leagues/seasons');
      expect(seasons.body.parameters).to.deep.equal([]);
      expect(seasons.body.response).to.deep.equal([2023]);
    });

    it('serves the same under /v3/ (RapidAPI layout) with x-rapidapi-key', async () => {
      const direct = await call(api, '/standings?league=39&season=2023');
      const rapid = await call(api, '/v3/standings?league=39&season=2023', { 'x-rapidapi-key': 'k', 'x-rapidapi-host': 'api-football-v1.p.rapidapi.com' });
      expect(rapid.status).to.equal(200);
      expect(rapid.body).to.deep.equal(direct.body);
      expect(rapid.body.get).to.equal('standings');
    });

    it('answers /fixtures/* with the get path and empty lists for unknown fixtures', async () => {
      const { body } = await call(api, '/fixtures/statistics?fixture=1000001');
      expect(body.get).to.equal('fixtures/statistics');
      expect(body.response).to.have.length(2);
      expect((await call(api, '/fixtures/events?fixture=999')).body).to.deep.include({ errors: [], results: 0, response: [] });
    });
  });

  describe('errors (HTTP 200, results 0, empty response)', () => {
    const cases: [string, Record<string, string>][] = [
      ['/fixtures?leaguee=39', { leaguee: 'The Leaguee field do not exist.' }],
      ['/fixtures?league=39&season=2023&page=2', { page: 'The Page field do not exist.' }],
      ['/injuries?league=39&season=2023&page=1', { page: 'The Page field do not exist.' }],
      ['/fixtures?league=39', { season: 'The Season field is required.' }],
      ['/standings?league=39', { season: 'The Season field is required.' }],
      ['/teams', { required: 'At least one parameter is required.' }],
      ['/venues', { required: 'At least one parameter is required.' }],
      ['/injuries', { required: 'At least one parameter is required.' }],
      ['/players/squads', { required: 'At least one parameter is required.' }],
      ['/teams?league=39&search=Leipzig', { league: 'The League field cannot be used with the Search field.' }],
      ['/venues?country=Spain&search=Nou', { country: 'The Country field cannot be used with the Search field.' }],
      ['/fixtures?ids=' + Array.from({ length: 21 }, (_, i) => 1000001 + i).join('-'), { ids: 'Maximum of 20 ids allowed.' }],
    ];
    for (const [path, errors] of cases) {
      it(`${path.slice(0, 60)} → ${Object.keys(errors)[0]}`, async () => {
        const { status, body } = await call(api, path);
        expect(status).to.equal(200);
        expect(body).to.deep.include({ errors, results: 0, response: [], paging: { current: 1, total: 1 } });
        expect(Object.keys(body)).to.deep.equal(ENVELOPE_KEYS);
      });
    }

    it('refuses an unknown key with the token message, without quota headers', async () => {
      const { status, headers, body } = await call(api, '/status', { 'x-apisports-key': 'invalid-key' });
      expect(status).to.equal(200);
      expect(body.errors).to.deep.equal({ token: UNKNOWN_KEY });
      expect(headers.get('x-ratelimit-requests-remaining')).to.equal(null);
    });

    it('answers 403 with the missing-key message when no key header is sent', async () => {
      const { status, body } = await call(api, '/fixtures?league=39&season=2023', {});
      expect(status).to.equal(403);
      expect(body).to.deep.equal({ get: '', parameters: [], errors: { token: MISSING_KEY }, results: 0, paging: { current: 1, total: 1 }, response: [] });
    });

    it('accepts only the configured keys when given', async () => {
      const strict = await startMockApi({ keys: ['good'] });
      try {
        expect((await call(strict, '/status', { 'x-apisports-key': 'good' })).body.errors).to.deep.equal([]);
        expect((await call(strict, '/status', { 'x-apisports-key': 'other' })).body.errors).to.have.property('token');
      } finally {
        await strict.close();
      }
    });
  });

  describe('players paging', () => {
    it('pages /players by 20 with paging.total, and answers an empty page beyond it', async () => {
      const first = (await call(api, '/players?league=39&season=2023')).body;
      expect(first.paging).to.deep.equal({ current: 1, total: 25 });
      expect(first.results).to.equal(20);
      const last = (await call(api, '/players?league=39&season=2023&page=25')).body;
      expect(last.results).to.equal(20);
      const beyond = (await call(api, '/players?league=39&season=2023&page=26')).body;
      expect(beyond).to.deep.include({ errors: [], results: 0, response: [], paging: { current: 26, total: 25 } });
      const ids = [...first.response, ...last.response].map((p: { player: { id: number } }) => p.player.id);
      expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
      expect(first.response[0].statistics).to.have.length(1);
      expect(first.response[0].statistics[0].league).to.include({ id: 39, season: 2023 });
    });

    it('lists a player of a cup club with one statistics block per competition', async () => {
      const team = (await call(api, '/standings?league=2&season=2023')).body.response[0].league.standings.flat()
        .map((r: { team: { id: number } }) => r.team.id).find((id: number) => id < 100);
      const { body } = await call(api, `/players?team=${team}&season=2023`);
      expect(body.response[0].statistics.map((s: { league: { id: number } }) => s.league.id).sort()).to.deep.equal([2, 39]);
      const id = body.response[0].player.id;
      const single = (await call(api, `/players?id=${id}&season=2023`)).body;
      expect(single.response).to.have.length(1);
      expect(single.response[0].statistics).to.have.length(2);
    });
  });

  describe('fixtures', () => {
    it('embeds events, lineups, statistics and players for ids (≤ 20), sorted by fixture id', async () => {
      const ids = [1000017, 1000003, 1000009];
      const { body } = await call(api, `/fixtures?ids=${ids.join('-')}`);
      expect(body.parameters).to.deep.equal({ ids: '1000017-1000003-1000009' });
      expect(body.response.map((f: { fixture: { id: number } }) => f.fixture.id)).to.deep.equal([1000003, 1000009, 1000017]);
      expect(Object.keys(body.response[0])).to.deep.equal(['fixture', 'league', 'teams', 'goals', 'score', 'events', 'lineups', 'statistics', 'players']);
      const one = (await call(api, '/fixtures?id=1000009')).body.response[0];
      expect(one).to.deep.equal(body.response[1]);
      expect(one.lineups).to.deep.equal((await call(api, '/fixtures/lineups?fixture=1000009')).body.response);
    });

    it('serves a whole season of ids batches quickly', async () => {
      const ids: number[] = (await call(api, '/fixtures?league=39&season=2023')).body.response.map((f: { fixture: { id: number } }) => f.fixture.id);
      const started = Date.now();
      let items = 0;
      for (let i = 0; i < ids.length; i += 20) items += (await call(api, `/fixtures?ids=${ids.slice(i, i + 20).join('-')}`)).body.results;
      expect(items).to.equal(380);
      expect(Date.now() - started).to.be.below(4000);
    });

    it('filters by status (several values), round, team, date, from/to', async () => {
      const ns = (await call(api, '/fixtures?league=39&season=2023&status=NS-PST')).body.response;
      expect(ns.every((f: { fixture: { status: { short: string } } }) => f.fixture.status.short === 'PST')).to.equal(true);
      expect(ns.length).to.be.greaterThan(0);
      expect((await call(api, '/fixtures?league=39&season=2023&round=Regular Season - 5')).body.results).to.equal(10);
      expect((await call(api, '/fixtures?team=33&season=2023')).body.results).to.be.greaterThan(38);
      const day = (await call(api, '/fixtures?date=2023-08-12')).body.response;
      expect(day.length).to.be.greaterThan(0);
      expect(day.every((f: { fixture: { date: string } }) => f.fixture.date.startsWith('2023-08-12'))).to.equal(true);
      const range = (await call(api, '/fixtures?league=39&season=2023&from=2023-08-11&to=2023-08-14')).body;
      expect(range.results).to.equal(10);
    });

    it('renders dates in the requested timezone while keeping the timestamp', async () => {
      const utc = (await call(api, '/fixtures?id=1000001')).body.response[0].fixture;
      const local = (await call(api, '/fixtures?id=1000001&timezone=Europe/London')).body.response[0].fixture;
      expect(local.timezone).to.equal('Europe/London');
      expect(local.timestamp).to.equal(utc.timestamp);
      expect(local.date.endsWith('+01:00')).to.equal(true);
      expect(Date.parse(local.date)).to.equal(Date.parse(utc.date));
    });
  });

  describe('test hooks', () => {
    it('setAsOf moves the season on a running server', async () => {
      const moving = await startMockApi({ seed: 1, asOf: '2023-10-02' });
      try {
        const count = async () => (await call(moving, '/fixtures?league=39&season=2023&status=FT-AWD-PST')).body.results;
        const before = await count();
        moving.setAsOf('2023-10-09');
        expect((await count()) - before).to.equal(10);
        const res = await fetch(`${moving.url}/__mock/as-of?date=2023-10-16`, { method: 'POST' });
        expect(res.status).to.equal(200);
        expect((await count()) - before).to.equal(20);
        expect(moving.asOf()).to.equal('2023-10-16T00:00:00+00:00');
      } finally {
        await moving.close();
      }
    });

    it('overrideNext replaces one answer of one endpoint, once', async () => {
      const broken = { fixture: { id: 'not-a-number' } };
      api.overrideNext('fixtures', (body) => ({ ...body, results: 1, response: [broken] }));
      expect((await call(api, '/fixtures?id=1000001')).body.response).to.deep.equal([broken]);
      expect((await call(api, '/fixtures?id=1000001')).body.response[0].fixture.id).to.equal(1000001);
      api.overrideNext('teams', [{ team: { id: 424242 } }]);
      expect((await call(api, '/teams?id=33')).body).to.deep.include({ results: 1, response: [{ team: { id: 424242 } }] });
      api.overrideNext('status', () => '{"get":"status",');
      const truncated = await fetch(`${api.url}/status`, { headers: { 'x-apisports-key': 'k' } });
      expect(await truncated.text()).to.equal('{"get":"status",');
    });

    it('counts requests per endpoint and key in stats()', async () => {
      const fresh = await startMockApi();
      try {
        await call(fresh, '/countries');
        await call(fresh, '/countries', { 'x-apisports-key': 'other' });
        await call(fresh, '/status');
        const stats = fresh.stats();
        expect(stats).to.deep.include({ requests: 3, byEndpoint: { countries: 2 }, byKey: { 'test-key': 1, other: 1 } });
      } finally {
        await fresh.close();
      }
    });
  });
});

describe('mock API quotas', () => {
  let api: MockApi;
  let now: number;

  beforeEach(async () => {
    now = Date.parse('2024-03-01T23:50:00Z');
    api = await startMockApi({ dailyLimit: 5, minuteLimit: 3, now: () => now });
  });

  afterEach(async () => {
    await api.close();
  });

  it('sends the four rate-limit headers, decrementing per call', async () => {
    const first = await call(api, '/countries');
    expect(first.headers.get('x-ratelimit-requests-limit')).to.equal('5');
    expect(first.headers.get('x-ratelimit-requests-remaining')).to.equal('4');
    expect(first.headers.get('x-ratelimit-limit')).to.equal('3');
    expect(first.headers.get('x-ratelimit-remaining')).to.equal('2');
    const second = await call(api, '/countries');
    expect(second.headers.get('x-ratelimit-requests-remaining')).to.equal('3');
    expect(second.headers.get('x-ratelimit-remaining')).to.equal('1');
  });

  it('enforces the per-minute limit with errors.rateLimit, then lets calls through a minute later', async () => {
    for (let i = 0; i < 3; i++) expect((await call(api, '/countries')).body.errors).to.deep.equal([]);
    const refused = await call(api, '/countries');
    expect(refused.status).to.equal(200);
    expect(refused.body).to.deep.include({ errors: { rateLimit: rateLimitMessage(3) }, results: 0, response: [] });
    expect(rateLimitMessage(3)).to.equal('Too many requests. Your rate limit is 3 requests per minute.');
    now += 61_000;
    expect((await call(api, '/countries')).body.errors).to.deep.equal([]);
  });

  it('enforces the daily limit with errors.requests until 00:00 UTC; /status reports it without counting itself', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await call(api, '/countries')).body.errors).to.deep.equal([]);
      now += 30_000;
    }
    const status = await call(api, '/status');
    expect(status.body.response.requests).to.deep.equal({ current: 5, limit_day: 5 });
    expect((await call(api, '/status')).body.response.requests.current).to.equal(5);
    const refused = await call(api, '/countries');
    expect(refused.body.errors).to.deep.equal({ requests: DAILY_LIMIT_REACHED });
    expect(refused.headers.get('x-ratelimit-requests-remaining')).to.equal('0');
    now = Date.parse('2024-03-02T00:00:01Z');
    expect((await call(api, '/countries')).body.errors).to.deep.equal([]);
    expect((await call(api, '/status')).body.response.requests.current).to.equal(1);
  });

  it('meters each key on its own', async () => {
    for (let i = 0; i < 3; i++) await call(api, '/countries');
    expect((await call(api, '/countries')).body.errors).to.have.property('rateLimit');
    expect((await call(api, '/countries', { 'x-apisports-key': 'another' })).body.errors).to.deep.equal([]);
  });
});

describe('mock API plans and quirks', () => {
  it('the free plan refuses ids, last and next and seasons outside 2022-2024 with the real texts, and says Free in /status', async () => {
    const api = await startMockApi({ seed: 1, plan: 'free' });
    try {
      expect((await call(api, '/fixtures?ids=1000001-1000002')).body.errors).to.deep.equal({ plan: 'Free plans do not have access to the Ids parameter.' });
      expect((await call(api, '/fixtures?league=39&last=5')).body.errors).to.deep.equal({ plan: 'Free plans do not have access to the Last parameter.' });
      expect((await call(api, '/fixtures?league=39&season=2021')).body.errors).to.deep.equal({ plan: 'Free plans do not have access to this season, try from 2022 to 2024.' });
      const one = await call(api, '/fixtures?id=1000001');
      expect(one.body.response[0].events).to.be.an('array');
      expect(one.headers.get('x-ratelimit-requests-limit')).to.equal('100');
      expect(one.headers.get('x-ratelimit-limit')).to.equal('10');
      expect((await call(api, '/status')).body.response.subscription.plan).to.equal('Free');
    } finally {
      await api.close();
    }
  });

  it('quirks change only what they name, and an unknown quirk is refused', async () => {
    const plain = await startMockApi({ seed: 1 });
    const quirky = await startMockApi({ seed: 1, quirks: 'shootout-comments-null,friendly-blocks' });
    try {
      const pen = (await call(plain, '/fixtures?league=2&season=2023&status=PEN')).body.response[0].fixture.id;
      const kicks = (body: any) => body.response[0].events.filter((e: any) => e.time.elapsed === 120 && e.time.extra !== null && e.type === 'Goal');
      expect(kicks((await call(plain, `/fixtures?id=${pen}`)).body).every((e: any) => e.comments === 'Penalty Shootout')).to.equal(true);
      expect(kicks((await call(quirky, `/fixtures?id=${pen}`)).body).every((e: any) => e.comments === null)).to.equal(true);
      const players = (await call(quirky, '/players?league=39&season=2023')).body.response;
      const friendly = players.flatMap((p: any) => p.statistics).filter((s: any) => s.league.id === null);
      expect(friendly.length).to.be.greaterThan(0);
      expect(friendly.every((s: any) => s.league.season === '2023' && s.league.name === 'Friendlies Clubs')).to.equal(true);
      expect((await call(plain, '/teams?league=39&season=2023')).text).to.equal((await call(quirky, '/teams?league=39&season=2023')).text);
    } finally {
      await plain.close();
      await quirky.close();
    }
    let error: unknown;
    try {
      await startMockApi({ quirks: ['no-such-quirk'] });
    } catch (err) {
      error = err;
    }
    expect(String(error)).to.include('unknown quirk "no-such-quirk" (known: friendly-blocks, shootout-comments-null, null-lineup-player, late-corrections)');
  });
});
