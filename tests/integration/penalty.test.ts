import { describe, expect, it } from "vitest";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { getPlayerStatus } from "@/lib/player/queries";
import { STAT_POINTS_PER_LEVEL } from "@/lib/progression/rules";
import {
  checkInAt,
  expectAppError,
  ledgerSum,
  makePlayer,
  makeQuest,
  playerTotals,
  utc,
} from "@/tests/support/factories";

const ZONE_DAY = "2040-03-07";
const OPENED = utc(ZONE_DAY, "04:00");
const DEADLINE = utc(ZONE_DAY, "10:00");

/**
 * A Hunter in the Penalty Zone: two dailies missed on Monday (saved by the monthly shield) and Tuesday (no shield
 * left) open the Survival Quest at Wednesday's rollover, 04:00, due 6 hours later. Before the zone opens, the
 * Hunter has 100 XP from a habit tap plus "First Steps" (50 XP, 10 gold), so no achievement unlocked in the zone
 * muddies the held totals. (Monday's shield saved no streak, so it earns no "Iron Will".) Completing the dailies
 * clears the zone; habit taps are held but do not count toward it.
 */
async function playerInPenaltyZone() {
  const { playerId } = await makePlayer();
  const daily = await makeQuest(playerId);
  const second = await makeQuest(playerId);
  const habit = await makeQuest(playerId, { kind: "HABIT" });
  await checkInAt(playerId, habit.id, utc("2040-03-05", "09:00"));
  const settled = await settlePlayer(playerId, OPENED);
  expect(settled).toMatchObject({ settledDays: 2, penaltyOpened: true });
  const penalty = await db.penalty.findFirstOrThrow({ where: { playerId } });
  expect(penalty).toMatchObject({ status: "OPEN", deadline: DEADLINE, progress: 0, required: 2 });
  expect(await playerTotals(playerId)).toMatchObject({ xp: 150, gold: 20, heldXp: 0, streak: 0 });
  return { playerId, daily, second, habit, penalty };
}

describe("the Penalty Zone", () => {
  it("takes an undone check-in's hold back and its step off the Survival Quest, and after clearing its release", async () => {
    const { playerId, daily, second, penalty } = await playerInPenaltyZone();
    const first = await checkInAt(playerId, daily.id, utc(ZONE_DAY, "05:00"));
    await undoCheckIn(playerId, first.body.checkIn.id, utc(ZONE_DAY, "05:01"));
    expect(await playerTotals(playerId)).toMatchObject({ xp: 150, gold: 20, heldXp: 0, heldGold: 0 });
    expect(await db.penalty.findUniqueOrThrow({ where: { id: penalty.id } })).toMatchObject({
      status: "OPEN",
      progress: 0,
    });

    // Cleared with both dailies, then one taken back: its released award leaves the credited totals.
    const again = await checkInAt(playerId, daily.id, utc(ZONE_DAY, "05:02"));
    const clearing = await checkInAt(playerId, second.id, utc(ZONE_DAY, "05:03"));
    expect(clearing.body.award.penalty).toMatchObject({ cleared: true });
    const cleared = await playerTotals(playerId);
    expect(cleared).toMatchObject({ heldXp: 0, heldGold: 0 });
    await undoCheckIn(playerId, again.body.checkIn.id, utc(ZONE_DAY, "05:04"));
    expect(await playerTotals(playerId)).toMatchObject({ xp: cleared.xp - 100, gold: cleared.gold - 10, heldXp: 0 });
  });

  it("holds awards while it is open: heldXp grows, xp does not", async () => {
    const { playerId, daily, penalty } = await playerInPenaltyZone();

    const reply = await checkInAt(playerId, daily.id, utc(ZONE_DAY, "05:00"));

    expect(reply.body.award).toMatchObject({
      xp: 100,
      gold: 10,
      held: true,
      penalty: { progress: 1, required: 2, cleared: false },
    });
    expect(await playerTotals(playerId)).toMatchObject({ xp: 150, gold: 20, heldXp: 100, heldGold: 10 });
    expect(await ledgerSum(playerId, ["PENALTY_HOLD"])).toMatchObject({ entries: 1, heldXp: 100, heldGold: 10 });
    const status = await getPlayerStatus(playerId, utc(ZONE_DAY, "05:00"));
    expect(status.penaltyZone).toMatchObject({ penaltyId: penalty.id, progress: 1, required: 2 });
    expect(status.held).toEqual({ xp: 100, gold: 10 });
  });

  it("refuses a check-in on the Survival Quest itself", async () => {
    const { playerId, penalty } = await playerInPenaltyZone();
    await expectAppError(checkInAt(playerId, penalty.questId, utc(ZONE_DAY, "05:00")), "CONFLICT");
  });

  it("is cleared by 2 counted check-ins in time: held awards are credited, the zone closes, Survivor unlocks", async () => {
    const { playerId, daily, second, habit, penalty } = await playerInPenaltyZone();

    await checkInAt(playerId, daily.id, utc(ZONE_DAY, "05:00"));
    const clearing = await checkInAt(playerId, second.id, utc(ZONE_DAY, "09:59"));

    expect(clearing.body.award).toMatchObject({ held: false, penalty: { progress: 2, required: 2, cleared: true } });
    expect(clearing.body.award.achievements.map((a) => a.id)).toContain("survivor");
    expect(await db.penalty.findUniqueOrThrow({ where: { id: penalty.id } })).toMatchObject({
      status: "CLEARED",
      openSlot: null,
      closedAt: utc(ZONE_DAY, "09:59"),
    });
    expect(await ledgerSum(playerId, ["PENALTY_RELEASE"])).toMatchObject({
      entries: 1,
      xp: 200,
      gold: 20,
      heldXp: -200,
      heldGold: -20,
    });
    const survivor = await db.ledgerEntry.findFirstOrThrow({ where: { playerId, detail: "survivor" } });
    expect(await playerTotals(playerId)).toMatchObject({
      xp: 150 + 200 + survivor.xp,
      gold: 20 + 20 + survivor.gold,
      heldXp: 0,
      heldGold: 0,
    });
    expect((await getPlayerStatus(playerId, utc(ZONE_DAY, "10:00"))).penaltyZone).toBeNull();

    // Out of the zone, awards are credited again.
    const after = await checkInAt(playerId, habit.id, utc(ZONE_DAY, "10:30"));
    expect(after.body.award).toMatchObject({ xp: 100, held: false, penalty: null });
    expect((await playerTotals(playerId)).heldXp).toBe(0);
  });

  it("counts completed dailies, not habit taps, toward the Survival Quest", async () => {
    const { playerId, habit } = await playerInPenaltyZone();
    for (const minute of ["05:00", "05:01", "05:02"]) {
      const tap = await checkInAt(playerId, habit.id, utc(ZONE_DAY, minute));
      expect(tap.body.award).toMatchObject({ xp: 100, held: true, penalty: { progress: 0, required: 2 } });
    }
    expect((await getPlayerStatus(playerId, utc(ZONE_DAY, "05:03"))).penaltyZone).toMatchObject({ progress: 0 });
  });

  it("costs more when ignored than when tried and failed", async () => {
    const ignored = await playerInPenaltyZone();
    const tried = await playerInPenaltyZone();
    await checkInAt(tried.playerId, tried.daily.id, utc(ZONE_DAY, "05:00"));
    const before = { ignored: await playerTotals(ignored.playerId), tried: await playerTotals(tried.playerId) };
    for (const { playerId } of [ignored, tried]) {
      expect(await settlePlayer(playerId, utc(ZONE_DAY, "10:01"))).toMatchObject({ penaltyExpired: true });
    }
    const after = { ignored: await playerTotals(ignored.playerId), tried: await playerTotals(tried.playerId) };
    // Ignoring: a fine of 100 XP (down to the level floor) and 10% of gold.
    expect(after.ignored).toMatchObject({ xp: before.ignored.xp - 50, gold: before.ignored.gold - 2 });
    expect(await db.penalty.findFirstOrThrow({ where: { playerId: ignored.playerId } })).toMatchObject({
      status: "FAILED",
      fineXp: 50,
      fineGold: 2,
      returnedXp: 0,
    });
    // Trying: half of the 100 held XP comes back, so the attempt ends ahead of doing nothing.
    expect(after.tried.xp).toBeGreaterThan(after.ignored.xp);
    expect(after.tried.gold).toBeGreaterThanOrEqual(after.ignored.gold);
    expect(after.tried).toMatchObject({ heldXp: 0, heldGold: 0 });
    await expectLedgerAgrees(tried.playerId);
    await expectLedgerAgrees(ignored.playerId);
  });

  it("expires after its deadline: half the held awards return, the rest is forfeited, a fine is taken", async () => {
    const { playerId, daily, habit, penalty } = await playerInPenaltyZone();
    await checkInAt(playerId, daily.id, utc(ZONE_DAY, "05:00"));

    // One minute before the deadline nothing is due.
    expect(await settlePlayer(playerId, utc(ZONE_DAY, "09:59"))).toMatchObject({ penaltyExpired: false });
    expect((await db.penalty.findUniqueOrThrow({ where: { id: penalty.id } })).status).toBe("OPEN");

    // At the deadline the zone no longer holds awards, even before the expiry is processed.
    const late = await checkInAt(playerId, habit.id, DEADLINE);
    expect(late.body.award).toMatchObject({ xp: 100, held: false, penalty: null });

    expect(await settlePlayer(playerId, utc(ZONE_DAY, "10:01"))).toMatchObject({ penaltyExpired: true });
    expect(await db.penalty.findUniqueOrThrow({ where: { id: penalty.id } })).toMatchObject({
      status: "FAILED",
      openSlot: null,
      progress: 1,
    });
    expect((await db.quest.findUniqueOrThrow({ where: { id: penalty.questId } })).archivedAt).not.toBeNull();
    expect(await ledgerSum(playerId, ["PENALTY_FORFEIT"])).toMatchObject({
      entries: 1,
      xp: 50,
      gold: 5,
      heldXp: -100,
      heldGold: -10,
    });
    // 250 XP and 30 gold: the fine takes 100 XP (the level-2 floor is 100) and 10% of the gold, then +50 and +5
    // of the held award come back.
    expect(await ledgerSum(playerId, ["PENALTY_FINE"])).toMatchObject({ entries: 1, xp: -100, gold: -3 });
    expect(await playerTotals(playerId)).toMatchObject({ xp: 200, gold: 32, heldXp: 0, heldGold: 0 });
    expect(await db.achievementUnlock.count({ where: { playerId, achievementId: "survivor" } })).toBe(0);

    // Expiring is done once.
    expect(await settlePlayer(playerId, utc(ZONE_DAY, "11:00"))).toMatchObject({ penaltyExpired: false });
    expect((await ledgerSum(playerId, ["PENALTY_FORFEIT"])).entries).toBe(1);
  });
});

/** Player's running totals equal the sums of its append-only ledger, and stat points follow the level. */
async function expectLedgerAgrees(playerId: string) {
  const [totals, ledger] = [await playerTotals(playerId), await ledgerSum(playerId)];
  expect({ xp: totals.xp, gold: totals.gold, heldXp: totals.heldXp, heldGold: totals.heldGold }).toEqual({
    xp: ledger.xp,
    gold: ledger.gold,
    heldXp: ledger.heldXp,
    heldGold: ledger.heldGold,
  });
  expect(ledger.statPoints).toBe(STAT_POINTS_PER_LEVEL * (totals.level - 1));
}

describe("Player totals and the ledger", () => {
  it("agree after awards, undos, bad habits, a released and a forfeited Penalty Zone, and achievements", async () => {
    const { playerId } = await makePlayer();
    const daily = await makeQuest(playerId, { difficulty: "HARD" });
    const habit = await makeQuest(playerId, { kind: "HABIT" });
    const vice = await makeQuest(playerId, { kind: "HABIT", positive: false, difficulty: "EASY" });

    // Monday: awards, a bad habit, an undo.
    await checkInAt(playerId, habit.id, utc("2040-03-05", "09:00"));
    await checkInAt(playerId, vice.id, utc("2040-03-05", "09:10"));
    const undone = await checkInAt(playerId, habit.id, utc("2040-03-05", "09:20"));
    await undoCheckIn(playerId, undone.body.checkIn.id, utc("2040-03-05", "09:30"));
    await expectLedgerAgrees(playerId);

    // Monday's daily missed (shielded), Tuesday's too: the Penalty Zone opens on Wednesday.
    expect(await settlePlayer(playerId, utc("2040-03-07", "04:00"))).toMatchObject({ penaltyOpened: true });
    const held = await checkInAt(playerId, habit.id, utc("2040-03-07", "05:00"));
    await undoCheckIn(playerId, held.body.checkIn.id, utc("2040-03-07", "05:10")); // dropped from the hold
    const released = await checkInAt(playerId, habit.id, utc("2040-03-07", "05:20"));
    await expectLedgerAgrees(playerId);
    const clearing = await checkInAt(playerId, daily.id, utc("2040-03-07", "05:30"));
    expect(clearing.body.award.penalty).toMatchObject({ cleared: true });
    // Undoing a check-in whose held award was already released takes it back from the credited totals.
    await undoCheckIn(playerId, released.body.checkIn.id, utc("2040-03-07", "05:40"));
    await checkInAt(playerId, vice.id, utc("2040-03-07", "06:00"));
    await expectLedgerAgrees(playerId);

    // Thursday and Friday missed: a second zone opens on Saturday and runs out with an award held.
    expect(await settlePlayer(playerId, utc("2040-03-10", "04:00"))).toMatchObject({ penaltyOpened: true });
    const forfeited = await checkInAt(playerId, habit.id, utc("2040-03-10", "05:00"));
    expect(forfeited.body.award.held).toBe(true);
    expect(await settlePlayer(playerId, utc("2040-03-10", "10:00"))).toMatchObject({ penaltyExpired: true });
    // Undoing the forfeited one moves nothing more: its award is gone already.
    await undoCheckIn(playerId, forfeited.body.checkIn.id, utc("2040-03-10", "10:30"));
    await checkInAt(playerId, daily.id, utc("2040-03-10", "11:00"));
    await expectLedgerAgrees(playerId);

    const reasons = await db.ledgerEntry.groupBy({ by: ["reason"], where: { playerId }, _count: { _all: true } });
    expect(reasons.map((r) => r.reason).sort()).toEqual(
      [
        "ACHIEVEMENT",
        "AWARD",
        "BAD_HABIT",
        "PENALTY_FINE",
        "PENALTY_FORFEIT",
        "PENALTY_HOLD",
        "PENALTY_RELEASE",
        "UNDO",
      ].sort(),
    );
    const unlocked = await db.achievementUnlock.findMany({ where: { playerId }, select: { achievementId: true } });
    expect(unlocked.map((u) => u.achievementId)).toEqual(expect.arrayContaining(["first-steps", "survivor"]));
    expect((await playerTotals(playerId)).level).toBeGreaterThan(1);
  });
});
