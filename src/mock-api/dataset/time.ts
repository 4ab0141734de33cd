/**
 * Dates as the API renders them: ISO-8601 with a numeric offset (`2023-08-11T19:00:00+00:00`), Unix
 * seconds in `timestamp`, and `YYYY-MM-DD` for date-only fields. Time zones come from Intl, so the
 * `timezone` parameter and the clubs' local kick-off times follow real daylight-saving rules.
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

export function isTimeZone(zone: string): boolean {
  try {
    offsetFormat(zone);
    return true;
  } catch {
    return false;
  }
}

function offsetFormat(zone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  return format;
}

/** Minutes east of UTC in `zone` at the instant `unixSeconds`. */
export function zoneOffsetMinutes(zone: string, unixSeconds: number): number {
  if (zone === 'UTC') return 0;
  const name = offsetFormat(zone).formatToParts(new Date(unixSeconds * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2023-08-11T19:00:00+00:00`, rendered in `zone`. */
export function isoDateTime(unixSeconds: number, zone = 'UTC'): string {
  const offset = zoneOffsetMinutes(zone, unixSeconds);
  const local = new Date((unixSeconds + offset * 60) * 1000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The calendar day (`YYYY-MM-DD`) of an instant, in `zone`. */
export function dayOf(unixSeconds: number, zone = 'UTC'): string {
  return isoDateTime(unixSeconds, zone).slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Unix seconds of local wall-clock `time` (`HH:MM`) on `day` in `zone`. */
export function unixOfLocal(day: string, time: string, zone: string): number {
  const naive = Date.parse(`${day}T${time}:00Z`) / 1000;
  const first = naive - zoneOffsetMinutes(zone, naive) * 60;
  return naive - zoneOffsetMinutes(zone, first) * 60;
}

/** Unix seconds of an ISO date or date-time (a bare date means its midnight, UTC). */
export function parseInstant(text: string): number {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) throw new Error(`not an ISO date: ${text}`);
  return Math.floor(ms / 1000);
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
