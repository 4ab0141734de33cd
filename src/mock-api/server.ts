/**
 * A local API-Football v3 over node:http: the real envelope and error texts, per-key daily and
 * per-minute quotas with their headers, seeded fault injection, served at `/` and under `/v3/`
 * (RapidAPI layout). Tests start it in-process with `startMockApi`; `quantfoot mock-api` serves it
 * from the command line.
 *
 * Test hooks, kept few:
 * - `setAsOf(iso)` moves "now" (also `POST /__mock/as-of?date=ISO` when the mock runs as a process);
 * - `overrideNext(endpoint, override)` replaces the next normal answer of one endpoint, once;
 * - `stats()` counts requests, calls per key and injected faults (also `GET /__mock/stats`);
 * - `now` (option) replaces the clock the quotas run on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Dataset, DEFAULT_AS_OF } from './dataset/dataset';
import { isoDateTime } from './dataset/time';
import { answer, doesNotExist } from './endpoints';
import { failure, serialize, success, type Envelope, type Parameters } from './envelope';
import { drawFault, NO_FAULTS, parseFaults, type FaultKind, type FaultSpec } from './faults';
import { parseQuirks } from './quirks';
import { Quota } from './quota';

export const MISSING_KEY = 'Missing application key, Check our documentation on how to add your API key in headers.';
export const UNKNOWN_KEY = 'Error/Missing application key. Go to https://www.api-football.com/documentation-v3 to learn how to get your API application key.';
export const DAILY_LIMIT_REACHED = 'You have reached the request limit for the day, Go to https://dashboard.api-football.com to upgrade your plan.';
export const SERVER_ERROR_BODY = { message: 'Something went wrong while fetching details. Try again later.' };
/** The key every default-configured mock refuses, to exercise the `token` error. */
export const INVALID_KEY = 'invalid-key';

export function rateLimitMessage(perMinute: number): string {
  return `Too many requests. Your rate limit is ${perMinute} requests per minute.`;
}

export interface MockApiOptions {
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** ISO date: fixtures kicking off before it are played (default 2024-06-30: all of 2023-24). */
  asOf?: string;
  /** Calls per key per UTC day (default 7500, the Pro plan). */
  dailyLimit?: number;
  /** Calls per key per sliding minute (default 300). */
  minuteLimit?: number;
  /** `500:0.1,timeout:0.02,slow:200ms` (see faults.ts) or a parsed spec. */
  faults?: string | FaultSpec;
  /** The keys accepted; default: any non-empty key except "invalid-key". */
  keys?: readonly string[];
  /** Clock of the quotas, in ms (default Date.now). */
  now?: () => number;
  /** Extra generated leagues for benchmarks (ids from 1000), `scaleSeasons` each. */
  scale?: number;
  scaleSeasons?: readonly number[];
  /** PHP-style escapes (`\/`, `\u00e9`) like the real API (default true). */
  phpJson?: boolean;
  /** Quirks of the real API to reproduce (see quirks.ts): names, or `a,b` as on the command line. */
  quirks?: string | readonly string[];
  /**
   * The subscription plan of every key (default pro). `free`: 100 calls a day and 10 a minute unless
   * set, no `ids`/`last`/`next` parameters and seasons 2022-2024 only, refused with the real texts.
   */
  plan?: 'free' | 'pro';
}

/** A replacement answer: a new `response` array, or a function of the (copied) envelope whose
 * result is sent as JSON, or as is when it is a string (to send broken JSON). */
export type Override = unknown[] | ((body: Envelope) => unknown);

export interface MockApiStats {
  /** Every request received, faults included. */
  requests: number;
  /** Calls counted against the quota, per endpoint. */
  byEndpoint: Record<string, number>;
  /** Calls counted today, per key. */
  byKey: Record<string, number>;
  /** Injected faults, per kind. */
  faults: Record<string, number>;
}

export interface MockApi {
  url: string;
  port: number;
  dataset: Dataset;
  setAsOf(iso: string): void;
  asOf(): string;
  overrideNext(endpoint: string, override: Override): void;
  stats(): MockApiStats;
  close(): Promise<void>;
}

const COMMON_HEADERS = {
  'content-type': 'application/json',
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': 'True',
  'access-control-allow-headers': 'x-rapidapi-key, x-apisports-key, x-rapidapi-host',
  'access-control-allow-methods': 'GET, OPTIONS',
  'cache-control': 'no-store, no-cache, must-revalidate',
  expires: '0',
  pragma: 'no-cache',
};

export async function startMockApi(options: MockApiOptions = {}): Promise<MockApi> {
  const seed = options.seed ?? 1;
  const dataset = new Dataset({ seed, asOf: options.asOf ?? DEFAULT_AS_OF, scale: options.scale, scaleSeasons: options.scaleSeasons, quirks: parseQuirks(options.quirks) });
  const plan = options.plan ?? 'pro';
  const faults = typeof options.faults === 'object' ? options.faults : options.faults === undefined ? NO_FAULTS : parseFaults(options.faults);
  const now = options.now ?? Date.now;
  const quota = new Quota({ dailyLimit: options.dailyLimit ?? (plan === 'free' ? 100 : 7500), minuteLimit: options.minuteLimit ?? (plan === 'free' ? 10 : 300), now });
  const phpJson = options.phpJson ?? true;
  const validKey = (key: string) => (options.keys === undefined ? key !== INVALID_KEY : options.keys.includes(key));
  const overrides = new Map<string, Override[]>();
  const stats: MockApiStats = { requests: 0, byEndpoint: {}, byKey: {}, faults: {} };
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: http.ServerResponse, status: number, body: string, headers: Record<string, string>, delayMs = 0) => {
    const write = () => {
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    };
    if (delayMs <= 0) return write();
    const timer = setTimeout(() => {
      timers.delete(timer);
      write();
    }, delayMs);
    timers.add(timer);
  };
  const json = (body: unknown) => serialize(body, phpJson);

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    if (url.pathname.startsWith('/__mock/')) return admin(req, res, url);
    const path = url.pathname === '/v3' || url.pathname.startsWith('/v3/') ? url.pathname.slice(3) : url.pathname;
    const endpoint = path.replace(/^\/+|\/+$/g, '');
    const parameters: Parameters = Object.fromEntries(url.searchParams);
    if (req.method === 'OPTIONS') return send(res, 204, '', {});
    if (req.method !== 'GET') return send(res, 405, json({ message: 'Method Not Allowed' }), {});
    const n = ++stats.requests;

    const key = header(req, 'x-apisports-key') ?? header(req, 'x-rapidapi-key');
    if (key === undefined) {
      return send(res, 403, json({ get: '', parameters: [], errors: { token: MISSING_KEY }, results: 0, paging: { current: 1, total: 1 }, response: [] }), {});
    }
    if (!validKey(key)) return send(res, 200, json(failure(endpoint, parameters, { token: UNKNOWN_KEY })), {});

    const draw = drawFault(faults, seed, n);
    if (draw.failure !== null) stats.faults[draw.failure] = (stats.faults[draw.failure] ?? 0) + 1;
    if (draw.delayMs > 0) stats.faults.slow = (stats.faults.slow ?? 0) + 1;
    if (draw.failure !== null && draw.failure !== 'truncate') return fail(draw.failure, req, res, endpoint, parameters, key, draw.delayMs);

    let body: Envelope;
    if (endpoint === 'status') {
      body = statusBody(parameters, quota.usedToday(key), quota.dailyLimit, now, plan);
    } else {
      const verdict = quota.verdict(key);
      if (verdict !== 'ok') {
        const errors: Record<string, string> = verdict === 'requests' ? { requests: DAILY_LIMIT_REACHED } : { rateLimit: rateLimitMessage(quota.minuteLimit) };
        return send(res, 200, json(failure(endpoint, parameters, errors)), quota.headers(key), draw.delayMs);
      }
      quota.count(key);
      stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + 1;
      const refusal = plan === 'free' ? freePlanRefusal(parameters) : null;
      const result = refusal !== null ? { errors: { plan: refusal } } : answer(endpoint, parameters, dataset);
      if (result === undefined) body = failure(endpoint, parameters, { endpoint: 'This endpoint do not exist.' }); // guess
      else if ('errors' in result) body = failure(endpoint, parameters, result.errors);
      else body = success(endpoint, parameters, result.response, result.paging);
    }
    let text = applyOverride(overrides, endpoint, body, json);
    if (draw.failure === 'truncate') text = text.slice(0, Math.floor(text.length / 2));
    send(res, 200, text, quota.headers(key), draw.delayMs);
  };

  const fail = (kind: FaultKind, req: http.IncomingMessage, res: http.ServerResponse, endpoint: string, parameters: Parameters, key: string, delayMs: number) => {
    switch (kind) {
      case '500':
      case '499':
        return send(res, Number(kind), json(SERVER_ERROR_BODY), {}, delayMs);
      case '429':
        return send(res, 429, json({ message: 'Too many requests' }), {}, delayMs);
      case 'ratelimit':
        return send(res, 200, json(failure(endpoint, parameters, { rateLimit: rateLimitMessage(quota.minuteLimit) })), quota.headers(key), delayMs);
      case 'reset':
        return req.socket.destroy();
      case 'timeout':
      case 'truncate':
        // A timeout never answers: the client gives up, or close() ends the connection.
        return;
    }
  };

  const admin = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (url.pathname === '/__mock/as-of' && req.method === 'POST') {
      const date = url.searchParams.get('date');
      try {
        if (date === null) throw new Error('date is required');
        dataset.setAsOf(date);
        return send(res, 200, JSON.stringify({ asOf: isoDateTime(dataset.asOf) }), {});
      } catch (err) {
        return send(res, 400, JSON.stringify({ message: (err as Error).message }), {});
      }
    }
    if (url.pathname === '/__mock/stats' && req.method === 'GET') return send(res, 200, JSON.stringify(snapshot()), {});
    return send(res, 404, JSON.stringify({ message: 'unknown mock admin route' }), {});
  };

  const snapshot = (): MockApiStats => ({ ...structuredClone(stats), byKey: quota.snapshot() });

  const server = http.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    dataset,
    setAsOf: (iso) => dataset.setAsOf(iso),
    asOf: () => isoDateTime(dataset.asOf),
    overrideNext: (endpoint, override) => {
      const queue = overrides.get(endpoint) ?? [];
      queue.push(override);
      overrides.set(endpoint, queue);
    },
    stats: snapshot,
    close: () => new Promise<void>((resolve, reject) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close((err) => (err === undefined ? resolve() : reject(err)));
      server.closeAllConnections();
    }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
}

/** `/status` (SPEC §7.1): free of quota, it reports the calling key's calls today. */
/** What the free plan refuses (SPEC §3.2, §4): the ids, last and next parameters, seasons outside its window. */
function freePlanRefusal(parameters: Parameters): string | null {
  for (const [name, label] of [['ids', 'Ids'], ['last', 'Last'], ['next', 'Next']] as const) {
    if (parameters[name] !== undefined) return `Free plans do not have access to the ${label} parameter.`;
  }
  const season = Number(parameters.season);
  if (parameters.season !== undefined && (season < FREE_SEASONS[0] || season > FREE_SEASONS[1])) {
    return `Free plans do not have access to this season, try from ${FREE_SEASONS[0]} to ${FREE_SEASONS[1]}.`;
  }
  return null;
}

const FREE_SEASONS = [2022, 2024] as const;

function statusBody(parameters: Parameters, current: number, limitDay: number, now: () => number, plan: 'free' | 'pro'): Envelope {
  const unknown = Object.keys(parameters);
  if (unknown.length > 0) return failure('status', parameters, Object.fromEntries(unknown.map((name) => [name, doesNotExist(name)])));
  const year = new Date(now()).getUTCFullYear();
  return success('status', parameters, {
    account: { firstname: 'Mock', lastname: null, email: 'mock@example.invalid' },
    subscription: { plan: plan === 'free' ? 'Free' : 'Pro', end: `${year + 1}-06-20T00:00:00+00:00`, active: true },
    requests: { current, limit_day: limitDay },
  }, { current: 1, total: 1 }, 0);
}

function applyOverride(overrides: Map<string, Override[]>, endpoint: string, body: Envelope, json: (body: unknown) => string): string {
  const override = overrides.get(endpoint)?.shift();
  if (override === undefined) return json(body);
  if (Array.isArray(override)) return json({ ...body, results: override.length, response: override });
  // A copy, so that an override editing the body in place cannot corrupt the dataset.
  const replaced = override(structuredClone(body));
  return typeof replaced === 'string' ? replaced : json(replaced);
}
