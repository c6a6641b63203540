import webpush from "web-push";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { isAllowedEndpoint } from "@/lib/notifications/endpoints";
import { checkInInstant } from "@/lib/notifications/payload";
import {
  isOpenAtDayEnd,
  isQuietMinute,
  lastChanceMessage,
  mayPush,
  needsReminder,
  pushWindowEnd,
  topicFor,
} from "@/lib/notifications/rules";
import { pushSubscriptionSchema } from "@/lib/notifications/schemas";
import { DEFAULT_NOTIFICATION_PREFS, notificationPrefsOf } from "@/lib/player/schemas";
import { questToday, type QuestOnDay } from "@/lib/quests/today";
import { lastLocalTime, localTimeOn, nextLocalTime, parseLocalTime } from "@/lib/time/rules";

describe("local wall-clock times", () => {
  it.each([
    // An ordinary day, and a zone half an hour off UTC.
    ["2040-03-10", "08:00", "America/New_York", "2040-03-10T13:00:00.000Z"],
    ["2040-03-10", "08:00", "Asia/Kolkata", "2040-03-10T02:30:00.000Z"],
    // Spring forward: 08:00 is an hour earlier in UTC; 02:30 does not exist and lands 02:30 past the gap's start.
    ["2040-03-11", "08:00", "America/New_York", "2040-03-11T12:00:00.000Z"],
    ["2040-03-11", "02:30", "America/New_York", "2040-03-11T07:30:00.000Z"],
    // Fall back: 01:30 happens twice; the first one counts.
    ["2040-11-04", "01:30", "America/New_York", "2040-11-04T05:30:00.000Z"],
    // Lord Howe moves by 30 minutes.
    ["2040-04-01", "01:45", "Australia/Lord_Howe", "2040-03-31T14:45:00.000Z"],
  ])("%s %s in %s is %s", (day, time, zone, expected) => {
    expect(localTimeOn(day, time, zone).toISOString()).toBe(expected);
  });

  it("finds the next and the last of several times around an instant, across midnight", () => {
    const times = ["08:00", "20:00"];
    const at = new Date("2040-03-11T23:30:00Z"); // 19:30 in New York
    expect(nextLocalTime(times, "America/New_York", at)?.toISOString()).toBe("2040-03-12T00:00:00.000Z");
    expect(lastLocalTime(times, "America/New_York", at)).toEqual({
      time: "08:00",
      at: new Date("2040-03-11T12:00:00Z"),
    });
    // At the very instant, it is the last one, not the next.
    const eight = new Date("2040-03-11T12:00:00Z");
    expect(lastLocalTime(times, "America/New_York", eight)?.at).toEqual(eight);
    expect(nextLocalTime(times, "America/New_York", eight)?.toISOString()).toBe("2040-03-12T00:00:00.000Z");
    expect(nextLocalTime([], "UTC", at)).toBeNull();
  });

  it("refuses what is not HH:MM", () => {
    expect(parseLocalTime("23:59")).toBe(1_439);
    for (const bad of ["24:00", "7:00", "07:60", "0700"]) expect(() => parseLocalTime(bad)).toThrow(RangeError);
  });
});

describe("quiet hours and switches", () => {
  const quiet = { start: "22:00", end: "07:00" };
  it.each([
    [21 * 60 + 59, false],
    [22 * 60, true],
    [3 * 60, true],
    [6 * 60 + 59, true],
    [7 * 60, false],
  ])("minute %i past midnight is quiet: %s (22:00–07:00)", (minute, expected) => {
    expect(isQuietMinute(minute, quiet)).toBe(expected);
  });

  it("handles a range within one day, and none", () => {
    expect(isQuietMinute(13 * 60, { start: "12:00", end: "14:00" })).toBe(true);
    expect(isQuietMinute(14 * 60, { start: "12:00", end: "14:00" })).toBe(false);
    expect(isQuietMinute(3 * 60, null)).toBe(false);
  });

  it("lets Penalty Zone warnings through quiet hours unless told not to; switches off are off", () => {
    const prefs = DEFAULT_NOTIFICATION_PREFS;
    expect(mayPush("QUEST_REMINDER", prefs, 23 * 60)).toBe(false);
    expect(mayPush("PENALTY_CLOSING", prefs, 23 * 60)).toBe(true);
    expect(mayPush("PENALTY_OPENED", { ...prefs, penaltyInQuietHours: false }, 23 * 60)).toBe(false);
    expect(mayPush("LAST_CHANCE", { ...prefs, lastChance: false }, 20 * 60)).toBe(false);
    // Level-ups, Rank Trials and achievements reach the inbox; pushed only when switched on.
    expect(mayPush("ACHIEVEMENT", prefs, 12 * 60)).toBe(false);
    expect(mayPush("RANK_UP", { ...prefs, levelUp: true }, 12 * 60)).toBe(true);
  });

  it("cuts a push's window where quiet hours begin, unless the kind ignores them", () => {
    const now = new Date("2040-03-05T21:30:00Z");
    const end = new Date("2040-03-05T22:30:00Z");
    expect(pushWindowEnd(end, "QUEST_REMINDER", DEFAULT_NOTIFICATION_PREFS, "UTC", now).toISOString()).toBe(
      "2040-03-05T22:00:00.000Z",
    );
    expect(pushWindowEnd(end, "PENALTY_CLOSING", DEFAULT_NOTIFICATION_PREFS, "UTC", now)).toEqual(end);
  });

  it("reads stored preferences over the defaults, and falls back on them when stored ones are broken", () => {
    expect(notificationPrefsOf(null)).toEqual(DEFAULT_NOTIFICATION_PREFS);
    expect(notificationPrefsOf({ reminders: false })).toEqual({ ...DEFAULT_NOTIFICATION_PREFS, reminders: false });
    expect(notificationPrefsOf({ quietHours: { start: "22:00", end: "22:00" } })).toEqual(DEFAULT_NOTIFICATION_PREFS);
  });
});

describe("what is worth a reminder", () => {
  const daily: QuestOnDay & { createdDay: string } = {
    kind: "DAILY",
    timesPerDay: 2,
    positive: true,
    schedule: { type: "EVERY_DAY" },
    target: null,
    dueDay: null,
    checklist: null,
    completedAt: null,
    createdDay: "2040-03-01",
  };
  const day = (quest: QuestOnDay, count: number, resting = false, on = "2040-03-05") =>
    questToday(quest, on, { tally: { count, total: 0 }, week: () => ({ count, total: 0 }), resting });

  it("reminds about a daily due and not complete; never when done, resting or not due", () => {
    expect(needsReminder(daily, day(daily, 1))).toBe(true);
    expect(needsReminder(daily, day(daily, 2))).toBe(false);
    expect(needsReminder(daily, day(daily, 0, true))).toBe(false);
    const weekdays = { ...daily, schedule: { type: "WEEKDAYS" as const, days: [1] } };
    expect(needsReminder(weekdays, day(weekdays, 0, false, "2040-03-06"))).toBe(false); // a Tuesday
  });

  it("reminds about an open to-do and an untapped good habit; never a bad habit", () => {
    const todo = { ...daily, kind: "ONE_TIME" as const, schedule: null };
    expect(needsReminder(todo, day(todo, 0))).toBe(true);
    expect(needsReminder(todo, day({ ...todo, completedAt: "2040-03-04T10:00:00Z" }, 0))).toBe(false);
    const habit = { ...daily, kind: "HABIT" as const, schedule: null };
    expect(needsReminder(habit, day(habit, 0))).toBe(true);
    expect(needsReminder(habit, day(habit, 1))).toBe(false);
    expect(needsReminder({ ...habit, positive: false }, day(habit, 0))).toBe(false);
  });

  it("counts for the last chance the dailies that would fail the day: a weekly quota only on Sunday", () => {
    expect(isOpenAtDayEnd(daily, "2040-03-05", day(daily, 1))).toBe(true);
    expect(isOpenAtDayEnd(daily, "2040-03-05", day(daily, 2))).toBe(false);
    const weekly = { ...daily, timesPerDay: 1, schedule: { type: "TIMES_PER_WEEK" as const, n: 3 } };
    expect(isOpenAtDayEnd(weekly, "2040-03-10", day(weekly, 0, false, "2040-03-10"))).toBe(false); // Saturday
    expect(isOpenAtDayEnd(weekly, "2040-03-11", day(weekly, 0, false, "2040-03-11"))).toBe(true); // Sunday
    const limit = { ...daily, target: { value: 2, unit: "cups", direction: "AT_MOST" as const } };
    expect(isOpenAtDayEnd(limit, "2040-03-05", day(limit, 0))).toBe(false);
    expect(isOpenAtDayEnd({ ...daily, createdDay: "2040-03-06" }, "2040-03-05", day(daily, 0))).toBe(false);
  });

  it("words the last chance by what happens at the day's end", () => {
    expect(lastChanceMessage(3, "00:00", 0).body).toBe("3 daily quests remain. The Penalty Zone opens at 00:00.");
    expect(lastChanceMessage(1, "03:00", 1).body).toBe("1 daily quest remains. A shield will be spent at 03:00.");
  });

  it("gives each kind a topic push services accept (≤ 32 URL-safe characters)", () => {
    for (const topic of [
      topicFor("QUEST_REMINDER", "cmx6y4o7a002lwf7dantewbxo"),
      topicFor("LAST_CHANCE", ""),
      topicFor("PENALTY_CLOSING", "x"),
      topicFor("ACHIEVEMENT", "streak-3"),
    ]) {
      expect(topic).toMatch(/^[\w-]{1,32}$/);
    }
  });
});

describe("a reminder's Check in", () => {
  const day = { dayStart: "2040-03-05T05:00:00.000Z", dayEnd: "2040-03-06T05:00:00.000Z" };
  it("counts at the tap while the reminder's day runs", () => {
    const tap = new Date("2040-03-05T20:00:00Z");
    expect(checkInInstant(day, tap)).toEqual(tap);
  });
  it("counts for the reminder's day when tapped after it ended (yesterday's reminder after midnight)", () => {
    expect(checkInInstant(day, new Date("2040-03-06T06:30:00Z")).toISOString()).toBe("2040-03-06T04:59:59.999Z");
  });
  it("counts at the day's start when the device's clock runs behind it", () => {
    expect(checkInInstant(day, new Date("2040-03-05T04:00:00Z")).toISOString()).toBe(day.dayStart);
  });
});

describe("push endpoints (the SSRF guard)", () => {
  it.each([
    ["https://fcm.googleapis.com/fcm/send/x", true],
    ["https://updates.push.services.mozilla.com/wpush/v2/x", true],
    ["https://web.push.apple.com/x", true],
    ["https://db5p.notify.windows.com/w/?token=x", true],
    ["http://fcm.googleapis.com/fcm/send/x", false],
    ["https://fcm.googleapis.com:444/x", false],
    ["https://notify.windows.com.evil.example/x", false],
    ["https://169.254.169.254/latest/meta-data", false],
    ["https://a:b@fcm.googleapis.com/x", false],
    ["http://127.0.0.1:4000/push/1", true],
    ["http://127.0.0.1:4001/push/1", false],
    ["not a url", false],
  ])("%s allowed: %s", (endpoint, allowed) => {
    expect(isAllowedEndpoint(endpoint, ["http://127.0.0.1:4000"])).toBe(allowed);
  });

  it("reads a browser's subscription: keys of the right size, nothing else", () => {
    const p256dh = webpush.generateVAPIDKeys().publicKey;
    const good = {
      endpoint: "https://fcm.googleapis.com/x",
      expirationTime: null,
      keys: { p256dh, auth: "A".repeat(22) },
    };
    expect(pushSubscriptionSchema.safeParse(good).success).toBe(true);
    expect(pushSubscriptionSchema.safeParse({ ...good, keys: { ...good.keys, auth: "A".repeat(23) } }).success).toBe(
      false,
    );
    expect(pushSubscriptionSchema.safeParse({ ...good, endpoint: "ftp://x/y" }).success).toBe(false);
    expect(pushSubscriptionSchema.safeParse({ ...good, endpoint: "https://x/" + "a".repeat(1_000) }).success).toBe(
      false,
    );
  });
});

describe("VAPID settings", () => {
  const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/app", NEXTAUTH_SECRET: "x".repeat(32) };
  const keys = webpush.generateVAPIDKeys();
  const vapid = { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };

  it("accepts a key pair with a real contact, or nothing at all", () => {
    expect(parseEnv({ ...base, ...vapid, VAPID_SUBJECT: "mailto:ops@thesystem.app" }).VAPID_SUBJECT).toBe(
      "mailto:ops@thesystem.app",
    );
    expect(parseEnv({ ...base, ...vapid, VAPID_SUBJECT: "https://thesystem.app/contact" }).VAPID_PUBLIC_KEY).toBe(
      keys.publicKey,
    );
    expect(parseEnv(base).VAPID_PUBLIC_KEY).toBeUndefined();
  });

  it.each(["mailto:you@example.com", "mailto:not-an-address", "http://thesystem.app", "https://localhost/x", "ops"])(
    "refuses the contact %s",
    (subject) => {
      expect(() => parseEnv({ ...base, ...vapid, VAPID_SUBJECT: subject })).toThrow(/VAPID_SUBJECT: must be a real/);
    },
  );

  it("names a missing or malformed half", () => {
    expect(() => parseEnv({ ...base, VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => parseEnv({ ...base, ...vapid, VAPID_SUBJECT: "mailto:a@b.app", VAPID_PRIVATE_KEY: "short" })).toThrow(
      /VAPID_PRIVATE_KEY: must be the private key/,
    );
  });

  it("reads PUSH_ALLOWED_ORIGINS as origins only", () => {
    expect(
      parseEnv({ ...base, PUSH_ALLOWED_ORIGINS: "http://127.0.0.1:4000, https://push.test.app" }).PUSH_ALLOWED_ORIGINS,
    ).toEqual(["http://127.0.0.1:4000", "https://push.test.app"]);
    expect(() => parseEnv({ ...base, PUSH_ALLOWED_ORIGINS: "http://127.0.0.1:4000/push" })).toThrow(/not an origin/);
  });
});
