/**
 * The six-key object every API-Football response has, success or failure (SPEC.md §2):
 * `parameters` is `[]` when none were sent, `errors` is `[]` on success and a key→message object
 * on failure (some clients also see `{}`), `paging` is present even on endpoints without pages.
 */
const emptyArray = { type: 'array', maxItems: 0 };

export interface Envelope {
  get: string;
  parameters: Record<string, string> | [];
  errors: unknown[] | Record<string, unknown>;
  results: number;
  paging: { current: number; total: number };
  response: unknown;
}

/** `response` is an array everywhere but `/status`, where it is an object (or `[]` on failure). */
export function envelopeSchema(response: 'array' | 'object'): Record<string, unknown> {
  return {
    type: 'object',
    required: ['get', 'parameters', 'errors', 'results', 'paging', 'response'],
    properties: {
      get: { type: 'string' },
      parameters: { anyOf: [{ type: 'object', additionalProperties: { type: 'string' } }, emptyArray] },
      errors: { type: ['array', 'object'] },
      results: { type: 'integer', minimum: 0 },
      paging: {
        type: 'object',
        required: ['current', 'total'],
        properties: { current: { type: 'integer', minimum: 0 }, total: { type: 'integer', minimum: 0 } },
      },
      response: response === 'array' ? { type: 'array' } : { anyOf: [{ type: 'object' }, emptyArray] },
    },
  };
}

/** True when the envelope reports no error: `errors` is `[]` or `{}`. */
export function hasNoErrors(envelope: Pick<Envelope, 'errors'>): boolean {
  const { errors } = envelope;
  return Array.isArray(errors) ? errors.length === 0 : Object.keys(errors).length === 0;
}
