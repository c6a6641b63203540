import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/player";
import { settlePlayer } from "@/lib/days/service";
import { db } from "@/lib/db";
import { getPlayerStatus } from "@/lib/player/queries";
import { hashToken } from "@/lib/secrets";
import { checkInAt, makePlayer, makeQuest, utc } from "@/tests/support/factories";

const NOW = utc("2040-03-07", "12:00");
const CREATED = utc("2037-01-01", "08:00");
const QUERY_BUDGET = 4;

let queries = 0;
db.$on("query", () => void (queries += 1));

/**
 * A Hunter with three dailies and a habit, `history` check-ins spread over the 1,000 days before this week (one raw
 * INSERT … SELECT generate_series), two check-ins today, settled through yesterday, and a personal access token.
 */
async function hunterWithHistory(history: number) {
  const { playerId } = await makePlayer({ createdAt: CREATED });
  const quests = [];
  for (const kind of ["DAILY", "DAILY", "DAILY", "HABIT"])
    quests.push((await makeQuest(playerId, { kind }, CREATED)).id);
  const [q0, q1, q2] = quests as [string, string, string];
  await db.$executeRaw`
    INSERT INTO "CheckIn" ("id", "playerId", "questId", "dayKey", "happenedAt", "source", "idempotencyKey", "response")
    SELECT 'seed-' || ${playerId}::text || '-' || g, ${playerId}::text,
           CASE g % 3 WHEN 0 THEN ${q0}::text WHEN 1 THEN ${q1}::text ELSE ${q2}::text END,
           to_char(day, 'YYYY-MM-DD'), day + interval '12 hours', 'LIVE'::"CheckInSource", 'seed-' || g, '{}'
    FROM generate_series(1, ${history}::int) AS g,
         LATERAL (SELECT DATE '2040-02-28' - (g % 1000) AS day) AS spread`;
  expect(await db.checkIn.count({ where: { playerId } })).toBe(history);
  await checkInAt(playerId, q0, utc("2040-03-07", "09:00"));
  await checkInAt(playerId, quests[3]!, utc("2040-03-07", "09:30"));
  // Settled through yesterday, as daily rollovers would have left it: the read has nothing to settle.
  await db.player.update({ where: { id: playerId }, data: { lastSettledDay: "2040-03-06" } });
  const token = `sys_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { playerId, name: "query count", tokenHash: hashToken(token) } });
  return { playerId, token };
}

/**
 * What GET /api/v1/player costs the database on a cache miss: playerRoute authenticates the caller (the lookup also
 * brings the settlement peek), runs the lazy rollover with that peek, and reads getPlayerStatus. The route reads the
 * real clock; here `now` is fixed, the one difference (with TEST_CLOCK unset the clock costs no query).
 */
async function statusRead(token: string) {
  const request = new Request("http://localhost/api/v1/player", { headers: { authorization: `Bearer ${token}` } });
  const before = queries;
  const caller = await authenticate(request);
  await settlePlayer(caller.playerId, NOW, caller.settlement);
  const status = await getPlayerStatus(caller.playerId, NOW);
  return { status, queries: queries - before };
}

describe("GET /api/v1/player's read", () => {
  it("costs the same few queries with 10 or 100,000 check-ins", async () => {
    const small = await hunterWithHistory(10);
    const large = await hunterWithHistory(100_000);

    const [few, many] = [await statusRead(small.token), await statusRead(large.token)];
    console.log(
      `[query count] GET /api/v1/player read: ${few.queries} queries with 10 check-ins, ` +
        `${many.queries} with 100,000 (budget ${QUERY_BUDGET})`,
    );

    expect(few.queries).toBeLessThanOrEqual(QUERY_BUDGET);
    expect(many.queries).toBeLessThanOrEqual(QUERY_BUDGET);
    expect(many.queries).toBe(few.queries);
    for (const { status } of [few, many]) {
      expect(status).toMatchObject({ today: "2040-03-07", xp: 200 + 50, yesterday: { settled: true } });
      expect(status.quests).toHaveLength(4);
      expect(status.quests[0]).toMatchObject({ completionsToday: 1, complete: true });
    }
  }, 60_000);

  it("loads a bounded number of rows for 100,000 taps this week, however many there are", async () => {
    const { playerId, token } = await hunterWithHistory(10);
    const habit = (await db.quest.findFirstOrThrow({ where: { playerId, kind: "HABIT" } })).id;
    // 100,000 more taps on the habit this week, 60,000 of them today (2040-03-07 is a Wednesday).
    await db.$executeRaw`
      INSERT INTO "CheckIn" ("id", "playerId", "questId", "dayKey", "happenedAt", "source", "idempotencyKey", "response")
      SELECT 'week-' || ${playerId}::text || '-' || g, ${playerId}::text, ${habit}::text,
             to_char(day, 'YYYY-MM-DD'), day + interval '1 second' * (g % 40000), 'LIVE'::"CheckInSource", 'week-' || g, '{}'
      FROM generate_series(1, 100000) AS g,
           LATERAL (SELECT DATE '2040-03-05' + LEAST(2, g % 5) AS day) AS spread`;
    const small = await hunterWithHistory(10);

    const [few, many] = [await statusRead(small.token), await statusRead(token)];
    console.log(`[query count] 100,000 taps this week: ${many.queries} queries (10 check-ins: ${few.queries})`);
    expect(many.queries).toBe(few.queries);
    const tapped = many.status.quests.find((q) => q.id === habit)!;
    // Counted in SQL, listed (for undo) only the latest few: the taps themselves never reach the server's memory.
    expect(tapped.completionsToday).toBe(60_001);
    expect(tapped.checkIns).toHaveLength(10);
    expect(tapped.checkIns.at(-1)!.happenedAt >= tapped.checkIns[0]!.happenedAt).toBe(true);
  }, 60_000);

  // The one statement counts before it knows the Hunter's clock, so it counts every day any zone's window may
  // cover and keeps the window's own: the earliest and the latest clocks on a Monday (the window is yesterday and
  // today) and on a Sunday (Monday through today). A check-in on every day from ten days back to the day after.
  it.each([
    ["Pacific/Kiritimati", 0, "2040-03-11T11:00:00Z", "2040-03-12", 1],
    ["Etc/GMT+12", 359, "2040-03-13T17:00:00Z", "2040-03-12", 1],
    ["Pacific/Kiritimati", 0, "2040-03-17T11:00:00Z", "2040-03-18", 7],
    ["Etc/GMT+12", 359, "2040-03-19T17:00:00Z", "2040-03-18", 7],
  ])(
    "counts the window's days on a %s clock starting at minute %i (%s)",
    async (timeZone, dayStartMinute, at, today, week) => {
      const now = new Date(at);
      const { playerId } = await makePlayer({ createdAt: CREATED, timeZone, dayStartMinute });
      const weekly = await makeQuest(playerId, { schedule: { type: "TIMES_PER_WEEK", n: 6 } }, CREATED);
      const twice = await makeQuest(playerId, { timesPerDay: 2 }, CREATED);
      await db.$executeRaw`
      INSERT INTO "CheckIn" ("id", "playerId", "questId", "dayKey", "happenedAt", "source", "idempotencyKey", "response")
      SELECT 'edge-' || q || '-' || g, ${playerId}::text, q, to_char(day, 'YYYY-MM-DD'), day + interval '12 hours',
             'LIVE'::"CheckInSource", 'edge-' || q || '-' || g, '{}'
      FROM unnest(ARRAY[${weekly.id}::text, ${twice.id}::text]) AS q, generate_series(-10, 1) AS g,
           LATERAL (SELECT ${today}::date + g AS day) AS spread`;

      const before = queries;
      const status = await getPlayerStatus(playerId, now);
      expect(queries - before).toBe(1);
      expect(status.today).toBe(today);
      const [w, t] = [weekly.id, twice.id].map((id) => status.quests.find((q) => q.id === id)!);
      expect(w).toMatchObject({ completionsToday: 1, weekProgress: { done: week, required: 6 } });
      expect(t).toMatchObject({ completionsToday: 1, complete: false });
      // Yesterday, unsettled: its one check-in of two.
      expect(status.yesterdayOpenDailies).toEqual([{ id: twice.id, title: twice.title, done: 1, timesPerDay: 2 }]);
    },
  );
});
