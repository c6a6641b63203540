// Reminders that arrive: the tick (lib/notifications/cron.ts) against a real local push service that verifies the
// VAPID JWT, the encoding and the TTL and decrypts each payload. Every Hunter here has a shifted test clock, so the
// tick judges them on their own days while other test files' Hunters, on the real clock, are left alone.
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { runNotifications, type NotificationOptions } from "@/lib/notifications/cron";
import { subscribe } from "@/lib/notifications/subscriptions";
import { DEFAULT_NOTIFICATION_PREFS, type NotificationPrefs } from "@/lib/player/schemas";
import { addRestPeriod, setNotificationPrefs } from "@/lib/player/service";
import { archiveQuest, restoreQuest } from "@/lib/quests/service";
import { checkInAt, makePlayer, makeQuest } from "@/tests/support/factories";
import { startPushService, type PushService } from "@/tests/support/push-service.mjs";
import { localTimeOn } from "@/lib/time/rules";

let push: PushService;
let slow: PushService;

beforeAll(async () => {
  push = await startPushService();
  slow = await startPushService();
  const keys = webpush.generateVAPIDKeys();
  Object.assign(process.env, {
    TEST_CLOCK: "1",
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
    VAPID_SUBJECT: "mailto:ops@thesystem.app",
    PUSH_ALLOWED_ORIGINS: `${push.origin},${slow.origin}`,
  });
});

afterAll(async () => {
  await push.close();
  await slow.close();
});

/** A Hunter with one device on `service`, made on `created` (their first day), and their prefs. */
async function hunter(options: {
  timeZone: string;
  created: Date;
  service?: PushService;
  prefs?: Partial<NotificationPrefs>;
  dayStartMinute?: number;
}) {
  const player = await makePlayer({
    timeZone: options.timeZone,
    createdAt: options.created,
    dayStartMinute: options.dayStartMinute,
  });
  const subscription = (options.service ?? push).subscription();
  await subscribe(player.playerId, subscription, "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0.0.0", options.created);
  if (options.prefs) await setNotificationPrefs(player.playerId, { ...DEFAULT_NOTIFICATION_PREFS, ...options.prefs });
  return { ...player, endpoint: subscription.endpoint };
}

/** An instant given as the wall-clock time in a zone: `local("2040-03-11", "08:00", "America/New_York")`. */
const local = (day: string, time: string, timeZone: string) => localTimeOn(day, time, timeZone);

/** Sets the Hunter's clock to `at`, then runs the tick (real time `now`, unless a test moves it on). */
async function tickAt(playerId: string, at: Date, options: NotificationOptions = {}) {
  await setTestClock(playerId, new Date(at.getTime() - (options.now ? options.now.getTime() - Date.now() : 0)));
  return runNotifications({ timeoutMs: 2_000, ...options });
}

describe("quest reminders", () => {
  const zones = [
    // Spring forward on 11 March 2040: 08:00 is 12:00 UTC that day, 13:00 UTC the day before.
    { timeZone: "America/New_York", day: "2040-03-11", utc: "2040-03-11T12:00:00.000Z" },
    { timeZone: "Asia/Kolkata", day: "2040-03-11", utc: "2040-03-11T02:30:00.000Z" },
    // Fall back on 28 October 2040: 08:00 is 08:00 UTC that day, 07:00 UTC the day before.
    { timeZone: "Europe/London", day: "2040-10-28", utc: "2040-10-28T08:00:00.000Z" },
  ];
  for (const { timeZone, day, utc } of zones) {
    it(`in ${timeZone}: 07:59 nothing, 08:00 exactly one, a second tick none`, async () => {
      const created = local(day === "2040-03-11" ? "2040-03-09" : "2040-10-26", "12:00", timeZone);
      const me = await hunter({ timeZone, created });
      const quest = await makeQuest(me.playerId, { reminderTimes: ["08:00"], title: "Run 3 km" }, created);
      expect(local(day, "08:00", timeZone).toISOString()).toBe(utc);

      await tickAt(me.playerId, local(day, "07:59", timeZone));
      expect(push.to(me.endpoint)).toEqual([]);

      const run = await tickAt(me.playerId, local(day, "08:00", timeZone));
      expect(run.delivery.sent).toBeGreaterThanOrEqual(1);
      const [message, ...more] = push.to(me.endpoint);
      expect(more).toEqual([]);
      expect(message!.payload).toMatchObject({
        title: "[SYSTEM] Run 3 km",
        url: `/quests/${quest.id}`,
        tag: `q-${quest.id}`,
        checkIn: { questId: quest.id, day, idempotencyKey: `reminder:${message!.payload.id}` },
      });
      expect(message!.topic).toBe(`q-${quest.id}`);
      // The window is an hour from 08:00: the TTL is what is left of it.
      expect(message!.ttl).toBeGreaterThan(3_500);
      expect(message!.ttl).toBeLessThanOrEqual(3_600);
      expect(message!.claims).toMatchObject({ aud: push.origin, sub: "mailto:ops@thesystem.app" });

      await tickAt(me.playerId, local(day, "08:05", timeZone));
      expect(push.to(me.endpoint)).toHaveLength(1);
      expect(push.rejected).toEqual([]);
    });
  }

  it("sends each of up to three times a day, the day's progress in each", async () => {
    const created = local("2040-03-04", "12:00", "UTC");
    const me = await hunter({ timeZone: "UTC", created });
    const quest = await makeQuest(me.playerId, { reminderTimes: ["21:00", "08:00", "13:00"], timesPerDay: 3 }, created);
    expect(quest.reminderTimes).toEqual(["08:00", "13:00", "21:00"]);
    await tickAt(me.playerId, local("2040-03-05", "08:00", "UTC"));
    await checkInAt(me.playerId, quest.id, local("2040-03-05", "09:00", "UTC"));
    await tickAt(me.playerId, local("2040-03-05", "13:00", "UTC"));
    expect(push.to(me.endpoint).map((m) => m.payload.body)).toEqual([
      "Daily quest: 0 of 3 done today.",
      "Daily quest: 1 of 3 done today.",
    ]);
    // The default quiet hours start at 22:00: a reminder at 21:00 is sent, its window cut short at 22:00.
    await tickAt(me.playerId, local("2040-03-05", "21:00", "UTC"));
    expect(push.to(me.endpoint)).toHaveLength(3);
  });

  it("sends nothing for a quest already complete that System day", async () => {
    const created = local("2040-03-04", "12:00", "Europe/Paris");
    const me = await hunter({ timeZone: "Europe/Paris", created, dayStartMinute: 180 });
    const quest = await makeQuest(me.playerId, { reminderTimes: ["01:00"] }, created);
    // Day start 03:00: 01:00 on 6 March is still the System day of 5 March, done at 23:00.
    await checkInAt(me.playerId, quest.id, local("2040-03-05", "23:00", "Europe/Paris"));
    await tickAt(me.playerId, local("2040-03-06", "01:00", "Europe/Paris"));
    expect(push.to(me.endpoint)).toEqual([]);
  });

  it("sends nothing during quiet hours, and sends when the Hunter has none", async () => {
    const created = local("2040-03-04", "12:00", "UTC");
    const quiet = await hunter({ timeZone: "UTC", created });
    const noQuiet = await hunter({ timeZone: "UTC", created, prefs: { quietHours: null } });
    for (const me of [quiet, noQuiet]) {
      await makeQuest(me.playerId, { reminderTimes: ["22:30"] }, created);
      await tickAt(me.playerId, local("2040-03-05", "22:30", "UTC"));
    }
    expect(push.to(quiet.endpoint)).toEqual([]);
    expect(push.to(noQuiet.endpoint)).toHaveLength(1);
  });

  it("sends nothing while the Hunter rests, nor when reminders are switched off", async () => {
    const created = local("2040-03-04", "12:00", "UTC");
    const resting = await hunter({ timeZone: "UTC", created });
    const off = await hunter({ timeZone: "UTC", created, prefs: { reminders: false } });
    await addRestPeriod(resting.playerId, { startDay: "2040-03-05", endDay: "2040-03-06" }, created);
    for (const me of [resting, off]) {
      await makeQuest(me.playerId, { reminderTimes: ["09:00"] }, created);
      await tickAt(me.playerId, local("2040-03-05", "09:00", "UTC"));
    }
    expect(push.to(resting.endpoint)).toEqual([]);
    expect(push.to(off.endpoint)).toEqual([]);
  });

  it("stops with an archived quest and comes back with it restored", async () => {
    const created = local("2040-03-04", "12:00", "UTC");
    const me = await hunter({ timeZone: "UTC", created });
    const quest = await makeQuest(me.playerId, { reminderTimes: ["09:00"] }, created);
    await archiveQuest(me.playerId, quest.id, created);
    await tickAt(me.playerId, local("2040-03-05", "09:00", "UTC"));
    expect(push.to(me.endpoint)).toEqual([]);
    await restoreQuest(me.playerId, quest.id, local("2040-03-05", "12:00", "UTC"));
    await tickAt(me.playerId, local("2040-03-06", "09:00", "UTC"));
    expect(push.to(me.endpoint).map((m) => m.payload.checkIn?.day)).toEqual(["2040-03-06"]);
  });

  it("forgets a device its push service says is gone (410)", async () => {
    const created = local("2040-03-04", "12:00", "UTC");
    const me = await hunter({ timeZone: "UTC", created });
    await makeQuest(me.playerId, { reminderTimes: ["09:00"] }, created);
    push.respond(me.endpoint, { status: 410 });
    const run = await tickAt(me.playerId, local("2040-03-05", "09:00", "UTC"));
    expect(run.delivery.gone).toBe(1);
    expect(await db.pushSubscription.count({ where: { playerId: me.playerId } })).toBe(0);
  });

  it("retries a push refused with 429 once, on a later tick and after its Retry-After", async () => {
    const created = local("2040-03-04", "12:00", "UTC");
    const me = await hunter({ timeZone: "UTC", created });
    await makeQuest(me.playerId, { reminderTimes: ["09:00"] }, created);
    push.respond(me.endpoint, { status: 429, retryAfter: 300 });
    const attempts = () => push.requests.filter((r) => me.endpoint.endsWith(r.id));

    const first = await tickAt(me.playerId, local("2040-03-05", "09:00", "UTC"));
    expect(first.delivery.retried).toBe(1);
    // Two minutes on: still inside the window but before Retry-After (5 minutes).
    await runNotifications({ now: new Date(Date.now() + 120_000) });
    expect(attempts().map((a) => a.status)).toEqual([429]);
    const retried = await runNotifications({ now: new Date(Date.now() + 360_000) });
    expect(retried.delivery.sent).toBeGreaterThanOrEqual(1);
    expect(attempts().map((a) => a.status)).toEqual([429, 201]);
    expect(push.to(me.endpoint)).toHaveLength(1);
    await runNotifications({ now: new Date(Date.now() + 420_000) });
    expect(attempts()).toHaveLength(2);
  });

  it("never lets a slow push service hold back the others", async () => {
    const created = local("2040-03-04", "12:00", "UTC");
    const slowOnes = await Promise.all([0, 1, 2].map(() => hunter({ timeZone: "UTC", created, service: slow })));
    const fastOnes = await Promise.all([0, 1, 2].map(() => hunter({ timeZone: "UTC", created })));
    for (const me of [...slowOnes, ...fastOnes]) {
      await makeQuest(me.playerId, { reminderTimes: ["10:00"] }, created);
      await setTestClock(me.playerId, local("2040-03-05", "10:00", "UTC"));
      if (slowOnes.includes(me)) slow.respond(me.endpoint, { status: 201, delayMs: 5_000 });
    }
    const started = Date.now();
    const run = await runNotifications({ timeoutMs: 500, concurrency: 2, perOrigin: 1 });
    // Each slow send gives up after 500 ms, one at a time; the fast service is served beside them meanwhile.
    expect(Date.now() - started).toBeLessThan(4_000);
    for (const me of fastOnes) expect(push.to(me.endpoint)).toHaveLength(1);
    const fastArrivals = push.requests.filter((r) => fastOnes.some((me) => me.endpoint.endsWith(r.id)));
    expect(Math.max(...fastArrivals.map((r) => r.at)) - started).toBeLessThan(1_500);
    expect(run.delivery.retried).toBe(3);
  });
});

describe("the last-chance warning at 20:00", () => {
  it("counts the dailies still open, once, and says nothing when all are done", async () => {
    const created = local("2040-03-04", "12:00", "Asia/Tokyo");
    const open = await hunter({ timeZone: "Asia/Tokyo", created });
    const done = await hunter({ timeZone: "Asia/Tokyo", created });
    const quests = await Promise.all([0, 1, 2].map(() => makeQuest(open.playerId, {}, created)));
    await checkInAt(open.playerId, quests[0]!.id, local("2040-03-05", "09:00", "Asia/Tokyo"));
    const mine = await makeQuest(done.playerId, {}, created);
    await checkInAt(done.playerId, mine.id, local("2040-03-05", "09:00", "Asia/Tokyo"));

    for (const me of [open, done]) await tickAt(me.playerId, local("2040-03-05", "19:59", "Asia/Tokyo"));
    expect(push.to(open.endpoint)).toEqual([]);
    for (const me of [open, done]) await tickAt(me.playerId, local("2040-03-05", "20:00", "Asia/Tokyo"));
    for (const me of [open, done]) await tickAt(me.playerId, local("2040-03-05", "20:10", "Asia/Tokyo"));
    expect(push.to(open.endpoint).map((m) => m.payload)).toEqual([
      expect.objectContaining({
        title: "[SYSTEM] Last chance",
        body: "2 daily quests remain. The Penalty Zone opens at 00:00.",
        url: "/dashboard",
      }),
    ]);
    expect(push.to(done.endpoint)).toEqual([]);
  });
});

describe("Penalty Zone warnings", () => {
  /** Missed Monday (the month's shield saves it) and Tuesday: the Survival Quest opens at 04:00 UTC Wednesday. */
  async function inPenaltyZone(prefs?: Partial<NotificationPrefs>) {
    const me = await hunter({ timeZone: "UTC", created: new Date("2040-03-05T08:00:00Z"), prefs });
    await makeQuest(me.playerId, {}, new Date("2040-03-05T08:00:00Z"));
    expect(await settlePlayer(me.playerId, new Date("2040-03-07T04:00:00Z"))).toMatchObject({ penaltyOpened: true });
    return me;
  }

  it("announces the zone at once, even in quiet hours, and again an hour before it closes", async () => {
    const me = await inPenaltyZone();
    await tickAt(me.playerId, new Date("2040-03-07T04:05:00Z"));
    await tickAt(me.playerId, new Date("2040-03-07T08:00:00Z"));
    await tickAt(me.playerId, new Date("2040-03-07T09:00:00Z"));
    await tickAt(me.playerId, new Date("2040-03-07T09:30:00Z"));
    expect(push.to(me.endpoint).map((m) => [m.payload.title, m.payload.body, m.urgency])).toEqual([
      ["[SYSTEM] Penalty Zone", "Survival Quest: complete 1 quest by 10:00.", "high"],
      ["[SYSTEM] The Penalty Zone closes in 1 hour", "0 of 1 quests done. Survive.", "high"],
    ]);
  });

  it("waits for quiet hours to end when the Hunter asked it to", async () => {
    const me = await inPenaltyZone({ penaltyInQuietHours: false });
    await tickAt(me.playerId, new Date("2040-03-07T04:05:00Z"));
    expect(push.to(me.endpoint)).toEqual([]);
    await tickAt(me.playerId, new Date("2040-03-07T07:00:00Z"));
    expect(push.to(me.endpoint).map((m) => m.payload.title)).toEqual(["[SYSTEM] Penalty Zone"]);
  });
});
