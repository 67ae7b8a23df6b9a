// The org's time zone (Salesforce's TimeZoneSidKey is an IANA zone name, or GMT): which calendar
// day an instant falls on, where a local day starts, and how a date-time reads to a user there.
// Salesforce stores and returns date-times in UTC; only TODAY, the date literals and what people
// see (display values) follow the zone.
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone name unchanged when the platform knows it; a readable error otherwise. */
export function checkTimeZone(zone: string): string {
  try {
    partsFormatter(zone);
  } catch {
    throw new Error(`time zone: "${zone}" is not an IANA time zone name (for example GMT, Europe/Rome, America/Los_Angeles)`);
  }
  return zone;
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `utcMs` (Rome in July: +2 h). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  if (zone === 'GMT' || zone === 'UTC') return 0;
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The local calendar day (epoch days) that contains the instant. */
export function localDay(zone: string, utcMs: number): number {
  return Math.floor((utcMs + zoneOffsetMs(zone, utcMs)) / DAY_MS);
}

/** The UTC instant at which local day `day` begins (its 00:00 on the zone's wall clock). */
export function startOfLocalDay(zone: string, day: number): number {
  const wallMidnight = day * DAY_MS;
  // Two passes settle the offset across a daylight-saving change near midnight.
  let guess = wallMidnight - zoneOffsetMs(zone, wallMidnight);
  guess = wallMidnight - zoneOffsetMs(zone, guess);
  return guess;
}
