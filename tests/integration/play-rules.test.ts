// The rules of docs/rules.md at the service layer, on the real Postgres: targets and their undo, at-most limits
// settled with their award, to-dos that stay done, habits that grow strength and stats, and achievements judged
// on each settled day of a batch.
import { describe, expect, it } from "vitest";
import { ACHIEVEMENTS } from "@/lib/achievements/catalogue";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { getPlayerStatus } from "@/lib/player/queries";
import { checkInAt, ledgerSum, makePlayer, makeQuest, playerTotals, utc } from "@/tests/support/factories";

const MON = "2040-03-05";
const TUE = "2040-03-06";

async function expectLedgerAgrees(playerId: string) {
  const [totals, ledger] = [await playerTotals(playerId), await ledgerSum(playerId)];
  expect({ xp: totals.xp, gold: totals.gold, heldXp: totals.heldXp }).toEqual({
    xp: ledger.xp,
    gold: ledger.gold,
    heldXp: ledger.heldXp,
  });
}

describe("numeric targets", () => {
  it("award once when the day's total reaches the target, and an undo below it takes the award back", async () => {
    const { playerId } = await makePlayer();
    const steps = await makeQuest(playerId, { target: { value: 10_000, unit: "steps" } });
    // Awards and their undos only: achievement rewards are permanent (docs/rules.md).
    const awarded = async () => (await ledgerSum(playerId, ["AWARD", "UNDO"])).xp;
    const a = await checkInAt(playerId, steps.id, utc(MON, "08:00"), { value: 6_000 });
    const b = await checkInAt(playerId, steps.id, utc(MON, "12:00"), { value: 5_000 });
    expect([a.body.award.xp, b.body.award.xp]).toEqual([0, 100]);
    expect(b.body.day).toMatchObject({ total: 11_000, complete: true });

    // Undoing the first entry leaves 5,000 steps: the completion award goes.
    await undoCheckIn(playerId, a.body.checkIn.id, utc(MON, "13:00"));
    expect(await awarded()).toBe(0);
    await expectLedgerAgrees(playerId);

    // A new entry reaching the target again earns it again, once.
    const c = await checkInAt(playerId, steps.id, utc(MON, "18:00"), { value: 5_000 });
    expect(c.body.award.xp).toBe(100);
    await expectLedgerAgrees(playerId);

    // Undoing the awarded entry when the rest fall short (9,000) takes the award; reaching it again earns it.
    const d = await checkInAt(playerId, steps.id, utc(MON, "19:00"), { value: 4_000 });
    expect(d.body.award.xp).toBe(0);
    await undoCheckIn(playerId, c.body.checkIn.id, utc(MON, "20:00"));
    expect(await awarded()).toBe(0);
    const e = await checkInAt(playerId, steps.id, utc(MON, "21:00"), { value: 1_000 });
    expect(e.body.award.xp).toBe(100);
    await expectLedgerAgrees(playerId);
  });

  it("judge an at-most limit at settlement: held pays then, broken does not, and the day follows", async () => {
    const { playerId } = await makePlayer();
    const coffee = await makeQuest(playerId, { target: { value: 2, unit: "cups", direction: "AT_MOST" } });
    await checkInAt(playerId, coffee.id, utc(MON, "08:00"), { value: 1 });
    await checkInAt(playerId, coffee.id, utc(TUE, "08:00"), { value: 3 });
    await settlePlayer(playerId, utc("2040-03-07", "04:00"));

    const limits = await db.ledgerEntry.findMany({ where: { playerId, detail: { startsWith: "limit-held:" } } });
    expect(limits.map((e) => [e.dayKey, e.xp])).toEqual([[MON, 100]]);
    const outcomes = await db.daySettlement.findMany({ where: { playerId }, orderBy: { dayKey: "asc" } });
    expect(outcomes.map((o) => o.outcome)).toEqual(["CLEARED", "SHIELDED"]);
    await expectLedgerAgrees(playerId);
  });
});

describe("to-dos", () => {
  it("stay done on later days, and an undo on the day opens them again", async () => {
    const { playerId } = await makePlayer();
    const todo = await makeQuest(playerId, { kind: "ONE_TIME", stats: [] });
    const done = await checkInAt(playerId, todo.id, utc(MON, "10:00"));
    const later = await getPlayerStatus(playerId, utc("2040-03-12", "10:00"));
    expect(later.quests.find((q) => q.id === todo.id)).toMatchObject({ done: true, completeToday: true });

    await undoCheckIn(playerId, done.body.checkIn.id, utc(MON, "11:00"));
    const reopened = await getPlayerStatus(playerId, utc(MON, "11:00"));
    expect(reopened.quests.find((q) => q.id === todo.id)).toMatchObject({ done: false, dueToday: true });
  });
});

describe("habits and stats", () => {
  it("a good habit grows strength on days with a tap and feeds its stat; a bad habit on days without one", async () => {
    const { playerId } = await makePlayer();
    const good = await makeQuest(playerId, { kind: "HABIT", stats: ["VIT"] });
    const bad = await makeQuest(playerId, { kind: "HABIT", positive: false, stats: ["PER"] });
    for (let d = 5; d <= 11; d++) await checkInAt(playerId, good.id, utc(`2040-03-${String(d).padStart(2, "0")}`));
    await checkInAt(playerId, bad.id, utc(MON));
    await settlePlayer(playerId, utc("2040-03-12", "04:00"));

    const [goodRow, badRow] = await Promise.all([
      db.quest.findUniqueOrThrow({ where: { id: good.id } }),
      db.quest.findUniqueOrThrow({ where: { id: bad.id } }),
    ]);
    expect(goodRow.strength).toBeGreaterThan(badRow.strength);
    expect(badRow.strength).toBeGreaterThan(0);
    const status = await getPlayerStatus(playerId, utc("2040-03-12", "05:00"));
    expect(status.stats.VIT).toBe(10 + Math.round(10 * goodRow.strength));
    expect(status.statSources.VIT.quests).toEqual([{ id: good.id, title: good.title, strength: goodRow.strength }]);
  });
});

describe("achievements over a batch of settled days", () => {
  it("unlock a streak reached inside the batch even when a later day of it broke the streak", async () => {
    const { playerId } = await makePlayer();
    const daily = await makeQuest(playerId);
    // Three days cleared, then three missed (one shielded, two failed), all settled by one visit.
    for (const day of ["2040-03-05", "2040-03-06", "2040-03-07"]) await checkInAt(playerId, daily.id, utc(day));
    await settlePlayer(playerId, utc("2040-03-11", "04:00"));
    expect((await playerTotals(playerId)).streak).toBe(0);
    const unlocked = await db.achievementUnlock.findMany({ where: { playerId }, select: { achievementId: true } });
    const spark = ACHIEVEMENTS.find((a) => a.name === "Spark")!;
    expect(unlocked.map((u) => u.achievementId)).toContain(spark.id);
    expect((await ledgerSum(playerId, ["ACHIEVEMENT"])).entries).toBeGreaterThan(0);
  });
});
