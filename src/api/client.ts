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
import got, { type CancelableRequest, type Got, type Response } from 'got';
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
  UnusableResponseError,
  type RequestContext,
} from './errors';
import { decodeBody, inspectParsed, intakeNote, parseJson } from './intake';
import { MinutePacer } from './pacer';
import { printable } from '../text';

/** Query parameters as callers write them; `undefined` values are left out. */
export type ApiParameters = Readonly<Record<string, string | number | boolean | undefined>>;

/** What the ETL stores raw before transforming (CONTRACT.md `raw.api_responses`); never headers. */
export interface ApiResponseRecord {
  endpoint: string;
  parameters: Record<string, string>;
  httpStatus: number;
  /** the parsed body, made safe by the intake (see intake.ts) */
  body: unknown;
  /** the bytes as received, when `body` is not a faithful copy of them; `bodyNote` says why */
  exactBody?: Buffer;
  bodyNote?: string;
  receivedAt: Date;
}

export interface ApiClientOptions {
  /** The API key (API_FOOTBALL_KEY); missing or blank is a ConfigError. */
  key: string | undefined;
  /** API_FOOTBALL_URL; a `*.rapidapi.com` host switches to the RapidAPI headers. */
  baseUrl?: string;
  /** Per attempt, whole request included. Default 30 s. */
  timeoutMs?: number;
  /** Bodies larger than this are refused, not read to the end (a real answer is under 2 MB). Default 32 MiB. */
  maxResponseBytes?: number;
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
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** More pages than any league-season has (/players: 20 a page, a big league about 40). */
export const MAX_PAGES = 250;
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
  private readonly options: Required<Pick<ApiClientOptions, 'maxAttempts' | 'retryBaseDelayMs' | 'retryMaxDelayMs' | 'dailyReserve' | 'maxResponseBytes'>> &
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
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
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
      responseType: 'buffer',
      // Uncompressed: the size limit then bounds what is held in memory (no decompression bomb).
      decompress: false,
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
   * Throws the errors of ./errors.ts (UnusableResponseError when this one answer cannot be used).
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

  /**
   * The pages of a paged endpoint from `firstPage`, each with whether it is the last one. The
   * number of pages is what the first page fetched claims, capped at MAX_PAGES: a server whose every
   * page claims one more is not followed, and paging stops early at an empty page or at a page that
   * repeats an earlier one. Each decision is logged.
   */
  async *pages<E extends PagedEndpoint>(endpoint: E, params: ApiParameters = {}, firstPage = 1): AsyncGenerator<{ result: ApiResult<E>; lastPage: boolean }> {
    const seen = new Map<string, number>();
    let total = firstPage;
    for (let page = firstPage; page <= total; page += 1) {
      const result = await this.get(endpoint, { ...params, page });
      const claimed = result.envelope.paging.total;
      const where = `${describeRequest({ endpoint, parameters: result.parameters })}`;
      if (page === firstPage) {
        total = Math.max(firstPage, Math.min(claimed, MAX_PAGES));
        if (claimed > MAX_PAGES) this.log(`${where}: paging.total is ${claimed}; following at most ${MAX_PAGES} pages`);
      } else if (claimed !== total && !(claimed > MAX_PAGES && total === MAX_PAGES)) {
        this.log(`${where}: paging.total changed from ${total} to ${claimed}; keeping ${total}`);
      }
      const content = JSON.stringify([result.items, result.rejects.map((r) => r.item)]);
      const empty = result.items.length + result.rejects.length === 0;
      const repeats = seen.get(content);
      seen.set(content, page);
      if (empty && page < total) this.log(`${where}: page ${page} of ${total} is empty; stopping there`);
      if (repeats !== undefined && !empty) this.log(`${where}: page ${page} repeats page ${repeats}; stopping there`);
      const lastPage = page >= total || empty || repeats !== undefined;
      yield { result, lastPage };
      if (lastPage) return;
    }
  }

  /** Every page of a paged endpoint (see `pages`); `onResponse` sees each page. */
  async getAllPages<E extends PagedEndpoint>(endpoint: E, params: ApiParameters = {}): Promise<CollectedItems<ItemOf<E>>> {
    const collected: CollectedItems<ItemOf<E>> = { items: [], rejects: [] };
    for await (const { result } of this.pages(endpoint, params)) collect(collected, result);
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
    let response: Response<Buffer>;
    const limit = this.options.maxResponseBytes;
    let tooLarge: string | null = null;
    const pending = this.http.get(endpoint, { searchParams: request.parameters, responseType: 'buffer' }) as CancelableRequest<Response<Buffer>>;
    // The first progress event carries the announced length (content-length); later ones what arrived.
    pending.on('downloadProgress', ({ transferred, total }: { transferred: number; total?: number }) => {
      if (tooLarge !== null) return;
      if (total !== undefined && total > limit) tooLarge = `it announced ${total} bytes`;
      else if (transferred > limit) tooLarge = `it went past ${limit} bytes`;
      else return;
      pending.cancel();
    });
    try {
      response = await pending;
    } catch (err) {
      if (tooLarge !== null) throw new UnusableResponseError(request, `the body is larger than the limit of ${limit} bytes (${tooLarge}); it was not read further`);
      return { kind: 'retry', failure: transportFailure(err), rateLimited: false };
    } finally {
      this.pacer.complete(slot);
    }
    const receivedAt = new Date();
    this.readQuotaHeaders(response.headers);

    const { text, lossy } = decodeBody(response.body);
    const parsed = parseJson(text);
    const intake = parsed === undefined ? null : inspectParsed(parsed, lossy);
    const body = intake === null ? undefined : this.redactBody(intake.value);
    if (intake !== null) {
      const note = intakeNote(intake);
      await this.options.onResponse?.({
        endpoint,
        parameters: { ...request.parameters },
        httpStatus: response.statusCode,
        body,
        receivedAt,
        ...(note === null ? {} : { exactBody: this.redactBytes(response.body, text), bodyNote: note }),
      });
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
      return { kind: 'retry', failure: `HTTP ${status} with a body that is not JSON (truncated?): ${snippet(this.redactKey(text))}`, rateLimited: false };
    }

    let validated: ValidatedResponse<ItemOf<E>>;
    try {
      validated = validateResponse(endpoint, body, { parameters: request.parameters, problems: intake?.problems });
    } catch (err) {
      if (err instanceof EnvelopeError) throw new UnusableResponseError(request, err.message);
      throw err;
    }
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

  /**
   * Classifies a non-empty `errors` by what the caller should do; only rate limits and server bugs are
   * retried. The keys SPEC.md §3.2 documents are acted on; errors of any other shape (an array, an
   * unknown key) make this one response unusable, without blaming the request.
   */
  private interpretErrors<E extends Endpoint>(request: RequestContext, envelope: Envelope): Attempt<E> {
    if (Array.isArray(envelope.errors)) {
      throw new UnusableResponseError(request, `API-Football answered with errors in a form QuantFoot does not know: ${snippet(this.redactKey(JSON.stringify(envelope.errors)))}`);
    }
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
    // Parameter errors name the parameter (`season`, `leaguee`) or say one is `required`.
    const sent = new Set(Object.keys(request.parameters).map((k) => k.toLowerCase()));
    if (keys.every((key) => key === 'required' || sent.has(key.toLowerCase()) || /field/i.test(errors[key] ?? ''))) throw new ApiRequestError(request, errors);
    throw new UnusableResponseError(request, `API-Football answered with errors QuantFoot does not know: ${snippet(keys.map((k) => `${k}: ${errors[k]}`).join('; '))}`);
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
   * A body that quotes the key (an echoing proxy, a debug page, an error keyed by it) is stored and
   * returned with it masked, in string values and property names alike; only for keys long enough
   * to be secrets: masking a short test key such as "k" everywhere would corrupt the data
   * ("tackles" → "tac***les"). The intake has bounded the depth, so the recursion is safe.
   */
  private redactBody(body: unknown): unknown {
    if (body === undefined || this.keyLength < MIN_MASKED_KEY_LENGTH || !this.containsKey(JSON.stringify(body))) return body;
    const redact = (value: unknown): unknown => {
      if (typeof value === 'string') return this.redactKey(value);
      if (Array.isArray(value)) return value.map(redact);
      if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, inner]) => [this.redactKey(name), redact(inner)]));
      return value;
    };
    return redact(body);
  }

  /** The exact bytes, with the key masked when the body quoted it (as redactBody does for the parsed value). */
  private redactBytes(bytes: Buffer, text: string): Buffer {
    return this.keyLength >= MIN_MASKED_KEY_LENGTH && this.containsKey(text) ? Buffer.from(this.redactKey(text), 'utf8') : bytes;
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

/** A short, printable excerpt of text the server sent (an HTML page, an error message). */
function snippet(text: string, max = 200): string {
  return printable(text.length > max ? `${text.slice(0, max)}…` : text);
}
