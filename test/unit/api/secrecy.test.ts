import { inspect } from 'node:util';
import { expect } from 'chai';
import { ApiFootballClient, type ApiClientOptions, type ApiResponseRecord } from '../../../src/api';
import {
  COUNTRY,
  apiError,
  envelope,
  hang,
  ok,
  reset,
  sendJson,
  startServer,
  type Handler,
  type ScriptedServer,
} from './scripted-server';

const KEY = 'qf-secret-7c0ffee5a1b2c3d4e5f6';

/** Worst case: a server (or proxy) that quotes the key back in whatever it answers. */
const echo = (status: number): Handler => (_request, res) => sendJson(res, { message: `bad key ${KEY}` }, status);

const scenarios: Array<[string, Handler, Partial<ApiClientOptions>?]> = [
  ['errors.token quoting the key', apiError({ token: `Unknown key ${KEY}` })],
  ['HTTP 401 quoting the key', echo(401)],
  ['HTTP 403 quoting the key', echo(403)],
  ['HTTP 500 quoting the key, every attempt', echo(500)],
  ['HTTP 429 quoting the key, every attempt', echo(429)],
  ['HTTP 404 HTML quoting the key', (_request, res) => res.writeHead(404).end(`<pre>x-apisports-key: ${KEY}</pre>`)],
  ['truncated JSON quoting the key', (_request, res) => res.writeHead(200).end(`{"message":"${KEY}`)],
  ['timeouts', hang, { timeoutMs: 50 }],
  ['connection resets', reset],
  ['errors.plan quoting the key', apiError({ plan: `Free plans do not cover ${KEY}` })],
  ['errors.requests quoting the key', apiError({ requests: `limit for ${KEY}` })],
  ['errors.rateLimit quoting the key', apiError({ rateLimit: `Too many requests for ${KEY}` })],
  ['a parameter error quoting the key', apiError({ season: `The Season field is required for ${KEY}` })],
  ['a body that is not an envelope', (_request, res) => sendJson(res, { key: KEY })],
  ['a budget of 0 calls', ok(), { maxCalls: 0 }],
];

describe('api: the key never leaks', () => {
  let server: ScriptedServer | undefined;
  let client: ApiFootballClient | undefined;

  afterEach(async () => {
    client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  for (const [name, handler, options] of scenarios) {
    it(`into logs, errors or stored responses: ${name}`, async () => {
      const logs: string[] = [];
      const records: ApiResponseRecord[] = [];
      server = await startServer(handler);
      client = new ApiFootballClient({
        key: KEY,
        baseUrl: server.url,
        maxAttempts: 3,
        retryBaseDelayMs: 1,
        retryMaxDelayMs: 2,
        minuteWindowMs: 5,
        log: (line) => logs.push(line),
        onResponse: (record) => void records.push(record),
        ...options,
      });
      let error: unknown;
      try {
        await client.get('countries', { code: 'US' });
      } catch (err) {
        error = err;
      }
      expect(error, 'the scenario should fail').to.be.instanceOf(Error);
      const everything = [
        ...logs,
        String(error),
        (error as Error).stack ?? '',
        inspect(error, { depth: null, showHidden: true }),
        JSON.stringify(records),
        inspect(client, { depth: null }),
      ].join('\n');
      expect(everything).not.to.include(KEY);
      if (server.requests.length > 0) expect(server.requests[0]!.headers['x-apisports-key']).to.equal(KEY);
    });
  }

  it('masks the key in a successful body quoted back for storage', async () => {
    const records: ApiResponseRecord[] = [];
    server = await startServer((request, res) => sendJson(res, envelope(request, [{ ...COUNTRY, name: `USA ${KEY}` }])));
    client = new ApiFootballClient({ key: KEY, baseUrl: server.url, onResponse: (record) => void records.push(record) });
    const result = await client.get('countries');
    expect(JSON.stringify(records) + JSON.stringify(result)).not.to.include(KEY);
    expect(result.items[0]!.name).to.equal('USA ***');
  });

  it('leaves bodies intact with a short test key (masking "k" would corrupt every name with a k)', async () => {
    server = await startServer((request, res) => sendJson(res, envelope(request, [{ ...COUNTRY, name: 'Kazakhstan', code: 'KZ' }])));
    client = new ApiFootballClient({ key: 'k', baseUrl: server.url });
    const result = await client.get('countries');
    expect(result.items[0]!.name).to.equal('Kazakhstan');
    expect(result.rejects).to.deep.equal([]);
  });
});
