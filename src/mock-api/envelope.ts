/**
 * The six-key body of every API-Football answer (SPEC §2): `errors` and `parameters` are `[]` when
 * empty and objects otherwise, `paging` is always there. Serialised PHP-style by default (`\/` and
 * `\u00fc` escapes, compact), as the real API sends it.
 */

export type Parameters = Record<string, string>;

export interface Envelope {
  get: string;
  parameters: Parameters | [];
  errors: Record<string, string> | [];
  results: number;
  paging: { current: number; total: number };
  response: unknown;
}

/** Echo of the query: values as strings, keys in alphabetical order, `[]` when there are none. */
export function echo(parameters: Parameters): Parameters | [] {
  const keys = Object.keys(parameters).sort();
  return keys.length === 0 ? [] : Object.fromEntries(keys.map((k) => [k, parameters[k]]));
}

export function success(get: string, parameters: Parameters, response: unknown, paging = { current: 1, total: 1 }, results?: number): Envelope {
  return { get, parameters: echo(parameters), errors: [], results: results ?? (Array.isArray(response) ? response.length : 1), paging, response };
}

export function failure(get: string, parameters: Parameters, errors: Record<string, string>): Envelope {
  return { get, parameters: echo(parameters), errors, results: 0, paging: { current: 1, total: 1 }, response: [] };
}

export function serialize(body: unknown, phpStyle: boolean): string {
  const json = JSON.stringify(body);
  if (!phpStyle) return json;
  return json.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
