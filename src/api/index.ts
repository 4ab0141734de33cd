/** The one HTTP client of API-Football: auth, quotas, pacing, retries, paging, ids batching. */
export { DEFAULT_BASE_URL } from './auth';
export { batchIds, MAX_IDS_PER_REQUEST } from './batch';
export {
  ApiFootballClient,
  clientOptionsFromEnv,
  type ApiClientOptions,
  type ApiParameters,
  type ApiResponseRecord,
  type ApiResult,
  type CollectedItems,
  type CollectedReject,
  type PagedEndpoint,
  type QuotaSnapshot,
} from './client';
export {
  ApiAuthError,
  ApiRequestError,
  ApiUnavailableError,
  ApiUrlError,
  CallBudgetError,
  DailyQuotaError,
  PlanRestrictionError,
  RateLimitError,
  UnusableResponseError,
  describeRequest,
  type RequestContext,
} from './errors';
