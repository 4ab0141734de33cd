/**
 * The API sends many numbers as strings ("55%", "1.23", "7.3", "187 cm", "47"); these turn them
 * into numbers, keeping null as null and refusing to guess: text that is not a number becomes null.
 */
export function toInt(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  const m = /^\s*(-?\d+)\s*$/.exec(value);
  return m ? Number(m[1]) : null;
}

export function toDecimal(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  return m ? Number(m[1]) : null;
}

/** "55%" → 55 */
export const toPercent = toDecimal;

/** "187 cm" → 187; "79 kg" → 79; a bare number is taken as already in the unit. */
export function toMeasure(value: string | null | undefined, unit: 'cm' | 'kg'): number | null {
  if (!value) return null;
  const m = new RegExp(`^\\s*(\\d+(?:\\.\\d+)?)\\s*(?:${unit})?\\s*$`, 'i').exec(value);
  return m ? Math.round(Number(m[1])) : null;
}

/** Unix seconds → ISO timestamp (UTC). */
export function fromUnix(seconds: number | null | undefined): string | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000).toISOString();
}

/** A YYYY-MM-DD date, or null when the API sends something else. */
export function toDate(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}
