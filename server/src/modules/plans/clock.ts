/** The region's time zone: "today" for deadlines is the date in Tomsk. */
export const REGION_TIME_ZONE = 'Asia/Tomsk';

/** Where the current time comes from; tests fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

/** The clock every request of this process reads "today" from. */
export function plansClock(): Clock {
  return current;
}

/**
 * Replaces the clock (tests fix the date; null restores the system clock).
 * Process-wide on purpose: the server under test runs in the test's process.
 */
export function setPlansClock(clock: Clock | null): void {
  current = clock ?? systemClock;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (ISO) at an instant in a time zone. */
export function dateIn(timeZone: string, at: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Today's date in the region, by the given clock. */
export function regionToday(clock: Clock = current): string {
  return dateIn(REGION_TIME_ZONE, clock.now());
}
