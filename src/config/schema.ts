/**
 * The JSON Schema of quantfoot.yml (CONTRACT.md): what to keep loaded, how fresh, within which
 * quota, on which schedule. Checked with ajv; errors are reported with the file's line (load.ts).
 */
import { OPTIONAL_STREAMS } from '../etl/streams';

const hours = { type: 'number', minimum: 0, maximum: 24 * 3660 } as const;

const freshness = {
  type: 'object',
  additionalProperties: false,
  properties: {
    warn_after_hours: { ...hours, description: 'check warns when the data of a league-season is older than this' },
    error_after_hours: { ...hours, description: 'check fails (exit 1) when it is older than this' },
  },
} as const;

/** `2015..2024`: a range of season years, both included. */
export const SEASON_RANGE = /^\s*(\d{4})\s*\.\.\s*(\d{4})\s*$/;

const seasonYear = { type: 'integer', minimum: 1900, maximum: 2100 } as const;

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['competitions'],
  properties: {
    competitions: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['league', 'seasons'],
        properties: {
          league: { type: 'integer', minimum: 1, maximum: 2147483647, description: 'API-Football league id' },
          name: { type: 'string', maxLength: 200, description: 'a label for people; the API name is what is stored' },
          seasons: {
            description: 'a list of season years, a range "2015..2024", or "current"',
            anyOf: [
              { type: 'array', minItems: 1, maxItems: 200, uniqueItems: true, items: seasonYear },
              { type: 'string', pattern: SEASON_RANGE.source },
              { type: 'string', const: 'current' },
              seasonYear,
            ],
          },
          with: { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...OPTIONAL_STREAMS, 'all'] } },
          freshness,
        },
      },
    },
    freshness,
    daily_reserve: { type: 'integer', minimum: 0, maximum: 10_000_000, description: 'daily requests left unused by sync' },
    refresh_hours: { ...hours, description: 'refetch leagues, teams, players, standings older than this' },
    schedule: { type: 'string', minLength: 1, maxLength: 200, description: 'cron expression of etl daemon (croner syntax)' },
    timezone: { type: 'string', minLength: 1, maxLength: 100, description: 'time zone of the schedule (IANA name); UTC by default' },
  },
} as const;
