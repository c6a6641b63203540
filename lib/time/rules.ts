/**
 * The System day (docs/rules.md "The System day"): a player's days are their own, given by an IANA time zone and a day-start minute.
 * Pure: instants come in as arguments, nothing reads the clock.
 */

/** A calendar day as "YYYY-MM-DD". Compare with `<`/`>`: the format sorts chronologically. */
export type DayKey = string;

/** "My day ends at 05:59" is the latest the System allows; later starts would split a night's sleep badly. */
export const DAY_START_MINUTE_MAX = 359;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Every real UTC offset lies within ±14h, so a local date's first instant is within this of its UTC midnight.
const SEARCH_RADIUS_MS = 26 * 60 * MINUTE_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

type LocalTime = { date: DayKey; minuteOfDay: number };

/**
 * Answers already worked out, by zone and instant, by zone and day, and a day key's midnight and an instant's day key:
 * a request asks for the same few again and again (its "now", the day's and the week's first instants, the same for
 * every Hunter in a zone; the days of its week), and Intl's formatter was the largest single item of a check-in's own
 * code in the profile, the day arithmetic next (#16). All are pure functions of their keys, so a remembered answer
 * is the answer.
 */
const localTimes = new Map<string, LocalTime>();
const firstInstants = new Map<string, number>();
const midnights = new Map<string, number>();
const dayKeys = new Map<number, DayKey>();
const REMEMBERED_MAX = 4_096;

/** `cache`'s answer for `key`, worked out by `work` the first time (a full cache starts over). */
function remembered<K, V>(cache: Map<K, V>, key: K, work: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= REMEMBERED_MAX) cache.clear();
    cache.set(key, (value = work()));
  }
  return value;
}

function localTime(ms: number, timeZone: string): LocalTime {
  return remembered(localTimes, `${timeZone} ${ms}`, () => {
    const parts: Record<string, string> = {};
    for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = part.value;
    const year = (parts.year ?? "").padStart(4, "0");
    return {
      date: `${year}-${parts.month}-${parts.day}`,
      minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    };
  });
}

function assertDayStartMinute(dayStartMinute: number): void {
  if (!Number.isInteger(dayStartMinute) || dayStartMinute < 0 || dayStartMinute > DAY_START_MINUTE_MAX) {
    throw new RangeError(`dayStartMinute must be an integer in 0..${DAY_START_MINUTE_MAX}, got ${dayStartMinute}`);
  }
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid instant");
  return ms;
}

/** The System day an instant belongs to: the local date of (instant − dayStartMinute), docs/rules.md "The System day". */
/** A Hunter's clock: their zone and the minute their day starts. */
export type DayClock = { timeZone: string; dayStartMinute: number };

/** The Hunter's day an instant falls on (their calendar; the open day is playerToday). */
export function localDay(instant: Date, clock: DayClock): DayKey {
  return dayKey(instant, clock.timeZone, clock.dayStartMinute);
}

export function dayKey(instant: Date, timeZone: string, dayStartMinute: number): DayKey {
  assertDayStartMinute(dayStartMinute);
  return localTime(instantMs(instant) - dayStartMinute * MINUTE_MS, timeZone).date;
}

/** Local wall-clock minute of the day (0..1439), for reminders and "before 07:00" checks. */
export function localMinuteOfDay(instant: Date, timeZone: string): number {
  return localTime(instantMs(instant), timeZone).minuteOfDay;
}

/** A local wall-clock time "HH:MM" (00:00–23:59) as a minute of the day. */
export function parseLocalTime(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Invalid local time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * A minute of the day as "HH:MM", 24-hour: the one way the System writes a time of day (docs/rules.md "Times of
 * day"), on every screen, in every push and in the API.
 */
export function formatLocalTime(minuteOfDay: number): string {
  const minute = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Stored "HH:MM" times as the System writes them, earliest first: "07:30, 18:00". */
export function formatLocalTimes(times: readonly string[]): string {
  return times
    .map(parseLocalTime)
    .sort((a, b) => a - b)
    .map(formatLocalTime)
    .join(", ");
}

/** The local time of day of an instant in `timeZone`, as the System writes it. */
export function formatInstantTime(instant: Date, timeZone: string): string {
  return formatLocalTime(localMinuteOfDay(instant, timeZone));
}

/**
 * A time of day as typed into a 24-hour field ("7:30", "0730", "19.05", "7") read as "HH:MM", or null when it is not
 * one; the schema then explains what it wants.
 */
export function readLocalTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  return hour < 24 && minute < 60 ? formatLocalTime(hour * 60 + minute) : null;
}

/**
 * The instant a wall clock in `timeZone` shows `time` on local date `day`. When a DST change repeats that time, the
 * first of the two; when it skips it (spring forward), the instant as far past the gap as the time was into it
 * (02:30 in a skipped 02:00–03:00 is 03:30). The offsets a day before and after cover any transition that day.
 */
export function localTimeOn(day: DayKey, time: string, timeZone: string): Date {
  const minute = parseLocalTime(time);
  const wall = parseDayKey(day) + minute * MINUTE_MS;
  const offsetAt = (ms: number) => {
    const local = localTime(ms, timeZone);
    return parseDayKey(local.date) + local.minuteOfDay * MINUTE_MS - (ms - (ms % MINUTE_MS));
  };
  const candidates = [wall - offsetAt(wall - DAY_MS), wall - offsetAt(wall + DAY_MS)];
  const shown = candidates.filter((ms) => {
    const local = localTime(ms, timeZone);
    return local.date === day && local.minuteOfDay === minute;
  });
  return new Date(shown.length > 0 ? Math.min(...shown) : Math.max(...candidates));
}

/** The instants `times` fall on around an instant: its local date and the dates either side. */
function localTimesAround(times: readonly string[], timeZone: string, instant: Date) {
  const today = localTime(instantMs(instant), timeZone).date;
  return [-1, 0, 1].flatMap((n) => times.map((time) => ({ time, at: localTimeOn(addDays(today, n), time, timeZone) })));
}

/** The first instant after `after` at which the wall clock in `timeZone` shows one of `times`; null for none. */
export function nextLocalTime(times: readonly string[], timeZone: string, after: Date): Date | null {
  const later = localTimesAround(times, timeZone, after).filter(({ at }) => at.getTime() > after.getTime());
  if (later.length === 0) return null;
  return new Date(Math.min(...later.map(({ at }) => at.getTime())));
}

/** The latest of `times` the wall clock in `timeZone` showed at or before `instant`, and when; null for none. */
export function lastLocalTime(
  times: readonly string[],
  timeZone: string,
  instant: Date,
): { time: string; at: Date } | null {
  const past = localTimesAround(times, timeZone, instant).filter(({ at }) => at.getTime() <= instant.getTime());
  return past.reduce<{ time: string; at: Date } | null>(
    (latest, entry) => (latest === null || entry.at.getTime() > latest.at.getTime() ? entry : latest),
    null,
  );
}

function isFirstInstantOf(day: DayKey, ms: number, timeZone: string): boolean {
  return localTime(ms, timeZone).date === day && localTime(ms - 1, timeZone).date < day;
}

/**
 * The first instant whose local date is `day`. The offset at UTC midnight gives the answer on ordinary days; when a
 * DST change or a seconds-level historical offset is near, a binary search finds it exactly: the first instant after
 * a gap that swallows midnight, or the earliest of a repeated midnight.
 */
function firstInstantOfLocalDate(day: DayKey, timeZone: string): number {
  return remembered(firstInstants, `${timeZone} ${day}`, () => searchFirstInstant(day, timeZone));
}

function searchFirstInstant(day: DayKey, timeZone: string): number {
  const utcMidnight = parseDayKey(day);
  const local = localTime(utcMidnight, timeZone);
  const offset = parseDayKey(local.date) + local.minuteOfDay * MINUTE_MS - utcMidnight;
  if (isFirstInstantOf(day, utcMidnight - offset, timeZone)) return utcMidnight - offset;

  let before = utcMidnight - SEARCH_RADIUS_MS; // local date < day
  let atOrAfter = utcMidnight + SEARCH_RADIUS_MS; // local date >= day
  while (atOrAfter - before > 1) {
    const middle = Math.floor((before + atOrAfter) / 2);
    if (localTime(middle, timeZone).date < day) before = middle;
    else atOrAfter = middle;
  }
  return atOrAfter;
}

/**
 * The first instant whose dayKey is `day`. Because dayKey subtracts dayStartMinute as elapsed time, this is the
 * day's first local instant plus dayStartMinute minutes.
 */
export function dayStartInstant(day: DayKey, timeZone: string, dayStartMinute: number): Date {
  assertDayStartMinute(dayStartMinute);
  return new Date(firstInstantOfLocalDate(day, timeZone) + dayStartMinute * MINUTE_MS);
}

/** The first instant of the next day: a day is the half-open interval [dayStartInstant, dayEndInstant). */
export function dayEndInstant(day: DayKey, timeZone: string, dayStartMinute: number): Date {
  return dayStartInstant(addDays(day, 1), timeZone, dayStartMinute);
}

const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of a day key in ms, or NaN when it is not a real calendar date. */
function utcMidnightOf(day: string): number {
  return remembered(midnights, day, () => searchUtcMidnight(day));
}

function searchUtcMidnight(day: string): number {
  const match = DAY_KEY_PATTERN.exec(day);
  if (!match) return Number.NaN;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, date); // not Date.UTC: it maps years 0..99 to 1900..1999
  const roundTrips = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
  return roundTrips ? utc.getTime() : Number.NaN;
}

function parseDayKey(day: DayKey): number {
  const ms = utcMidnightOf(day);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid day key: ${day}`);
  return ms;
}

function formatUtcDate(ms: number): DayKey {
  return remembered(dayKeys, ms, () => writeUtcDate(ms));
}

function writeUtcDate(ms: number): DayKey {
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

export function isValidDayKey(value: string): boolean {
  return !Number.isNaN(utcMidnightOf(value));
}

export function addDays(day: DayKey, n: number): DayKey {
  return formatUtcDate(parseDayKey(day) + n * DAY_MS);
}

/** b − a in whole days. */
export function daysBetween(a: DayKey, b: DayKey): number {
  return Math.round((parseDayKey(b) - parseDayKey(a)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: DayKey): number {
  return ((new Date(parseDayKey(day)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the player's week containing `day` (weeks start Monday, docs/rules.md "Streaks, shields, the Penalty Zone"). */
export function weekStart(day: DayKey): DayKey {
  return addDays(day, 1 - weekday(day));
}

export function monthKey(day: DayKey): string {
  parseDayKey(day);
  return day.slice(0, 7);
}

/** ISO-8601 week of the instant in UTC, e.g. "2026-W48": weekly leaderboards reset Monday 00:00 UTC (docs/rules.md "Leaderboards"). */
export function isoWeekUtc(instant: Date): string {
  const ms = instantMs(instant);
  return isoWeekOf(formatUtcDate(Math.floor(ms / DAY_MS) * DAY_MS));
}

/** The ISO-8601 week a day belongs to, e.g. "2026-W48" (a player's weeks start Monday, docs/rules.md "Streaks"). */
export function isoWeekOf(day: DayKey): string {
  // The ISO week belongs to the year of its Thursday, and is numbered by that Thursday's ordinal day.
  const thursday = addDays(day, 4 - weekday(day));
  const year = thursday.slice(0, 4);
  const ordinal = daysBetween(`${year}-01-01`, thursday);
  return `${year}-W${String(Math.floor(ordinal / 7) + 1).padStart(2, "0")}`;
}

const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The Monday of an ISO week ("2026-W48" → "2026-11-23"), or null when there is no such week. */
export function isoWeekMonday(week: string): DayKey | null {
  const match = ISO_WEEK_PATTERN.exec(week);
  if (!match) return null;
  // 4 January is always in week 1.
  const monday = addDays(weekStart(`${match[1]}-01-04`), (Number(match[2]) - 1) * 7);
  return isoWeekOf(monday) === week ? monday : null;
}

/**
 * The day a live check-in counts for: today in the player's zone, but never a day already settled. After moving
 * west, "today" can be a day the System has settled; the player's day then runs on until the open one ends, so
 * travel never runs a day twice (docs/rules.md "The System day").
 */
export function openDay(today: DayKey, lastSettledDay: DayKey | null): DayKey {
  return lastSettledDay !== null && today <= lastSettledDay ? addDays(lastSettledDay, 1) : today;
}

/** "Today" for a Hunter: the day a live check-in counts for and the status window shows. */
export function playerToday(player: DayClock & { lastSettledDay: DayKey | null }, now: Date): DayKey {
  return openDay(localDay(now, player), player.lastSettledDay);
}

/** Whether a day falls inside one of the rest periods (a Safe Zone, both ends included). */
export function isRestDay(rest: ReadonlyArray<{ startDay: DayKey; endDay: DayKey }>, day: DayKey): boolean {
  return rest.some((r) => r.startDay <= day && day <= r.endDay);
}
