/**
 * Conversions between real instants and Europe/Brussels wall-clock time.
 *
 * The `opening_hours` library evaluates expressions in the process's local time zone, while opening hours
 * of Belgian spaces are Brussels wall-clock times and servers run in UTC. We therefore hand the library
 * "library-clock" dates: Dates whose *local* fields (getFullYear, getHours, …) spell the Brussels wall
 * clock, and convert its answers back to real instants.
 *
 * Run the process in UTC (as production and CI do). In a zone with summer time, results are off around that
 * zone's own switches: a wall-clock time it skips (e.g. 02:30 on the day America/New_York springs forward)
 * cannot be represented as a library-clock date, and the library's own arithmetic misplaces overnight ranges
 * on those days. Brussels' own switches are handled here, not by the library, so in UTC they are exact.
 */

export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

/** A Brussels wall-clock reading; `month` is 1-12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Which instant to pick for a wall-clock time that happens twice (the repeated hour when summer time
 * ends): the first occurrence (summer time) or the second one.
 */
export type Disambiguation = 'earlier' | 'later';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: BRUSSELS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Brussels wall clock at a real instant. */
export function brusselsWallClock(instant: Date): WallClock {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter.formatToParts(instant)) fields[part.type] = Number(part.value);
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour!,
    minute: fields.minute!,
    second: fields.second!,
  };
}

const wallClockAsUtc = (wall: WallClock): number =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

/** Brussels' UTC offset in milliseconds at a real instant (milliseconds do not affect it). */
const offsetAt = (epochMs: number): number => {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtc(brusselsWallClock(new Date(wholeSecond))) - wholeSecond;
};

/**
 * The real instant at which the Brussels wall clock reads `wall`.
 *
 * - In the repeated hour (summer time ends, 03:00 → 02:00), `disambiguation` picks the occurrence.
 * - In the skipped hour (summer time starts, 02:00 → 03:00), the wall-clock time never happens; we return
 *   the instant of the switch, i.e. the first instant at or after it. Unlike shifting by the gap length,
 *   this keeps the conversion monotonic, so an interval never ends before it starts.
 */
export function brusselsInstant(wall: WallClock, disambiguation: Disambiguation = 'earlier'): Date {
  const asUtc = wallClockAsUtc(wall);
  // Offsets a day either side: around a switch they differ, otherwise they are the same candidate.
  const offsetBefore = offsetAt(asUtc - DAY_MS);
  const offsetAfter = offsetAt(asUtc + DAY_MS);
  const matches = [...new Set([asUtc - offsetBefore, asUtc - offsetAfter])]
    .filter((candidate) => offsetAt(candidate) === asUtc - candidate)
    .sort((a, b) => a - b);
  if (matches.length > 0) {
    return new Date(disambiguation === 'earlier' ? matches[0] : matches[matches.length - 1]);
  }
  // Skipped hour: the switch lies between the two candidates; find its minute by bisection.
  // Switches happen on whole minutes, so bisecting over whole minutes lands exactly on one.
  let before = Math.floor((asUtc - Math.max(offsetBefore, offsetAfter)) / MINUTE_MS) * MINUTE_MS;
  let after = Math.ceil((asUtc - Math.min(offsetBefore, offsetAfter)) / MINUTE_MS) * MINUTE_MS;
  while (after - before > MINUTE_MS) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(middle) === offsetBefore) before = middle;
    else after = middle;
  }
  return new Date(after);
}

/** The library-clock date for a real instant: its local fields read the Brussels wall clock. */
export function toBrusselsLocalClock(instant: Date): Date {
  const wall = brusselsWallClock(instant);
  return new Date(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    instant.getUTCMilliseconds(),
  );
}

/** The real instant for a library-clock date (see {@link brusselsInstant} for switch days). */
export function fromBrusselsLocalClock(local: Date, disambiguation: Disambiguation = 'earlier'): Date {
  const instant = brusselsInstant(
    {
      year: local.getFullYear(),
      month: local.getMonth() + 1,
      day: local.getDate(),
      hour: local.getHours(),
      minute: local.getMinutes(),
      second: local.getSeconds(),
    },
    disambiguation,
  );
  return new Date(instant.getTime() + local.getMilliseconds());
}
