import { afterAll, describe, expect, it } from "vitest";
import { setTestClock } from "@/lib/clock";
import { dueAfter, rolloverAll, zonesInUse } from "@/lib/cron/rollover";
import { confirmYesterday, settlePlayer } from "@/lib/days/service";
import { db } from "@/lib/db";
import { addDays, localDay } from "@/lib/time/rules";
import {
  checkInAt,
  daySettlements,
  expectAppError,
  ledgerSum,
  makePlayer,
  makeQuest,
  playerTotals,
  utc,
} from "@/tests/support/factories";

// The cron backstop reads each player's clock: with TEST_CLOCK a player's clock can be set to a fixed instant.
// Players without one (every other test's) are on real time, years before their fixed 2040 days: nothing to settle.
const testClockBefore = process.env.TEST_CLOCK;
process.env.TEST_CLOCK = "1";
afterAll(() => {
  if (testClockBefore === undefined) delete process.env.TEST_CLOCK;
  else process.env.TEST_CLOCK = testClockBefore;
});

// March 2040: Monday the 5th to Sunday the 11th, Monday the 12th to Sunday the 18th.
const MON = "2040-03-05";
const TUE = "2040-03-06";
const WED = "2040-03-07";
const THU = "2040-03-08";

async function outcomes(playerId: string) {
  return (await daySettlements(playerId)).map((s) => [s.dayKey, s.outcome, s.streakAfter] as const);
}

describe("settlePlayer", () => {
  it("settles each day once; a cleared day extends the streak", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await checkInAt(playerId, quest.id, utc(MON, "10:00"));
    await checkInAt(playerId, quest.id, utc(TUE, "10:00"));

    expect(await settlePlayer(playerId, utc(WED, "04:00"))).toMatchObject({ settledDays: 2, penaltyOpened: false });
    const first = await daySettlements(playerId);
    expect(await outcomes(playerId)).toEqual([
      [MON, "CLEARED", 1],
      [TUE, "CLEARED", 2],
    ]);
    expect(await playerTotals(playerId)).toMatchObject({ streak: 2, lastSettledDay: TUE });

    expect(await settlePlayer(playerId, utc(WED, "04:00"))).toMatchObject({ settledDays: 0 });
    expect(await settlePlayer(playerId, utc(WED, "23:00"))).toMatchObject({ settledDays: 0 });
    expect(await daySettlements(playerId)).toEqual(first);

    expect(await settlePlayer(playerId, utc(THU, "04:00"))).toMatchObject({ settledDays: 1 });
    expect(await daySettlements(playerId)).toHaveLength(3);
  });

  it("treats a day with no daily due as neutral: it neither extends nor breaks the streak", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { schedule: { type: "WEEKDAYS", days: [1, 3] } });
    await checkInAt(playerId, quest.id, utc(MON, "10:00"));
    await checkInAt(playerId, quest.id, utc(WED, "10:00"));
    await settlePlayer(playerId, utc(THU, "04:00"));
    expect(await outcomes(playerId)).toEqual([
      [MON, "CLEARED", 1],
      [TUE, "NEUTRAL", 1],
      [WED, "CLEARED", 2],
    ]);

    const idle = await makePlayer();
    await makeQuest(idle.playerId, { kind: "HABIT" });
    await settlePlayer(idle.playerId, utc(THU, "04:00"));
    expect(await outcomes(idle.playerId)).toEqual([
      [MON, "NEUTRAL", 0],
      [TUE, "NEUTRAL", 0],
      [WED, "NEUTRAL", 0],
    ]);
  });

  it("settles each (player, day) exactly once when two rollover runs race", async () => {
    const [done, missed] = [await makePlayer(), await makePlayer()];
    const doneQuest = await makeQuest(done.playerId);
    await makeQuest(missed.playerId);
    await checkInAt(done.playerId, doneQuest.id, utc(MON, "10:00"));
    await checkInAt(done.playerId, doneQuest.id, utc(TUE, "10:00"));
    const at = utc(THU, "04:00");
    await setTestClock(done.playerId, at);
    await setTestClock(missed.playerId, at);

    const runs = await Promise.allSettled([
      settlePlayer(done.playerId, at),
      settlePlayer(missed.playerId, at),
      rolloverAll({ batchSize: 50, budgetMs: 60_000 }),
      settlePlayer(missed.playerId, at),
      rolloverAll({ batchSize: 7, budgetMs: 60_000 }),
      settlePlayer(done.playerId, at),
    ]);

    expect(runs.filter((r) => r.status === "rejected")).toEqual([]);
    for (const { playerId } of [done, missed]) {
      const perDay = await db.daySettlement.groupBy({ by: ["dayKey"], where: { playerId }, _count: { _all: true } });
      expect(perDay.map((d) => [d.dayKey, d._count._all])).toEqual([
        [MON, 1],
        [TUE, 1],
        [WED, 1],
      ]);
    }
    expect(await outcomes(done.playerId)).toEqual([
      [MON, "CLEARED", 1],
      [TUE, "CLEARED", 2],
      [WED, "SHIELDED", 2],
    ]);
    expect(await outcomes(missed.playerId)).toEqual([
      [MON, "SHIELDED", 0],
      [TUE, "FAILED", 0],
      [WED, "FAILED", 0],
    ]);
    expect(await db.penalty.count({ where: { playerId: missed.playerId } })).toBe(1);
  });

  it("settles a player away for 10 days day by day, with one Penalty Quest for the whole absence", async () => {
    const { playerId } = await playerAwayTenDays();
    const rows = await daySettlements(playerId);
    expect(rows.map((r) => r.dayKey)).toEqual(
      Array.from({ length: 10 }, (_, i) => `2040-03-${String(5 + i).padStart(2, "0")}`),
    );
    expect(rows.map((r) => r.outcome)).toEqual(["SHIELDED", ...Array<string>(9).fill("FAILED")]);
    const penalties = await db.penalty.findMany({ where: { playerId } });
    expect(penalties).toHaveLength(1);
    expect(rows.filter((r) => r.penaltyId !== null).map((r) => [r.dayKey, r.penaltyId])).toEqual([
      [TUE, penalties[0]!.id],
    ]);
    expect(await playerTotals(playerId)).toMatchObject({ streak: 0, shields: 0, lastSettledDay: "2040-03-14" });
  });

  it("spends the monthly shield on the first failed day: the day is shielded and the streak kept", async () => {
    const start = utc("2040-03-30", "08:00");
    const { playerId } = await makePlayer({ createdAt: start });
    const quest = await makeQuest(playerId, {}, start);
    await checkInAt(playerId, quest.id, utc("2040-03-30", "10:00"));

    const result = await settlePlayer(playerId, utc("2040-04-03", "04:00"));

    expect(result).toMatchObject({ settledDays: 4, penaltyOpened: true });
    const rows = await daySettlements(playerId);
    expect(rows.map((r) => [r.dayKey, r.outcome, r.streakAfter, r.shieldsAfter])).toEqual([
      ["2040-03-30", "CLEARED", 1, 1],
      ["2040-03-31", "SHIELDED", 1, 0],
      // A new month brings a new shield, spent at once.
      ["2040-04-01", "SHIELDED", 1, 0],
      ["2040-04-02", "FAILED", 0, 0],
    ]);
    expect(rows.find((r) => r.outcome === "SHIELDED")?.penaltyId).toBeNull();
    expect(await db.achievementUnlock.count({ where: { playerId, achievementId: "iron-will" } })).toBe(1);
  });

  it("does not award Iron Will for a shield that saved no streak", async () => {
    const start = utc("2040-03-12", "08:00");
    const { playerId } = await makePlayer({ createdAt: start });
    await makeQuest(playerId, {}, start);

    await settlePlayer(playerId, utc("2040-03-13", "04:00"));

    expect((await daySettlements(playerId)).map((r) => [r.outcome, r.streakAfter])).toEqual([["SHIELDED", 0]]);
    expect(await db.achievementUnlock.count({ where: { playerId, achievementId: "iron-will" } })).toBe(0);
  });
});

describe("the grace window and yesterday", () => {
  it("settles a day only 3 hours after it ends", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await checkInAt(playerId, quest.id, utc(MON, "10:00"));

    expect(await settlePlayer(playerId, utc(TUE, "02:59"))).toMatchObject({ settledDays: 0 });
    expect((await playerTotals(playerId)).lastSettledDay).toBeNull();
    expect(await settlePlayer(playerId, utc(TUE, "03:00"))).toMatchObject({ settledDays: 1 });
    expect(await outcomes(playerId)).toEqual([[MON, "CLEARED", 1]]);
  });

  it("settles yesterday at once when the player confirms it is done", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await checkInAt(playerId, quest.id, utc(MON, "10:00"));
    const now = utc(TUE, "00:30");

    expect(await settlePlayer(playerId, now)).toMatchObject({ settledDays: 0 });
    expect(await confirmYesterday(playerId, now)).toBe(MON);
    expect(await settlePlayer(playerId, now)).toMatchObject({ settledDays: 1 });
    expect(await outcomes(playerId)).toEqual([[MON, "CLEARED", 1]]);
  });

  it("counts a check-in for yesterday before settlement, and makes it a backfill without award after", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);

    const offline = await checkInAt(playerId, quest.id, utc(TUE, "01:00"), { happenedAt: `${MON}T22:00:00Z` });
    expect(offline.body.checkIn).toMatchObject({ dayKey: MON, source: "OFFLINE" });
    expect(offline.body.award).toMatchObject({ xp: 100, gold: 10 });
    await settlePlayer(playerId, utc(TUE, "03:00"));
    const settled = await daySettlements(playerId);
    expect(settled.map((s) => s.outcome)).toEqual(["CLEARED"]);
    const before = { totals: await playerTotals(playerId), ledger: await ledgerSum(playerId) };

    const late = await checkInAt(playerId, quest.id, utc(TUE, "10:00"), { happenedAt: `${MON}T23:00:00Z` });

    expect(late.body.checkIn).toMatchObject({ dayKey: MON, source: "BACKFILL" });
    expect(late.body.award).toMatchObject({ xp: 0, gold: 0 });
    expect(await db.ledgerEntry.count({ where: { checkInId: late.body.checkIn.id } })).toBe(0);
    expect(await playerTotals(playerId)).toEqual(before.totals);
    expect(await ledgerSum(playerId)).toEqual(before.ledger);
    expect(await daySettlements(playerId)).toEqual(settled);
  });

  it("does not change a settled failure with a backfill, nor lift its Penalty Quest", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await checkInAt(playerId, quest.id, utc(MON, "10:00"));
    await settlePlayer(playerId, utc(THU, "04:00"));
    const settled = await daySettlements(playerId);
    expect(settled.map((s) => s.outcome)).toEqual(["CLEARED", "SHIELDED", "FAILED"]);
    const before = await playerTotals(playerId);

    const backfill = await checkInAt(playerId, quest.id, utc(THU, "05:00"), { happenedAt: `${WED}T20:00:00Z` });

    expect(backfill.body.checkIn.source).toBe("BACKFILL");
    expect(backfill.body.award).toMatchObject({ xp: 0, held: false, penalty: null });
    expect(await daySettlements(playerId)).toEqual(settled);
    expect(await playerTotals(playerId)).toEqual(before);
    expect(await db.penalty.findFirstOrThrow({ where: { playerId } })).toMatchObject({ status: "OPEN", progress: 0 });
  });

  it("reaches 7 days back with a backfill and refuses older days", async () => {
    const { playerId, quest } = await playerAwayTenDays();
    const now = utc("2040-03-15", "09:00");
    await expectAppError(
      checkInAt(playerId, quest.id, now, { happenedAt: "2040-03-07T12:00:00Z" }),
      "VALIDATION_FAILED",
    );
    const sevenBack = await checkInAt(playerId, quest.id, now, { happenedAt: "2040-03-08T12:00:00Z" });
    expect(sevenBack.body.checkIn).toMatchObject({ dayKey: "2040-03-08", source: "BACKFILL" });
    expect(sevenBack.body.award.xp).toBe(0);
  });
});

/** A player with one daily, never done, settled on the 15th after 10 days away. */
async function playerAwayTenDays() {
  const { playerId } = await makePlayer();
  const quest = await makeQuest(playerId);
  const result = await settlePlayer(playerId, utc("2040-03-15", "04:00"));
  expect(result).toMatchObject({ settledDays: 10, penaltyOpened: true });
  return { playerId, quest };
}

describe("weekly quotas", () => {
  it("judges a TIMES_PER_WEEK quota on Sunday only", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { schedule: { type: "TIMES_PER_WEEK", n: 2 } });
    await checkInAt(playerId, quest.id, utc(TUE, "10:00"));
    await checkInAt(playerId, quest.id, utc(THU, "10:00"));
    await checkInAt(playerId, quest.id, utc("2040-03-14", "10:00")); // only once in the second week

    await settlePlayer(playerId, utc("2040-03-19", "04:00"));

    const rows = await outcomes(playerId);
    expect(rows).toHaveLength(14);
    expect(rows.filter(([, outcome]) => outcome !== "NEUTRAL")).toEqual([
      ["2040-03-11", "CLEARED", 1],
      ["2040-03-18", "SHIELDED", 1],
    ]);
  });
});

describe("rolloverAll", () => {
  it("visits players after the cursor, a batch at a time, and resumes from nextCursor", async () => {
    const players = [await makePlayer(), await makePlayer(), await makePlayer()];
    const ids = players.map((p) => p.playerId).sort();
    for (const id of ids) await setTestClock(id, utc(WED, "04:00"));
    const settledDays = async () => Promise.all(ids.map((playerId) => db.daySettlement.count({ where: { playerId } })));

    // From a cursor: only ids after it are visited.
    const fromSecond = await rolloverAll({ cursor: ids[1], batchSize: 50, budgetMs: 60_000 });
    expect(fromSecond.nextCursor).toBeNull();
    expect(await settledDays()).toEqual([0, 0, 2]);

    // Out of time after the first batch of one: it stops at the player it visited and says where to resume.
    const justBeforeFirst = ids[0]!.slice(0, -1);
    const stopped = await rolloverAll({ cursor: justBeforeFirst, batchSize: 1, budgetMs: 0 });
    expect(stopped).toMatchObject({ processed: 1, settledDays: 2, nextCursor: ids[0] });
    expect(await settledDays()).toEqual([2, 0, 2]);

    const resumed = await rolloverAll({ cursor: stopped.nextCursor!, batchSize: 3, budgetMs: 60_000 });
    expect(resumed.nextCursor).toBeNull();
    expect(resumed.processed).toBeGreaterThanOrEqual(2);
    // Every player settled each of Monday and Tuesday exactly once.
    expect(await settledDays()).toEqual([2, 2, 2]);
  });
});

describe("the rollover backstop's selection", () => {
  it("picks only Hunters with an ended, unsettled day or an expired Survival Quest, in every zone", async () => {
    const at = new Date();
    const hunter = async (timeZone: string, lastSettled: number | null, createdDaysAgo = 5) => {
      const { playerId } = await makePlayer({
        timeZone,
        createdAt: new Date(at.getTime() - createdDaysAgo * 86_400_000),
      });
      const today = localDay(at, { timeZone, dayStartMinute: 0 });
      await db.player.update({
        where: { id: playerId },
        data: { lastSettledDay: lastSettled === null ? null : addDays(today, lastSettled) },
      });
      return playerId;
    };
    const due = {
      neverSettled: await hunter("UTC", null),
      yesterdayOpenEast: await hunter("Pacific/Kiritimati", -2),
      yesterdayOpenWest: await hunter("Pacific/Pago_Pago", -2),
      expiredPenalty: await hunter("UTC", -1),
    };
    const notDue = {
      settledThroughYesterday: await hunter("UTC", -1),
      settledEast: await hunter("Pacific/Kiritimati", -1),
      settledWest: await hunter("Pacific/Pago_Pago", -1),
      newToday: await hunter("Pacific/Kiritimati", null, 0),
    };
    const { id: questId } = await makeQuest(due.expiredPenalty);
    await db.penalty.create({
      data: {
        playerId: due.expiredPenalty,
        questId,
        openedDay: addDays(localDay(at, { timeZone: "UTC", dayStartMinute: 0 }), -1),
        openedAt: new Date(at.getTime() - 30 * 3_600_000),
        deadline: new Date(at.getTime() - 3_600_000),
        required: 2,
      },
    });

    const picked = new Set((await dueAfter("", 1_000_000, await zonesInUse(), at)).map((r) => r.id));
    for (const [why, id] of Object.entries(due)) expect(picked.has(id), why).toBe(true);
    for (const [why, id] of Object.entries(notDue)) expect(picked.has(id), why).toBe(false);
  });
});
