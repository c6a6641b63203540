import { dayRangeSchema } from "@/lib/time/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayEndInstant,
  dayKey,
  dayStartInstant,
  daysBetween,
  formatInstantTime,
  formatLocalTime,
  formatLocalTimes,
  isoWeekMonday,
  isoWeekOf,
  isoWeekUtc,
  isValidDayKey,
  localMinuteOfDay,
  monthKey,
  parseLocalTime,
  readLocalTime,
  weekday,
  weekStart,
} from "@/lib/time/rules";

const HOUR = 3_600_000;
const ZONES = [
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Kiritimati",
  "America/Santiago", // springs forward at midnight: that day's first local instant is 01:00
  "UTC",
] as const;
const DAY_START_MINUTES = [0, 59, 180, 359] as const;
const YEAR_START = Date.parse("2026-01-01T00:00:00Z");
const YEAR_END = Date.parse("2027-01-01T00:00:00Z");

const hoursIn = (day: string, zone: string, dayStartMinute: number) =>
  (dayEndInstant(day, zone, dayStartMinute).getTime() - dayStartInstant(day, zone, dayStartMinute).getTime()) / HOUR;

describe("dayKey", () => {
  it.each([
    ["2026-03-08T06:59:00Z", "America/New_York", 0, "2026-03-08"], // 01:59 EST
    ["2026-03-08T06:59:00Z", "America/New_York", 180, "2026-03-07"], // before 3 AM belongs to yesterday
    ["2026-03-08T08:00:00Z", "America/New_York", 180, "2026-03-08"], // 04:00 EDT: 3h after midnight EST
    ["2026-11-01T05:30:00Z", "America/New_York", 0, "2026-11-01"], // 01:30 EDT, the first of two
    ["2026-11-01T06:30:00Z", "America/New_York", 0, "2026-11-01"], // 01:30 EST, the second
    ["2026-01-14T18:14:59Z", "Asia/Kathmandu", 0, "2026-01-14"],
    ["2026-01-14T18:15:00Z", "Asia/Kathmandu", 0, "2026-01-15"],
    ["2025-12-31T10:00:00Z", "Pacific/Kiritimati", 0, "2026-01-01"],
    ["2025-12-31T10:00:00Z", "Pacific/Kiritimati", 59, "2025-12-31"],
    ["2026-06-30T23:59:59Z", "UTC", 0, "2026-06-30"],
  ])("%s in %s with day start %i is %s", (instant, zone, dayStartMinute, expected) => {
    expect(dayKey(new Date(instant), zone, dayStartMinute)).toBe(expected);
  });

  it.each([-1, 360, 1.5])("rejects day start minute %d", (dayStartMinute) => {
    expect(() => dayKey(new Date(0), "UTC", dayStartMinute)).toThrow(RangeError);
  });

  it("rejects an invalid instant and an unknown zone", () => {
    expect(() => dayKey(new Date(Number.NaN), "UTC", 0)).toThrow(RangeError);
    expect(() => dayKey(new Date(0), "Mars/Olympus_Mons", 0)).toThrow(RangeError);
    // Asked again: a refusal is not remembered as an answer.
    expect(() => dayKey(new Date(0), "Mars/Olympus_Mons", 0)).toThrow(RangeError);
  });

  it("remembers answers per zone: one instant and one day in two zones stay apart, asked in any order", () => {
    const instant = new Date("2026-03-28T20:00:00Z");
    for (let round = 0; round < 2; round++) {
      expect(dayKey(instant, "Europe/London", 0)).toBe("2026-03-28");
      expect(dayKey(instant, "Asia/Tokyo", 0)).toBe("2026-03-29");
      expect(dayStartInstant("2026-03-29", "Asia/Tokyo", 0).toISOString()).toBe("2026-03-28T15:00:00.000Z");
      expect(dayStartInstant("2026-03-29", "Europe/London", 0).toISOString()).toBe("2026-03-29T00:00:00.000Z");
    }
  });

  it("remembers day arithmetic: the same answers asked again, an invalid day refused every time", () => {
    for (let round = 0; round < 2; round++) {
      expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
      expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
      expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
      expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
      expect(isValidDayKey("2023-02-29")).toBe(false);
      expect(() => addDays("2023-02-29", 1)).toThrow(RangeError);
    }
  });
});

describe("day length across DST", () => {
  it.each([
    ["2026-03-07", "America/New_York", 0, 24],
    ["2026-03-08", "America/New_York", 0, 23],
    ["2026-03-08", "America/New_York", 180, 23],
    ["2026-11-01", "America/New_York", 0, 25],
    ["2026-11-01", "America/New_York", 359, 25],
    ["2026-03-29", "Europe/London", 0, 23],
    ["2026-10-25", "Europe/London", 59, 25],
    ["2026-04-05", "Australia/Lord_Howe", 0, 24.5],
    ["2026-10-04", "Australia/Lord_Howe", 0, 23.5],
    ["2026-10-04", "Australia/Lord_Howe", 180, 23.5],
    ["2026-06-01", "Asia/Kathmandu", 0, 24],
    ["2026-06-01", "Pacific/Kiritimati", 359, 24],
  ])("%s in %s (day start %i) lasts %d hours", (day, zone, dayStartMinute, hours) => {
    expect(hoursIn(day, zone, dayStartMinute)).toBe(hours);
  });

  it.each([
    ["2026-03-08", "America/New_York", 0, "2026-03-08T05:00:00.000Z"],
    ["2026-03-09", "America/New_York", 0, "2026-03-09T04:00:00.000Z"],
    ["2026-03-09", "America/New_York", 180, "2026-03-09T07:00:00.000Z"],
    ["2026-01-15", "Asia/Kathmandu", 0, "2026-01-14T18:15:00.000Z"],
    ["2026-01-01", "Pacific/Kiritimati", 0, "2025-12-31T10:00:00.000Z"],
    ["2026-10-05", "Australia/Lord_Howe", 0, "2026-10-04T13:00:00.000Z"],
    // Santiago springs forward at midnight: the day starts at the first instant after the gap, 01:00 local.
    ["2026-09-06", "America/Santiago", 0, "2026-09-06T04:00:00.000Z"],
  ])("%s in %s (day start %i) starts at %s", (day, zone, dayStartMinute, expected) => {
    expect(dayStartInstant(day, zone, dayStartMinute).toISOString()).toBe(expected);
  });
});

describe("System days over a year", () => {
  const combos = ZONES.flatMap((zone) => DAY_START_MINUTES.map((dayStartMinute) => [zone, dayStartMinute] as const));

  it.each(combos)("%s / %i: every day is a non-empty interval, contiguous with the next", (zone, dayStartMinute) => {
    let day = dayKey(new Date(YEAR_START), zone, dayStartMinute);
    let start = dayStartInstant(day, zone, dayStartMinute);
    for (let i = 0; i < 366; i++) {
      const end = dayEndInstant(day, zone, dayStartMinute);
      expect(end.getTime()).toBeGreaterThan(start.getTime());
      expect(dayKey(start, zone, dayStartMinute)).toBe(day);
      expect(dayKey(new Date(start.getTime() - 1), zone, dayStartMinute)).toBe(addDays(day, -1));
      expect(dayKey(new Date(end.getTime() - 1), zone, dayStartMinute)).toBe(day);
      [day, start] = [addDays(day, 1), end];
    }
  });

  it.each(combos)("%s / %i: walking the year in 30-minute steps visits each day once", (zone, dayStartMinute) => {
    const seen: string[] = [];
    for (let ms = YEAR_START; ms < YEAR_END; ms += HOUR / 2) {
      const day = dayKey(new Date(ms), zone, dayStartMinute);
      if (seen.at(-1) !== day) seen.push(day);
    }
    const first = seen[0] ?? "";
    expect(seen).toEqual(seen.map((_, i) => addDays(first, i)));
    expect(seen.length).toBeGreaterThanOrEqual(365);
  });

  const zone = fc.constantFrom(...ZONES);
  const dayStartMinute = fc.constantFrom(...DAY_START_MINUTES);
  const instant = fc.integer({ min: YEAR_START, max: YEAR_END });

  it("every instant lies inside its own day's interval", () => {
    fc.assert(
      fc.property(zone, dayStartMinute, instant, (tz, dsm, ms) => {
        const day = dayKey(new Date(ms), tz, dsm);
        return dayStartInstant(day, tz, dsm).getTime() <= ms && ms < dayEndInstant(day, tz, dsm).getTime();
      }),
    );
  });

  it("dayKey is monotonic and never skips a day", () => {
    fc.assert(
      fc.property(zone, dayStartMinute, instant, fc.integer({ min: 0, max: 22 * HOUR }), (tz, dsm, ms, step) => {
        const before = dayKey(new Date(ms), tz, dsm);
        const after = dayKey(new Date(ms + step), tz, dsm);
        // A System day lasts at least 22 hours, so a shorter step moves at most one day forward.
        return after === before || after === addDays(before, 1);
      }),
    );
  });
});

describe("calendar helpers", () => {
  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-01-01", 365, "2027-01-01"],
  ])("addDays(%s, %i) = %s", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });

  it.each([
    ["2026-11-23", 1, "2026-11-23"],
    ["2026-11-26", 4, "2026-11-23"],
    ["2026-11-29", 7, "2026-11-23"],
    ["2027-01-01", 5, "2026-12-28"],
  ])("%s is weekday %i, week starting %s", (day, expectedWeekday, monday) => {
    expect(weekday(day)).toBe(expectedWeekday);
    expect(weekStart(day)).toBe(monday);
  });

  it.each([
    ["2026-11-26T12:00:00Z", "2026-W48"],
    ["2026-11-29T23:59:59Z", "2026-W48"],
    ["2026-11-30T00:00:00Z", "2026-W49"],
    ["2021-01-03T23:59:00Z", "2020-W53"],
    ["2024-12-30T00:00:00Z", "2025-W01"],
    ["2026-01-01T00:00:00Z", "2026-W01"],
  ])("isoWeekUtc(%s) = %s", (instant, expected) => {
    expect(isoWeekUtc(new Date(instant))).toBe(expected);
  });

  it.each([
    ["2026-W48", "2026-11-23"],
    ["2020-W53", "2020-12-28"],
    ["2025-W01", "2024-12-30"],
    ["2026-W01", "2025-12-29"],
    ["2026-W53", "2026-12-28"],
    ["2025-W53", null],
    ["2026-W00", null],
    ["2026-48", null],
  ])("isoWeekMonday(%s) = %s", (week, monday) => {
    expect(isoWeekMonday(week)).toBe(monday);
  });

  it("isoWeekOf and isoWeekMonday agree for any day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (offset) => {
        const day = addDays("1900-01-01", offset);
        const monday = isoWeekMonday(isoWeekOf(day));
        expect(monday).toBe(weekStart(day));
      }),
    );
  });

  it.each([
    ["2026-11-26", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["26-01-01", false],
    ["2026-01-01T00:00", false],
    ["", false],
  ])("isValidDayKey(%j) = %s", (value, expected) => {
    expect(isValidDayKey(value)).toBe(expected);
  });

  it("rejects invalid day keys instead of guessing", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => monthKey("nope")).toThrow(RangeError);
    expect(monthKey("2026-11-26")).toBe("2026-11");
  });

  it("reads the local wall-clock minute", () => {
    expect(localMinuteOfDay(new Date("2026-01-15T01:14:00Z"), "Asia/Kathmandu")).toBe(7 * 60 - 1);
    expect(localMinuteOfDay(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toBe(3 * 60 + 30);
  });

  it("addDays and daysBetween agree", () => {
    const day = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays("2020-01-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: -1_000, max: 1_000 }), (start, n) => {
        const end = addDays(start, n);
        return daysBetween(start, end) === n && weekday(end) === ((((weekday(start) - 1 + n) % 7) + 7) % 7) + 1;
      }),
    );
  });
});

describe("times of day: one format, 24-hour HH:MM", () => {
  it.each([
    [0, "00:00"],
    [7 * 60 + 5, "07:05"],
    [12 * 60, "12:00"],
    [23 * 60 + 59, "23:59"],
    [1440, "00:00"],
    [-30, "23:30"],
  ])("formatLocalTime(%i) is %s", (minute, text) => {
    expect(formatLocalTime(minute)).toBe(text);
  });

  it("writes every minute of the day so that it reads back", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1439 }), (m) => parseLocalTime(formatLocalTime(m)) === m));
  });

  it("lists stored times earliest first", () => {
    expect(formatLocalTimes(["18:00", "07:30"])).toBe("07:30, 18:00");
    expect(formatLocalTimes([])).toBe("");
  });

  it("writes an instant's time in the Hunter's zone, never with AM/PM", () => {
    const instant = new Date("2026-07-01T21:45:00Z");
    expect(formatInstantTime(instant, "UTC")).toBe("21:45");
    expect(formatInstantTime(instant, "America/New_York")).toBe("17:45");
    expect(formatInstantTime(instant, "Asia/Kathmandu")).toBe("03:30");
  });

  it.each([
    ["07:30", "07:30"],
    ["7:30", "07:30"],
    [" 0730 ", "07:30"],
    ["19.05", "19:05"],
    ["19h05", "19:05"],
    ["7", "07:00"],
    ["0", "00:00"],
    ["24:00", null],
    ["7:60", null],
    ["7 pm", null],
    ["", null],
    ["12345", null],
  ])("reads %j typed into a time field as %j", (typed, time) => {
    expect(readLocalTime(typed)).toBe(time);
  });
});

describe("dayRangeSchema", () => {
  it("refuses non-dates with issues instead of measuring them (zod runs refinements after field failures)", () => {
    const result = dayRangeSchema.safeParse({ from: "", to: "%)&*" });
    expect(result.success).toBe(false);
    expect(dayRangeSchema.safeParse({ from: "2040-01-01", to: "2041-01-02" }).error?.issues[0]?.message).toBe(
      "Ask for at most 366 days at a time",
    );
  });
});
