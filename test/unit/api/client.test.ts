import { expect } from 'chai';
import {
  ApiAuthError,
  ApiFootballClient,
  ApiRequestError,
  ApiUnavailableError,
  ApiUrlError,
  CallBudgetError,
  DailyQuotaError,
  PlanRestrictionError,
  RateLimitError,
  UnusableResponseError,
  clientOptionsFromEnv,
  type ApiClientOptions,
  type ApiResponseRecord,
} from '../../../src/api';
import { ConfigError, QuotaStopError } from '../../../src/errors';
import {
  COUNTRY,
  apiError,
  envelope,
  hang,
  httpStatus,
  ok,
  reset,
  script,
  sendJson,
  startServer,
  truncated,
  type Handler,
  type ScriptedServer,
} from './scripted-server';

const KEY = 'test-key-0123456789abcdef';

describe('api: ApiFootballClient', () => {
  let server: ScriptedServer | undefined;
  let client: ApiFootballClient | undefined;
  let logs: string[];

  beforeEach(() => {
    logs = [];
  });

  afterEach(async () => {
    client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  async function serve(handler: Handler, options: Partial<ApiClientOptions> = {}, basePath = ''): Promise<ApiFootballClient> {
    server = await startServer(handler, basePath);
    client = new ApiFootballClient({
      key: KEY,
      baseUrl: server.url,
      retryBaseDelayMs: 1,
      retryMaxDelayMs: 5,
      timeoutMs: 2_000,
      minuteWindowMs: 200,
      log: (line) => logs.push(line),
      ...options,
    });
    return client;
  }

  async function failure(promise: Promise<unknown>): Promise<Error> {
    try {
      await promise;
    } catch (err) {
      return err as Error;
    }
    throw new Error('expected the call to fail');
  }

  describe('configuration', () => {
    it('refuses a missing or blank key with a ConfigError (exit 2)', () => {
      for (const key of [undefined, '', '   ']) {
        expect(() => new ApiFootballClient({ key })).to.throw(ConfigError, /API_FOOTBALL_KEY is not set/);
      }
    });

    it('refuses a base URL that is not http(s)', () => {
      expect(() => new ApiFootballClient({ key: KEY, baseUrl: 'not a url' })).to.throw(ConfigError, /API_FOOTBALL_URL is not a URL/);
      expect(() => new ApiFootballClient({ key: KEY, baseUrl: 'ftp://x.org' })).to.throw(ConfigError, /https:\/\/ or http:\/\//);
    });

    it('reads API_FOOTBALL_KEY and API_FOOTBALL_URL, defaulting the URL', () => {
      expect(clientOptionsFromEnv({ API_FOOTBALL_KEY: 'k' })).to.deep.equal({ key: 'k', baseUrl: 'https://v3.football.api-sports.io' });
      expect(clientOptionsFromEnv({ API_FOOTBALL_KEY: 'k', API_FOOTBALL_URL: 'http://127.0.0.1:1' }).baseUrl).to.equal('http://127.0.0.1:1');
    });

    it('sends the key in x-apisports-key, under the base path, with string parameters', async () => {
      const api = await serve(ok(), {}, '/v3');
      await api.get('countries', { code: 'US', season: 2023, current: true, skipped: undefined });
      const [request] = server!.requests;
      expect(request!.path).to.equal('/v3/countries');
      expect(request!.headers['x-apisports-key']).to.equal(KEY);
      expect(request!.headers).not.to.have.property('x-rapidapi-key');
      expect(request!.query).to.deep.equal({ code: 'US', current: 'true', season: '2023' });
    });
  });

  describe('a successful call', () => {
    it('returns the valid items, rejects the invalid ones and reads the quota headers', async () => {
      const api = await serve(
        (request, res) =>
          sendJson(res, envelope(request, [COUNTRY, { ...COUNTRY, name: 7 }, { ...COUNTRY, name: 'Canada', code: 'CA' }]), 200, {
            'x-ratelimit-requests-limit': '7500',
            'x-ratelimit-requests-remaining': '7173',
            'x-ratelimit-limit': '300',
            'x-ratelimit-remaining': '299',
          }),
      );
      const result = await api.get('countries', { search: 'USA' });
      expect(result.items).to.deep.equal([COUNTRY, { ...COUNTRY, name: 'Canada', code: 'CA' }]);
      expect(result.rejects.map(({ index, path }) => ({ index, path }))).to.deep.equal([{ index: 1, path: '/name' }]);
      expect(result).to.include({ endpoint: 'countries', httpStatus: 200 });
      expect(result.parameters).to.deep.equal({ search: 'USA' });
      expect(api.callsMade).to.equal(1);
      expect(api.quota).to.deep.equal({ dailyLimit: 7500, dailyRemaining: 7173, minuteLimit: 300, minuteRemaining: 299 });
    });

    it('hands every JSON response to onResponse, error envelopes included, without headers', async () => {
      const records: ApiResponseRecord[] = [];
      const api = await serve(script(httpStatus(500), apiError({ rateLimit: 'Too many requests.' }), ok()), {
        onResponse: (record) => void records.push(record),
        minuteWindowMs: 10,
      });
      await api.get('countries', { code: 'US' });
      expect(records.map(({ httpStatus }) => httpStatus)).to.deep.equal([500, 200, 200]);
      const last = records[2]!;
      expect(Object.keys(last).sort()).to.deep.equal(['body', 'endpoint', 'httpStatus', 'parameters', 'receivedAt']);
      expect(last).to.include({ endpoint: 'countries' });
      expect(last.parameters).to.deep.equal({ code: 'US' });
      expect((last.body as { response: unknown[] }).response).to.deep.equal([COUNTRY]);
      expect(last.receivedAt).to.be.instanceOf(Date);
    });

    it('waits for an async onResponse before returning (raw stored before transform)', async () => {
      let stored = false;
      const api = await serve(ok(), {
        onResponse: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          stored = true;
        },
      });
      await api.get('countries');
      expect(stored).to.equal(true);
    });
  });

  describe('errors in HTTP 200 bodies, typed by what to do', () => {
    it('errors.token: ApiAuthError (exit 2), not retried', async () => {
      const api = await serve(apiError({ token: 'Error/Missing application key.' }));
      const err = await failure(api.get('countries'));
      expect(err).to.be.instanceOf(ApiAuthError).and.instanceOf(ConfigError);
      expect((err as ApiAuthError).exitCode).to.equal(2);
      expect(err.message).to.include('GET /countries').and.include('Missing application key');
      expect(server!.requests).to.have.length(1);
    });

    it('errors.Ip: ApiAuthError too (the dashboard allow-list is configuration)', async () => {
      const api = await serve(apiError({ Ip: 'This IP is not allowed to call the API.' }));
      expect(await failure(api.get('countries'))).to.be.instanceOf(ApiAuthError);
    });

    it('HTTP 401 and 403: ApiAuthError', async () => {
      for (const status of [401, 403]) {
        const api = await serve(apiError({ token: 'Missing application key' }, status));
        const err = await failure(api.get('countries'));
        expect(err).to.be.instanceOf(ApiAuthError);
        expect(err.message).to.include(`HTTP ${status}`);
        client!.close();
        await server!.close();
      }
      server = undefined;
      client = undefined;
    });

    it('errors.requests: DailyQuotaError (exit 75), and later calls stop without calling', async () => {
      const api = await serve(apiError({ requests: 'You have reached the request limit for the day' }));
      const err = await failure(api.get('countries'));
      expect(err).to.be.instanceOf(DailyQuotaError).and.instanceOf(QuotaStopError);
      expect((err as DailyQuotaError).exitCode).to.equal(75);
      expect(err.message).to.include('request limit for the day');
      expect(await failure(api.get('countries'))).to.be.instanceOf(DailyQuotaError);
      expect(server!.requests).to.have.length(1);
    });

    it('errors.plan: PlanRestrictionError naming the restriction', async () => {
      const api = await serve(apiError({ plan: 'Free plans do not have access to the Ids parameter.' }));
      const err = await failure(api.get('fixtures', { ids: '1-2' }));
      expect(err).to.be.instanceOf(PlanRestrictionError);
      expect((err as PlanRestrictionError).exitCode).to.equal(1);
      expect(err.message).to.match(/plan restriction on GET \/fixtures\?ids=1-2: Free plans do not have access to the Ids parameter/);
      expect(server!.requests).to.have.length(1);
    });

    it('parameter errors: ApiRequestError naming the endpoint and parameters, asking to check them or report a bug', async () => {
      const api = await serve(apiError({ league: 'The League field cannot be used with the Search field.' }));
      const err = await failure(api.get('teams', { search: 'Leipzig', league: 39 }));
      expect(err).to.be.instanceOf(ApiRequestError);
      expect(err.message).to.include('GET /teams?league=39&search=Leipzig');
      expect(err.message).to.include('league: The League field cannot be used with the Search field.');
      expect(err.message).to.include('Check the league and season').and.include('please report it');
      expect((err as ApiRequestError).apiErrors).to.deep.equal({ league: 'The League field cannot be used with the Search field.' });
      expect(server!.requests).to.have.length(1);
    });

    it('errors.rateLimit: waits a window and retries', async () => {
      const api = await serve(script(apiError({ rateLimit: 'Too many requests. Your rate limit is 10 requests per minute.' }), ok()));
      const result = await api.get('countries');
      expect(result.items).to.have.length(1);
      const [first, second] = server!.requests;
      expect(second!.at - first!.at).to.be.at.least(190);
      expect(logs.join('\n')).to.match(/rateLimit: Too many requests/);
    });

    it('errors.rateLimit that persists: RateLimitError (exit 75) after the last attempt', async () => {
      const api = await serve(apiError({ rateLimit: 'Too many requests.' }), { maxAttempts: 3, minuteWindowMs: 10 });
      const err = await failure(api.get('countries', { code: 'US' }));
      expect(err).to.be.instanceOf(RateLimitError);
      expect((err as RateLimitError).exitCode).to.equal(75);
      expect(err.message).to.include('GET /countries?code=US').and.include('3 attempts');
      expect(server!.requests).to.have.length(3);
    });

    it('accepts errors as {} as success', async () => {
      const api = await serve((request, res) => sendJson(res, envelope(request, [COUNTRY], { errors: {} })));
      expect((await api.get('countries')).items).to.have.length(1);
    });
  });

  describe('transient failures: retried with backoff, bounded', () => {
    const transient: Array<[string, Handler]> = [
      ['HTTP 500', httpStatus(500)],
      ['HTTP 499', httpStatus(499)],
      ['HTTP 429', httpStatus(429, { message: 'Too many requests' })],
      ['HTTP 502 with an HTML page', (_request, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>')],
      ['a truncated JSON body', truncated],
      ['a connection reset', reset],
      ['a timeout', hang],
      ['the 204 server-bug envelope', apiError({ bug: 'This is on our side, please report us this bug.' })],
    ];
    for (const [name, handler] of transient) {
      it(`${name}, then success`, async () => {
        const api = await serve(script(handler, ok()), { timeoutMs: 150, minuteWindowMs: 10 });
        const result = await api.get('countries', { code: 'US' });
        expect(result.items).to.deep.equal([COUNTRY]);
        expect(server!.requests).to.have.length(2);
        expect(api.callsMade).to.equal(2);
        expect(logs).to.have.length.at.least(1);
        expect(logs[0]).to.match(/^GET \/countries\?code=US: .*; retrying in \d+ ms \(attempt 2 of 5\)$/);
      });
    }

    it('gives up after maxAttempts with an error naming the endpoint, parameters and last failure', async () => {
      const api = await serve(httpStatus(500), { maxAttempts: 4 });
      const err = await failure(api.get('standings', { league: 39, season: 2023 }));
      expect(err).to.be.instanceOf(ApiUnavailableError);
      expect(err.message).to.equal(
        'API-Football did not answer GET /standings?league=39&season=2023 after 4 attempts; last failure: HTTP 500: Something went wrong while fetching details. Try again later.',
      );
      expect(server!.requests).to.have.length(4);
    });

    it('gives up on repeated timeouts too', async () => {
      const api = await serve(hang, { maxAttempts: 2, timeoutMs: 80 });
      const err = await failure(api.get('countries'));
      expect(err).to.be.instanceOf(ApiUnavailableError);
      expect(err.message).to.match(/after 2 attempts; last failure: .*Timeout/);
    });

    it('does not retry a 4xx that is not an envelope: ApiUrlError (exit 2)', async () => {
      const api = await serve((_request, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
      const err = await failure(api.get('countries'));
      expect(err).to.be.instanceOf(ApiUrlError);
      expect((err as ApiUrlError).exitCode).to.equal(2);
      expect(err.message).to.include('HTTP 404 to GET /countries');
      expect(server!.requests).to.have.length(1);
    });

    it('does not retry JSON that is not an envelope: this response is unusable (UnusableResponseError)', async () => {
      const api = await serve((_request, res) => sendJson(res, { hello: 'world' }));
      const err = await failure(api.get('countries'));
      expect(err).to.be.instanceOf(UnusableResponseError);
      expect(err.message).to.match(/answer to GET \/countries cannot be used: .*not an API-Football envelope/);
      expect(server!.requests).to.have.length(1);
    });

    it('errors it does not know (an array, an unknown key): this response is unusable, not "a bug in the request"', async () => {
      const api = await serve(script(
        (request, res) => sendJson(res, envelope(request, [], { errors: ['Something is wrong'] })),
        (request, res) => sendJson(res, envelope(request, [], { errors: { maintenance: 'Back soon' } })),
      ));
      const array = await failure(api.get('countries'));
      expect(array).to.be.instanceOf(UnusableResponseError);
      expect(array.message).to.include('errors in a form QuantFoot does not know: ["Something is wrong"]').and.not.include('bug');
      const unknown = await failure(api.get('countries'));
      expect(unknown).to.be.instanceOf(UnusableResponseError);
      expect(unknown.message).to.include('maintenance: Back soon');
    });

    it('refuses a body over the size limit without reading it all (announced, or streamed without a length)', async () => {
      const big = Buffer.alloc(64 * 1024, 0x20);
      const api = await serve(
        script(
          (_request, res) => {
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * big.length) });
            res.write(big);
          },
          (_request, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            const write = () => (res.destroyed ? undefined : res.write(big, () => setImmediate(write)));
            write();
          },
        ),
        { maxResponseBytes: 256 * 1024 },
      );
      const announced = await failure(api.get('countries'));
      expect(announced).to.be.instanceOf(UnusableResponseError);
      expect(announced.message).to.match(/larger than the limit of 262144 bytes \(it announced 655360 bytes\)/, announced.message);
      const streamed = await failure(api.get('countries'));
      expect(streamed.message).to.match(/larger than the limit of 262144 bytes \(it went past 262144 bytes\)/);
      expect(server!.requests).to.have.length(2);
    });

    it('stores what jsonb cannot hold losslessly, and rejects the item that held it', async () => {
      const records: ApiResponseRecord[] = [];
      const text = `{"get":"countries","parameters":[],"errors":[],"results":2,"paging":{"current":1,"total":1},"response":[{"name":"A\\u0000B","code":"AB","flag":null},{"name":"Canada","code":"CA","flag":null,"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
      const api = await serve((_request, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(text), { onResponse: (r) => void records.push(r) });
      const result = await api.get('countries');
      expect(result.items).to.deep.equal([]);
      const [nul, deep] = result.rejects.map((r) => r.reason);
      expect(nul).to.equal('/name contains U+0000 (NUL), which PostgreSQL text cannot hold');
      expect(deep).to.match(/^\/deep(\/0){50,} nests deeper than 64 levels$/);
      expect(records[0]!.exactBody!.toString('utf8')).to.equal(text);
      expect(records[0]!.bodyNote).to.match(/^2 value\(s\) replaced: /);
      expect(JSON.stringify(records[0]!.body)).to.not.include('\\u0000');
    });
  });

  describe('quota: budget and daily reserve', () => {
    const dailyHeaders = (remaining: number) => ({ 'x-ratelimit-requests-limit': '100', 'x-ratelimit-requests-remaining': String(remaining) });

    it('stops before the call that would exceed maxCalls (CallBudgetError, exit 75), without calling', async () => {
      const api = await serve(ok(), { maxCalls: 2 });
      await api.get('countries');
      await api.get('countries');
      const err = await failure(api.get('countries', { code: 'FR' }));
      expect(err).to.be.instanceOf(CallBudgetError).and.instanceOf(QuotaStopError);
      expect((err as CallBudgetError).exitCode).to.equal(75);
      expect(err.message).to.include('budget of 2').and.include('GET /countries?code=FR');
      expect(server!.requests).to.have.length(2);
    });

    it('counts retries against the budget', async () => {
      const api = await serve(httpStatus(500), { maxCalls: 2, maxAttempts: 5 });
      expect(await failure(api.get('countries'))).to.be.instanceOf(CallBudgetError);
      expect(server!.requests).to.have.length(2);
    });

    it('stops when the daily remaining reaches the reserve, before the API refuses', async () => {
      let remaining = 4;
      const api = await serve((request, res) => sendJson(res, envelope(request, [COUNTRY]), 200, dailyHeaders((remaining -= 1))), {
        dailyReserve: 2,
      });
      await api.get('countries');
      await api.get('countries');
      expect(api.quota.dailyRemaining).to.equal(2);
      const err = await failure(api.get('countries'));
      expect(err).to.be.instanceOf(DailyQuotaError);
      expect(err.message).to.include('2 of 100 requests left today, at the reserve of 2');
      expect(server!.requests).to.have.length(2);
    });

    it('lets /status through the budget and the daily guard, counts it as a call, and reads its body', async () => {
      const status = {
        account: { firstname: 'A', lastname: null, email: 'a@example.org' },
        subscription: { plan: 'Free', end: '2027-06-20T00:00:00+00:00', active: true },
        requests: { current: 100, limit_day: 100 },
      };
      const api = await serve(
        script(ok(dailyHeaders(0)), (request, res) => sendJson(res, { ...envelope(request, status), results: 0 })),
        { maxCalls: 1 },
      );
      await api.get('countries');
      expect(await failure(api.get('countries'))).to.be.instanceOf(QuotaStopError);
      const answer = await api.status();
      expect(answer!.subscription.plan).to.equal('Free');
      expect(api.callsMade).to.equal(2);
      expect(api.quota).to.include({ dailyLimit: 100, dailyRemaining: 0 });
      expect(server!.requests.map(({ endpoint }) => endpoint)).to.deep.equal(['countries', 'status']);
    });
  });

  describe('paging and ids batching', () => {
    it('loops /players page=1..paging.total, hands each page to onResponse, and tags rejects with their page', async () => {
      const player = (id: number) => ({ player: { id, name: `P${id}`, firstname: null, lastname: null, age: null, birth: { date: null, place: null, country: null }, nationality: null, height: null, weight: null, injured: null, photo: null }, statistics: [] });
      const pages: Record<string, unknown[]> = { '1': [player(1), player(2)], '2': [player(3), { ...player(4), player: { ...player(4).player, id: 'x' } }], '3': [player(5)] };
      const records: ApiResponseRecord[] = [];
      const api = await serve(
        (request, res) => {
          const page = request.query.page!;
          sendJson(res, envelope(request, pages[page], { paging: { current: Number(page), total: 3 } }));
        },
        { onResponse: (record) => void records.push(record) },
      );
      const { items, rejects } = await api.getAllPages('players', { league: 78, season: 2022 });
      expect(items.map(({ player: { id } }) => id)).to.deep.equal([1, 2, 3, 5]);
      expect(rejects).to.have.length(1);
      expect(rejects[0]).to.include({ index: 1, path: '/player/id' });
      expect(rejects[0]!.parameters).to.deep.equal({ league: '78', page: '2', season: '2022' });
      expect(server!.requests.map(({ query }) => query.page)).to.deep.equal(['1', '2', '3']);
      expect(records.map(({ parameters }) => parameters.page)).to.deep.equal(['1', '2', '3']);
    });

    it('stops after page 1 when paging.total is 0 (no results)', async () => {
      const api = await serve((request, res) => sendJson(res, envelope(request, [], { paging: { current: 1, total: 0 } })));
      expect((await api.getAllPages('players', { team: 1, season: 2022 })).items).to.deep.equal([]);
      expect(server!.requests).to.have.length(1);
    });

    it('fetches fixtures by ids in requests of at most 20 ids, without duplicates', async () => {
      const fixture = (id: number) => ({
        fixture: { id, referee: null, timezone: 'UTC', date: '2024-03-30T17:30:00+00:00', timestamp: 1711819800, periods: { first: null, second: null }, venue: { id: null, name: null, city: null }, status: { long: 'Not Started', short: 'NS', elapsed: null } },
        league: { id: 78, name: 'Bundesliga', country: 'Germany', logo: null, flag: null, season: 2023, round: 'Regular Season - 27' },
        teams: { home: { id: 1, name: 'A', logo: null, winner: null }, away: { id: 2, name: 'B', logo: null, winner: null } },
        goals: { home: null, away: null },
        score: { halftime: { home: null, away: null }, fulltime: { home: null, away: null }, extratime: { home: null, away: null }, penalty: { home: null, away: null } },
        events: [],
        lineups: [],
        statistics: [],
        players: [],
      });
      const api = await serve((request, res) => sendJson(res, envelope(request, request.query.ids!.split('-').map(Number).map(fixture))));
      const ids = Array.from({ length: 45 }, (_, i) => 1000 + i);
      const { items, rejects } = await api.getFixturesByIds([...ids, 1000, 1001]);
      expect(items.map(({ fixture: { id } }) => id)).to.deep.equal(ids);
      expect(rejects).to.deep.equal([]);
      expect(server!.requests.map(({ query }) => query.ids!.split('-').length)).to.deep.equal([20, 20, 5]);
      expect(server!.requests[0]!.query.ids).to.equal(ids.slice(0, 20).join('-'));
    });

    it('rejects an ids item that lacks its embedded arrays', async () => {
      const api = await serve((request, res) => sendJson(res, envelope(request, [{ fixture: { id: 1 } }])));
      const { items, rejects } = await api.getFixturesByIds([1]);
      expect(items).to.deep.equal([]);
      expect(rejects[0]!.parameters).to.deep.equal({ ids: '1' });
      expect(rejects[0]!.problems.map(({ path }) => path)).to.include.members(['/events', '/lineups', '/statistics', '/players']);
    });
  });
});
