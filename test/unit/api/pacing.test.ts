import { expect } from 'chai';
import { ApiFootballClient, type ApiClientOptions } from '../../../src/api';
import { MinutePacer } from '../../../src/api/pacer';
import { COUNTRY, envelope, ok, sendJson, startServer, type Handler, type ScriptedServer } from './scripted-server';

const WINDOW_MS = 250;

/** A server that enforces `limit` requests per sliding window the way the API does: errors.rateLimit. */
function rateLimited(limit: number): { handler: Handler; refusals: () => number } {
  const accepted: number[] = [];
  let refusals = 0;
  const handler: Handler = (request, res) => {
    const recent = accepted.filter((at) => at > request.at - WINDOW_MS);
    const headers = { 'x-ratelimit-limit': String(limit) };
    if (recent.length >= limit) {
      refusals += 1;
      const errors = { rateLimit: `Too many requests. Your rate limit is ${limit} requests per minute.` };
      sendJson(res, envelope(request, [], { errors }), 200, { ...headers, 'x-ratelimit-remaining': '0' });
      return;
    }
    accepted.push(request.at);
    sendJson(res, envelope(request, [COUNTRY]), 200, { ...headers, 'x-ratelimit-remaining': String(limit - recent.length - 1) });
  };
  return { handler, refusals: () => refusals };
}

/** The most arrivals that fall inside any window of `windowMs`. */
function busiestWindow(arrivals: number[], windowMs: number): number {
  return Math.max(...arrivals.map((start) => arrivals.filter((at) => at >= start && at < start + windowMs).length));
}

describe('api: pacing under the per-minute limit', () => {
  let server: ScriptedServer | undefined;
  let client: ApiFootballClient | undefined;

  afterEach(async () => {
    client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  async function serve(handler: Handler, options: Partial<ApiClientOptions> = {}): Promise<ApiFootballClient> {
    server = await startServer(handler);
    // maxAttempts 1: a single rateLimit refusal would fail the call, so passing means none happened.
    client = new ApiFootballClient({ key: 'k', baseUrl: server.url, minuteWindowMs: WINDOW_MS, maxAttempts: 1, ...options });
    return client;
  }

  it('sends 8 sequential requests under a limit of 3 per window without one refusal', async () => {
    const limit = rateLimited(3);
    const api = await serve(limit.handler);
    const started = Date.now();
    for (let i = 0; i < 8; i += 1) await api.get('countries');
    expect(limit.refusals()).to.equal(0);
    expect(server!.requests).to.have.length(8);
    expect(Date.now() - started).to.be.at.least(2 * WINDOW_MS);
    expect(api.quota).to.include({ minuteLimit: 3 });
  });

  it('holds concurrent calls too, when the limit is known up front', async () => {
    const limit = rateLimited(3);
    const api = await serve(limit.handler, { minuteLimit: 3 });
    await Promise.all(Array.from({ length: 7 }, () => api.get('countries')));
    expect(limit.refusals()).to.equal(0);
    expect(busiestWindow(server!.requests.map(({ at }) => at), WINDOW_MS)).to.be.at.most(3);
  });

  it('keeps its own sliding window when the server sends no rate-limit headers', async () => {
    const api = await serve(ok(), { minuteLimit: 2 });
    for (let i = 0; i < 5; i += 1) await api.get('countries');
    expect(busiestWindow(server!.requests.map(({ at }) => at), WINDOW_MS)).to.be.at.most(2);
  });

  it('waits a window when x-ratelimit-remaining says 0 (another client uses the key)', async () => {
    const api = await serve(ok({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' }));
    await api.get('countries');
    await api.get('countries');
    const [first, second] = server!.requests;
    expect(second!.at - first!.at).to.be.at.least(WINDOW_MS - 5);
  });
});

describe('api: MinutePacer', () => {
  it('frees a slot one window after the oldest request completed', () => {
    let now = 1_000;
    const pacer = new MinutePacer(100, 2, () => now);
    pacer.complete(pacer.reserve());
    now = 1_010;
    pacer.complete(pacer.reserve());
    expect(pacer.delay()).to.equal(90);
    now = 1_100;
    expect(pacer.delay()).to.equal(0);
  });

  it('counts a request from when its response arrived', () => {
    let now = 0;
    const pacer = new MinutePacer(100, 1, () => now);
    const slot = pacer.reserve();
    now = 40;
    pacer.complete(slot);
    expect(pacer.delay()).to.equal(100);
  });

  it('waits a window after remaining reached 0, less what it sent since', () => {
    let now = 0;
    const pacer = new MinutePacer(100, null, () => now);
    pacer.observe(50, 1);
    expect(pacer.delay()).to.equal(0);
    pacer.reserve();
    now = 30;
    expect(pacer.delay()).to.equal(70);
    pacer.refused();
    expect(pacer.delay()).to.equal(100);
    expect(pacer.snapshot()).to.deep.equal({ limit: 50, remaining: 0 });
  });
});
