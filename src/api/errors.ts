/**
 * What an API-Football call can end in, typed by what the caller should do (SPEC.md §3):
 * fix the configuration (exit 2), stop and resume later (exit 75), or give up on this run (exit 1).
 * Every message names the request (`GET /fixtures?league=39&season=2023`) and never the key.
 */
import { ConfigError, QuantfootError, QuotaStopError } from '../errors';

/** The endpoint and the query parameters of a request, for messages and for the caller. */
export interface RequestContext {
  readonly endpoint: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/** `GET /fixtures?league=39&season=2023`: parameters in the order they were sent (sorted). */
export function describeRequest({ endpoint, parameters }: RequestContext): string {
  const query = new URLSearchParams(parameters).toString();
  return `GET /${endpoint}${query ? `?${query}` : ''}`;
}

/** The key was refused or is missing (`errors.token`, `errors.Ip`, HTTP 401/403): fix the configuration. */
export class ApiAuthError extends ConfigError {
  constructor(
    readonly request: RequestContext,
    detail: string,
  ) {
    super(`API-Football refused the credentials for ${describeRequest(request)}: ${detail}. Check API_FOOTBALL_KEY (and API_FOOTBALL_URL).`);
  }
}

/** The daily quota is spent (`errors.requests`) or down to the configured reserve: re-run after the reset. */
export class DailyQuotaError extends QuotaStopError {
  constructor(
    readonly request: RequestContext,
    detail: string,
  ) {
    super(`API-Football daily quota: ${detail}; stopped before ${describeRequest(request)}. Re-run after the daily reset, it resumes.`);
  }
}

/** The next call would exceed the call budget (`--max-calls`): re-run to continue. */
export class CallBudgetError extends QuotaStopError {
  constructor(
    readonly request: RequestContext,
    readonly maxCalls: number,
  ) {
    super(`call budget of ${maxCalls} API calls spent; stopped before ${describeRequest(request)}. Re-run to continue, it resumes.`);
  }
}

/** The per-minute limit kept refusing after every bounded wait (another client may share the key). */
export class RateLimitError extends QuotaStopError {
  constructor(
    readonly request: RequestContext,
    attempts: number,
    detail: string,
  ) {
    super(`API-Football per-minute rate limit still refused ${describeRequest(request)} after ${attempts} attempts: ${detail}. Re-run later, it resumes.`);
  }
}

/** The subscription plan does not cover this request (`errors.plan`): a season, date or parameter outside the plan. */
export class PlanRestrictionError extends QuantfootError {
  constructor(
    readonly request: RequestContext,
    readonly planMessage: string,
  ) {
    super(`API-Football plan restriction on ${describeRequest(request)}: ${planMessage} Upgrade the plan or ask for data the plan covers.`);
  }
}

/** The API rejected the request's parameters (`errors.season`, `errors.required`…). */
export class ApiRequestError extends QuantfootError {
  constructor(
    readonly request: RequestContext,
    readonly apiErrors: Readonly<Record<string, string>>,
  ) {
    const reasons = Object.entries(apiErrors).map(([key, message]) => `${key}: ${message}`).join('; ');
    super(`API-Football refused the parameters of ${describeRequest(request)} (${reasons}). Check the league and season asked for; if they are right, QuantFoot built a wrong request: please report it with this message.`);
  }
}

/**
 * This one response cannot be used (not an API-Football envelope, over the size limit, errors of an
 * unknown form). Not retried: the server would answer the same. The run records it and goes on
 * with what does not depend on it.
 */
export class UnusableResponseError extends QuantfootError {
  constructor(
    readonly request: RequestContext,
    readonly reason: string,
  ) {
    super(`API-Football's answer to ${describeRequest(request)} cannot be used: ${reason}`);
  }
}

/** Retriable failures (5xx, 499, 429, timeouts, resets, broken JSON) outlasted every attempt. */
export class ApiUnavailableError extends QuantfootError {
  constructor(
    readonly request: RequestContext,
    readonly attempts: number,
    readonly lastFailure: string,
  ) {
    super(`API-Football did not answer ${describeRequest(request)} after ${attempts} attempts; last failure: ${lastFailure}`);
  }
}

/** A 4xx that is not an API-Football envelope: API_FOOTBALL_URL most likely points somewhere else. */
export class ApiUrlError extends ConfigError {
  constructor(
    readonly request: RequestContext,
    readonly httpStatus: number,
    detail: string,
  ) {
    super(`API-Football answered HTTP ${httpStatus} to ${describeRequest(request)}${detail}; check API_FOOTBALL_URL.`);
  }
}
