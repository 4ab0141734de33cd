/**
 * Which headers carry the key (SPEC.md §1): the API-Sports host takes `x-apisports-key`; the RapidAPI
 * marketplace wants its own key header plus `x-rapidapi-host` naming the API's host there.
 */
export const DEFAULT_BASE_URL = 'https://v3.football.api-sports.io';

export function isRapidApi(baseUrl: URL): boolean {
  return baseUrl.hostname === 'rapidapi.com' || baseUrl.hostname.endsWith('.rapidapi.com');
}

export function authHeaders(baseUrl: URL, key: string): Record<string, string> {
  return isRapidApi(baseUrl) ? { 'x-rapidapi-key': key, 'x-rapidapi-host': baseUrl.host } : { 'x-apisports-key': key };
}
