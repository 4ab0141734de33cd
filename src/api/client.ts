/**
 * The one HTTP client of API-Football (STYLE.md: all HTTP in one module), on one `got` instance.
 *
 * Success is decided by the envelope's `errors` being empty, not by the HTTP status: the API answers
 * almost every failure with HTTP 200 (SPEC.md §3). got's own retry is off so that transport failures,
 * 5xx, broken JSON and `errors.rateLimit` share one bounded backoff loop here.
 *
 * The key travels only in a request header. It is kept out of log lines, error messages (got's
 * errors, whose options hold the headers, are never attached as causes) and what `onResponse` gets.
 */
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import got, { type Got, type Response } from 'got';
import { ConfigError } from '../errors';
import {
  EnvelopeError,
  hasNoErrors,
  validateResponse,
  type Endpoint,
  type Envelope,
  type FixtureWithDetails,
  type ItemOf,
  type ItemReject,
  type ValidatedResponse,
} from '../schemas';
import { authHeaders, DEFAULT_BASE_URL } from './auth';
import { backoffDelay } from './backoff';
import { batchIds } from './batch';
import {
  ApiAuthError,
  ApiRequestError,
  ApiUnavailableError,
  ApiUrlError,
  CallBudgetError,
  DailyQuotaError,
  describeRequest,
  PlanRestrictionError,
  RateLimitError,
  type RequestContext,
} from './errors';
import { MinutePacer } from './pacer';

/** Query parameters as callers write them; `undefined` values are left out. */
export type ApiParameters = Readonly<Record<string, string | number | boolean | undefined>>;

/** What the ETL stores raw before transforming (CONTRACT.md `raw.api_responses`); never headers. */
export interface ApiResponseRecord {
  endpoint: string;
  parameters: Record<string, string>;
  httpStatus: number;
  body: unknown;
  receivedAt: Date;
}

export interface ApiClientOptions {
  /** The API key (API_FOOTBALL_KEY); missing or blank is a ConfigError. */
  key: string | undefined;
  /** API_FOOTBALL_URL; a `*.rapidapi.com` host switches to the RapidAPI headers. */
  baseUrl?: string;
  /** Per attempt, whole request included. Default 30 s. */
  timeoutMs?: number;
  /** Attempts per call, the first included, for retriable failures. Default 5. */
  maxAttempts?: number;
  /** First backoff delay; doubles per failed attempt, with jitter. Default 1 s. */
  retryBaseDelayMs?: number;
  /** Cap of one backoff delay. Default 60 s. */
  retryMaxDelayMs?: number;
  /** Length of the per-minute window the pacer keeps under. Default 60 s. */
  minuteWindowMs?: number;
  /** Per-minute limit assumed until a response tells (the free plan's 10 is a safe guess). Default: none. */
  minuteLimit?: number;
  /** Call budget (`--max-calls`): calls that count against the daily quota, retries included; `/status` is free. */
  maxCalls?: number;
  /** Stop (DailyQuotaError) once the daily remaining is down to this many requests. Default 0. */
  dailyReserve?: number;
  /** Receives every response with a JSON body, error envelopes included, before it is interpreted. */
  onResponse?: (response: ApiResponseRecord) => void | Promise<void>;
  /** Receives one line per retry and per pacing wait. */
  log?: (line: string) => void;
}

/** The last quota figures the API reported (headers, or the `/status` body), less calls sent since. */
export interface QuotaSnapshot {
  dailyLimit: number | null;
  dailyRemaining: number | null;
  minuteLimit: number | null;
  minuteRemaining: number | null;
}

export interface ApiResult<E extends Endpoint> extends ValidatedResponse<ItemOf<E>> {
  endpoint: E;
  parameters: Record<string, string>;
  httpStatus: number;
  receivedAt: Date;
}

/** An invalid item with the parameters of the request it came in (page, ids batch…). */
export type CollectedReject = ItemReject & { parameters: Record<string, string> };

export interface CollectedItems<T> {
  items: T[];
  rejects: CollectedReject[];
}

/** Endpoints that answer page by page (SPEC.md §5) and that QuantFoot loads. */
export type PagedEndpoint = 'players';

/** The env variables of CONTRACT.md, read by callers that build a client from the environment. */
export function clientOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<ApiClientOptions, 'key' | 'baseUrl'> {
  return { key: env.API_FOOTBALL_KEY, baseUrl: env.API_FOOTBALL_URL || DEFAULT_BASE_URL };
}

type Attempt<E extends Endpoint> =
  | { kind: 'done'; result: ApiResult<E> }
  | { kind: 'retry'; failure: string; rateLimited: boolean };

const FREE_ENDPOINTS = new Set<string>(['status']);
/** Real API-Football keys are 32 characters; shorter ones are test keys, not secrets in bodies. */
const MIN_MASKED_KEY_LENGTH = 8;
const AUTH_ERROR_KEYS = new Set(['token', 'ip', 'domain']);

export class ApiFootballClient {
  private readonly http: Got;
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly pacer: MinutePacer;
  private readonly redactKey: (text: string) => string;
  private readonly containsKey: (text: string) => boolean;
  private readonly keyLength: number;
  private readonly options: Required<Pick<ApiClientOptions, 'maxAttempts' | 'retryBaseDelayMs' | 'retryMaxDelayMs' | 'dailyReserve'>> &
    Pick<ApiClientOptions, 'maxCalls' | 'onResponse' | 'log'>;
  private calls = 0;
  private quotaCalls = 0;
  private daily: { limit: number | null; remaining: number } | null = null;

  constructor(options: ApiClientOptions) {
    const key = options.key?.trim();
    if (!key) throw new ConfigError('API_FOOTBALL_KEY is not set: the API-Football key is needed to call the API.');
    const baseUrl = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    this.redactKey = (text) => text.split(key).join('***');
    this.keyLength = key.length;
    this.containsKey = (text) => text.includes(key);
    this.options = {
      maxAttempts: positiveInteger('maxAttempts', options.maxAttempts ?? 5),
      retryBaseDelayMs: options.retryBaseDelayMs ?? 1_000,
      retryMaxDelayMs: options.retryMaxDelayMs ?? 60_000,
      dailyReserve: options.dailyReserve ?? 0,
      maxCalls: options.maxCalls,
      onResponse: options.onResponse,
      log: options.log,
    };
    this.pacer = new MinutePacer(options.minuteWindowMs ?? 60_000, options.minuteLimit ?? null);
    this.agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
    this.http = got.extend({
      prefixUrl: baseUrl.toString(),
      headers: { accept: 'application/json', ...authHeaders(baseUrl, key) },
      agent: this.agents,
      timeout: { request: options.timeoutMs ?? 30_000 },
      retry: { limit: 0 },
      throwHttpErrors: false,
      responseType: 'text',
    });
  }

  /** HTTP requests sent so far, retries and `/status` included. */
  get callsMade(): number {
    return this.calls;
  }

  get quota(): QuotaSnapshot {
    const minute = this.pacer.snapshot();
    return {
      dailyLimit: this.daily?.limit ?? null,
      dailyRemaining: this.daily?.remaining ?? null,
      minuteLimit: minute.limit,
      minuteRemaining: minute.remaining,
    };
  }

  /**
   * One request, retried when the failure is transient; returns the valid items and the rejected ones.
   * Throws the errors of ./errors.ts, or EnvelopeError when the body is not an API-Football envelope.
   */
  async get<E extends Endpoint>(endpoint: E, params: ApiParameters = {}): Promise<ApiResult<E>> {
    const request = { endpoint, parameters: normaliseParameters(params) };
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(endpoint, request);
      if (outcome.kind === 'done') return outcome.result;
      const failure = this.redactKey(outcome.failure);
      if (attempt >= this.options.maxAttempts) {
        throw outcome.rateLimited
          ? new RateLimitError(request, attempt, failure)
          : new ApiUnavailableError(request, attempt, failure);
      }
      const delay = backoffDelay(attempt, this.options.retryBaseDelayMs, this.options.retryMaxDelayMs);
      this.log(`${describeRequest(request)}: ${failure}; retrying in ${delay} ms (attempt ${attempt + 1} of ${this.options.maxAttempts})`);
      await sleep(delay);
    }
  }

  /** Every page of a paged endpoint (`page=1..paging.total`); `onResponse` sees each page. */
  async getAllPages<E extends PagedEndpoint>(endpoint: E, params: ApiParameters = {}): Promise<CollectedItems<ItemOf<E>>> {
    const collected: CollectedItems<ItemOf<E>> = { items: [], rejects: [] };
    for (let page = 1, total = 1; page <= total; page += 1) {
      const result = await this.get(endpoint, { ...params, page });
      collect(collected, result);
      total = result.envelope.paging.total;
    }
    return collected;
  }

  /** Fixtures with their events, lineups, statistics and players, 20 ids a request. */
  async getFixturesByIds(ids: Iterable<number>): Promise<CollectedItems<FixtureWithDetails>> {
    const collected: CollectedItems<FixtureWithDetails> = { items: [], rejects: [] };
    for (const batch of batchIds(ids)) {
      // The ids variant of the schema requires the embedded arrays, so the items have them.
      collect(collected as CollectedItems<ItemOf<'fixtures'>>, await this.get('fixtures', { ids: batch.join('-') }));
    }
    return collected;
  }

  /** The account's plan and today's usage; free of quota, and it refreshes the daily figures. */
  async status(): Promise<ItemOf<'status'> | null> {
    return (await this.get('status')).items[0] ?? null;
  }

  /** Closes the keep-alive connections so the process can exit. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  [inspect.custom](): string {
    return `ApiFootballClient { callsMade: ${this.calls}, quota: ${JSON.stringify(this.quota)} }`;
  }

  private async attempt<E extends Endpoint>(endpoint: E, request: RequestContext): Promise<Attempt<E>> {
    const slot = await this.reserveCall(request);
    let response: Response<string>;
    try {
      response = await this.http.get(endpoint, { searchParams: request.parameters });
    } catch (err) {
      return { kind: 'retry', failure: transportFailure(err), rateLimited: false };
    } finally {
      this.pacer.complete(slot);
    }
    const receivedAt = new Date();
    this.readQuotaHeaders(response.headers);

    const body = this.redactBody(parseJson(response.body));
    if (body !== undefined) {
      await this.options.onResponse?.({ endpoint, parameters: { ...request.parameters }, httpStatus: response.statusCode, body, receivedAt });
    }
    const status = response.statusCode;
    if (status === 401 || status === 403) throw new ApiAuthError(request, `HTTP ${status}${this.detailOf(body)}`);
    if (status === 429) {
      if (/daily/i.test(this.detailOf(body))) throw new DailyQuotaError(request, `HTTP 429${this.detailOf(body)}`);
      this.pacer.refused();
      return { kind: 'retry', failure: `HTTP 429${this.detailOf(body)}`, rateLimited: true };
    }
    if (status >= 500 || status === 499) return { kind: 'retry', failure: `HTTP ${status}${this.detailOf(body)}`, rateLimited: false };
    if (status >= 400) {
      const envelope = body === undefined ? null : envelopeOrNull(endpoint, body);
      if (envelope && !hasNoErrors(envelope)) return this.interpretErrors(request, envelope);
      throw new ApiUrlError(request, status, this.detailOf(body));
    }
    if (body === undefined) {
      return { kind: 'retry', failure: `HTTP ${status} with a body that is not JSON (truncated?): ${snippet(this.redactKey(response.body))}`, rateLimited: false };
    }

    const validated = validateResponse(endpoint, body);
    if (!hasNoErrors(validated.envelope)) return this.interpretErrors(request, validated.envelope);
    if (endpoint === 'status') this.readStatusBody(validated.items[0] as ItemOf<'status'> | undefined);
    return { kind: 'done', result: { ...validated, endpoint, parameters: { ...request.parameters }, httpStatus: status, receivedAt } };
  }

  /**
   * Checks the budget and the daily reserve, waits for the pacer, then counts the call. The checks and
   * the count happen in the same tick, so concurrent calls cannot both take the last call.
   */
  private async reserveCall(request: RequestContext): Promise<ReturnType<MinutePacer['reserve']>> {
    const counts = !FREE_ENDPOINTS.has(request.endpoint);
    for (;;) {
      if (counts) this.assertQuotaLeft(request);
      const wait = this.pacer.delay();
      if (wait <= 0) break;
      this.log(`${describeRequest(request)}: waiting ${wait} ms to stay under the per-minute limit`);
      await sleep(wait);
    }
    this.calls += 1;
    if (counts) {
      this.quotaCalls += 1;
      if (this.daily) this.daily.remaining -= 1;
    }
    return this.pacer.reserve();
  }

  private assertQuotaLeft(request: RequestContext): void {
    const { maxCalls, dailyReserve } = this.options;
    if (maxCalls !== undefined && this.quotaCalls >= maxCalls) throw new CallBudgetError(request, maxCalls);
    if (this.daily && this.daily.remaining <= dailyReserve) {
      const of = this.daily.limit === null ? '' : ` of ${this.daily.limit}`;
      throw new DailyQuotaError(request, `${this.daily.remaining}${of} requests left today, at the reserve of ${dailyReserve}`);
    }
  }

  /** Classifies a non-empty `errors` by what the caller should do; only rate limits and server bugs are retried. */
  private interpretErrors<E extends Endpoint>(request: RequestContext, envelope: Envelope): Attempt<E> {
    const errors = Object.fromEntries(
      Object.entries(envelope.errors).map(([key, value]) => [key, this.redactKey(typeof value === 'string' ? value : JSON.stringify(value))]),
    );
    const keys = Object.keys(errors);
    const authKey = keys.find((key) => AUTH_ERROR_KEYS.has(key.toLowerCase()));
    if (authKey) throw new ApiAuthError(request, `${authKey}: ${errors[authKey]}`);
    if ('requests' in errors) {
      this.daily = { limit: this.daily?.limit ?? null, remaining: 0 };
      throw new DailyQuotaError(request, `the API says "${errors.requests}"`);
    }
    if ('rateLimit' in errors) {
      this.pacer.refused();
      return { kind: 'retry', failure: `rateLimit: ${errors.rateLimit}`, rateLimited: true };
    }
    if ('plan' in errors) throw new PlanRestrictionError(request, errors.plan!);
    // The documented 204 "bug" envelope: a fault on the API's side, worth another try.
    if ('bug' in errors) return { kind: 'retry', failure: `bug: ${errors.bug}`, rateLimited: false };
    throw new ApiRequestError(request, errors);
  }

  private readQuotaHeaders(headers: http.IncomingHttpHeaders): void {
    const dailyLimit = headerNumber(headers, 'x-ratelimit-requests-limit');
    const dailyRemaining = headerNumber(headers, 'x-ratelimit-requests-remaining');
    if (dailyRemaining !== null) this.daily = { limit: dailyLimit ?? this.daily?.limit ?? null, remaining: dailyRemaining };
    this.pacer.observe(headerNumber(headers, 'x-ratelimit-limit'), headerNumber(headers, 'x-ratelimit-remaining'));
  }

  private readStatusBody(status: ItemOf<'status'> | undefined): void {
    if (!status) return;
    const { current, limit_day: limit } = status.requests;
    this.daily = { limit, remaining: limit - current };
  }

  /**
   * A body that quotes the key (an echoing proxy, a debug page) is stored and returned with it masked.
   * Only string values equal to or containing the whole key are masked, never property names, and
   * only for keys long enough to be secrets: masking a short test key such as "k" inside every
   * string would corrupt the data ("tackles" → "tac***les").
   */
  private redactBody(body: unknown): unknown {
    if (body === undefined || this.keyLength < MIN_MASKED_KEY_LENGTH || !this.containsKey(JSON.stringify(body))) return body;
    const redact = (value: unknown): unknown => {
      if (typeof value === 'string') return this.redactKey(value);
      if (Array.isArray(value)) return value.map(redact);
      if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, redact(inner)]));
      return value;
    };
    return redact(body);
  }

  /** `: <message>` from an error body (`{"message": …}` or an envelope's errors), for messages. */
  private detailOf(body: unknown): string {
    if (typeof body !== 'object' || body === null) return '';
    const { message, errors } = body as { message?: unknown; errors?: unknown };
    const detail = typeof message === 'string' ? message : errors && typeof errors === 'object' ? Object.values(errors).join('; ') : '';
    return detail ? `: ${snippet(this.redactKey(detail))}` : '';
  }

  private log(line: string): void {
    this.options.log?.(this.redactKey(line));
  }
}

function collect<E extends Endpoint>(into: CollectedItems<ItemOf<E>>, result: ApiResult<E>): void {
  into.items.push(...result.items);
  into.rejects.push(...result.rejects.map((reject) => ({ ...reject, parameters: result.parameters })));
}

/** Strings, keys sorted: the API echoes them so, and stored parameters then compare and hash alike. */
function normaliseParameters(params: ApiParameters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [key, String(value)]),
  );
}

function envelopeOrNull(endpoint: Endpoint, body: unknown): Envelope | null {
  try {
    return validateResponse(endpoint, body).envelope;
  } catch (err) {
    if (err instanceof EnvelopeError) return null;
    throw err;
  }
}

function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`API_FOOTBALL_URL is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`API_FOOTBALL_URL must start with https:// or http://, not ${url.protocol}//`);
  }
  return url;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive integer, not ${value}`);
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** got's error code and message only: its error object also holds the request headers, key included. */
function transportFailure(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

function headerNumber(headers: http.IncomingHttpHeaders, name: string): number | null {
  const raw = headers[name];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) ? value : null;
}

function snippet(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
