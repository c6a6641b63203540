import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { AppError } from "@/lib/errors";
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

const DAY = "2040-03-05";

describe("undoCheckIn", () => {
  it("restores XP, gold, level and stat points exactly with compensating entries, keeping the check-in", async () => {
    const { playerId } = await makePlayer();
    const habit = await makeQuest(playerId, { kind: "HABIT" });
    const hard = await makeQuest(playerId, { difficulty: "HARD" });
    await checkInAt(playerId, habit.id, utc(DAY, "09:00"));
    await checkInAt(playerId, habit.id, utc(DAY, "09:01"));
    const before = { totals: await playerTotals(playerId), ledger: await ledgerSum(playerId) };
    expect(before.totals).toMatchObject({ xp: 250, level: 2 });

    const done = await checkInAt(playerId, hard.id, utc(DAY, "10:00"));
    expect(done.body.award.levelUp).toEqual({ from: 2, to: 3 });
    const result = await undoCheckIn(playerId, done.body.checkIn.id, utc(DAY, "11:00"));

    expect(result).toMatchObject({ xp: -150, gold: -15, player: { xp: 250, level: 2 } });
    expect(await playerTotals(playerId)).toEqual(before.totals);
    const after = await ledgerSum(playerId);
    expect(after).toMatchObject({ ...before.ledger, entries: before.ledger.entries + 2 });
    expect(after.statPoints).toBe(STAT_POINTS_PER_LEVEL * (before.totals.level - 1));
    const undoEntries = await db.ledgerEntry.findMany({ where: { checkInId: done.body.checkIn.id, reason: "UNDO" } });
    expect(undoEntries).toMatchObject([{ xp: -150, gold: -15, statPoints: -3 }]);
    const row = await db.checkIn.findUniqueOrThrow({ where: { id: done.body.checkIn.id }, include: { undo: true } });
    expect(row.undo).not.toBeNull();
  });

  it("refuses a second undo of the same check-in, also when both arrive at once", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { kind: "HABIT" });
    const first = await checkInAt(playerId, quest.id, utc(DAY, "09:00"));
    const second = await checkInAt(playerId, quest.id, utc(DAY, "09:01"));

    await undoCheckIn(playerId, first.body.checkIn.id, utc(DAY, "10:00"));
    await expectAppError(undoCheckIn(playerId, first.body.checkIn.id, utc(DAY, "10:01")), "CONFLICT");

    const racing = await Promise.allSettled([
      undoCheckIn(playerId, second.body.checkIn.id, utc(DAY, "10:02")),
      undoCheckIn(playerId, second.body.checkIn.id, utc(DAY, "10:02")),
    ]);
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = racing.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(AppError);
    expect(refused?.status === "rejected" && (refused.reason as AppError).code).toBe("CONFLICT");
    expect(await ledgerSum(playerId, ["UNDO"])).toMatchObject({ entries: 2, xp: -200, gold: -20 });
    expect(await ledgerSum(playerId, ["AWARD", "UNDO"])).toMatchObject({ xp: 0, gold: 0 });
  });

  it("refuses to undo a check-in of a settled day", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    const done = await checkInAt(playerId, quest.id, utc(DAY, "09:00"));
    await settlePlayer(playerId, utc("2040-03-06", "04:00"));
    const before = await ledgerSum(playerId);

    await expectAppError(undoCheckIn(playerId, done.body.checkIn.id, utc("2040-03-06", "10:00")), "CONFLICT");
    expect(await ledgerSum(playerId)).toEqual(before);
    expect(await db.checkInUndo.count({ where: { checkInId: done.body.checkIn.id } })).toBe(0);
  });

  it("removes a wrong backfill of a settled day: nothing paid moves, strength is restated", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await settlePlayer(playerId, utc("2040-03-07", "04:00"));
    const strengthBefore = (await db.quest.findUniqueOrThrow({ where: { id: quest.id } })).strength;
    const ledgerBefore = await ledgerSum(playerId);
    const backfilled = await checkInAt(playerId, quest.id, utc("2040-03-07", "10:00"), {
      happenedAt: utc(DAY, "12:00").toISOString(),
    });
    expect(backfilled.body.checkIn.source).toBe("BACKFILL");
    expect((await db.quest.findUniqueOrThrow({ where: { id: quest.id } })).strength).toBeGreaterThan(strengthBefore);

    const undone = await undoCheckIn(playerId, backfilled.body.checkIn.id, utc("2040-03-07", "10:05"));
    expect(undone).toMatchObject({ xp: 0, gold: 0 });
    expect(await ledgerSum(playerId)).toEqual(ledgerBefore);
    expect((await db.quest.findUniqueOrThrow({ where: { id: quest.id } })).strength).toBe(strengthBefore);
    await expectAppError(undoCheckIn(playerId, backfilled.body.checkIn.id, utc("2040-03-07", "10:06")), "CONFLICT");
  });

  it("keeps a backfill more than 7 days back: its history no longer changes", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await settlePlayer(playerId, utc("2040-03-07", "04:00"));
    const backfilled = await checkInAt(playerId, quest.id, utc("2040-03-07", "10:00"), {
      happenedAt: utc(DAY, "12:00").toISOString(),
    });
    const later = utc("2040-03-13", "10:00"); // 8 days after the 5th
    await settlePlayer(playerId, later);
    await expectAppError(undoCheckIn(playerId, backfilled.body.checkIn.id, later), "CONFLICT");
    expect(await db.checkInUndo.count({ where: { checkInId: backfilled.body.checkIn.id } })).toBe(0);
  });

  it("answers NOT_FOUND for another player's check-in", async () => {
    const [me, other] = [await makePlayer(), await makePlayer()];
    const quest = await makeQuest(other.playerId, { kind: "HABIT" });
    const theirs = await checkInAt(other.playerId, quest.id, utc(DAY, "09:00"));
    await expectAppError(undoCheckIn(me.playerId, theirs.body.checkIn.id, utc(DAY, "10:00")), "NOT_FOUND");
    expect(await db.checkInUndo.count({ where: { checkInId: theirs.body.checkIn.id } })).toBe(0);
  });

  it("lets a waiting check-in count once the counted one of a timesPerDay = 1 quest is undone", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { timesPerDay: 1 });
    const counted = await checkInAt(playerId, quest.id, utc(DAY, "09:00"));
    const waiting = await checkInAt(playerId, quest.id, utc(DAY, "09:30"));
    expect([counted.body.award.xp, waiting.body.award.xp]).toEqual([100, 0]);
    const before = await playerTotals(playerId);

    const result = await undoCheckIn(playerId, counted.body.checkIn.id, utc(DAY, "10:00"));

    expect(result.xp).toBe(0); // −100 for the undone one, +100 for the one that now counts
    expect(await playerTotals(playerId)).toEqual(before);
    const promoted = await db.ledgerEntry.findMany({ where: { checkInId: waiting.body.checkIn.id } });
    expect(promoted).toMatchObject([{ reason: "AWARD", xp: 100, gold: 10 }]);

    // Undoing that one too leaves nothing counted.
    await undoCheckIn(playerId, waiting.body.checkIn.id, utc(DAY, "10:05"));
    expect(await ledgerSum(playerId, ["AWARD", "UNDO"])).toMatchObject({ xp: 0, gold: 0 });
    expect((await playerTotals(playerId)).totalCheckIns).toBe(0);
  });
});

// The quests every run plays on: a once-a-day daily, a twice-a-day daily, a good habit and a to-do.
// No bad habit: its loss is clamped to the XP above the level floor at the time of the tap, so undoing an award
// it was clamped against moves the outcome away from a replay (an undo reverses only its own entries, it does not
// re-price later taps). With streak 3: NORMAL daily 110 (+50 First Steps), HARD habit 165 → 325, bad HARD tap −75
// → 250, undo the habit → 85; the replay (daily, bad tap) ends at 100 because its tap is clamped to 60.
const QUESTS = [
  { kind: "DAILY", difficulty: "NORMAL", timesPerDay: 1 },
  { kind: "DAILY", difficulty: "EASY", timesPerDay: 2 },
  { kind: "HABIT", difficulty: "HARD", positive: true },
  { kind: "ONE_TIME", difficulty: "NORMAL" },
] as const;

type Op = { type: "checkIn"; quest: number } | { type: "undo"; pick: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant("checkIn" as const), quest: fc.integer({ min: 0, max: QUESTS.length - 1 }) }),
  fc.record({ type: fc.constant("undo" as const), pick: fc.nat() }),
);

async function freshPlayerWithQuests() {
  const { playerId } = await makePlayer();
  // A 3-day streak (10% bonus) so awards are not round numbers. Set directly, as the streak is not under test
  // here, with the "Spark" (streak-3) unlock it would have brought, so no run unlocks it on its first check-in.
  await db.player.update({ where: { id: playerId }, data: { streak: 3 } });
  await db.achievementUnlock.create({ data: { playerId, achievementId: "streak-3" } });
  const quests = [];
  for (const quest of QUESTS) quests.push((await makeQuest(playerId, quest)).id);
  return { playerId, quests };
}

/**
 * The player's state from quest awards. Achievements are permanent unlocks: an undo does not take their reward
 * back, so a run that unlocked "First Steps" and then undid every check-in keeps its 50 XP while the replay never
 * earned it. Their ledger entries are subtracted on both sides. Runs are at most 8 check-ins (< 10 check-ins,
 * < 1,600 XP), so "First Steps" is the only achievement in reach, and the level, stat points and streak compare as is.
 */
async function questState(playerId: string, quests: string[]) {
  const totals = await playerTotals(playerId);
  const achievements = await ledgerSum(playerId, ["ACHIEVEMENT"]);
  const entries = await db.ledgerEntry.findMany({
    where: { playerId, checkInId: { not: null } },
    select: { xp: true, heldXp: true, checkIn: { select: { questId: true } } },
  });
  return {
    xp: totals.xp - achievements.xp,
    gold: totals.gold - achievements.gold,
    heldXp: totals.heldXp,
    heldGold: totals.heldGold,
    level: totals.level,
    streak: totals.streak,
    totalCheckIns: totals.totalCheckIns,
    statPoints: (await ledgerSum(playerId)).statPoints,
    xpByQuest: quests.map((id) =>
      entries.filter((e) => e.checkIn?.questId === id).reduce((sum, e) => sum + e.xp + e.heldXp, 0),
    ),
  };
}

describe("undo, as a property", () => {
  it("ends any day of check-ins and undos where replaying only the remaining check-ins would", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 8 }), async (ops) => {
        const actual = await freshPlayerWithQuests();
        const live: { id: string; quest: number; at: Date }[] = [];
        for (const [i, op] of ops.entries()) {
          const at = new Date(utc(DAY, "09:00").getTime() + i * 60_000);
          if (op.type === "undo") {
            if (live.length === 0) continue;
            const [undone] = live.splice(op.pick % live.length, 1);
            await undoCheckIn(actual.playerId, undone!.id, at);
            continue;
          }
          const quest = actual.quests[op.quest]!;
          const reply = await checkInAt(actual.playerId, quest, at).catch((error: unknown) => {
            // A to-do that is already done refuses further check-ins: nothing was recorded.
            if (error instanceof AppError && error.code === "CONFLICT" && QUESTS[op.quest]!.kind === "ONE_TIME") {
              return null;
            }
            throw error;
          });
          if (reply) live.push({ id: reply.body.checkIn.id, quest: op.quest, at });
        }

        const replay = await freshPlayerWithQuests();
        for (const { quest, at } of live) await checkInAt(replay.playerId, replay.quests[quest]!, at);

        const [got, expected] = [
          await questState(actual.playerId, actual.quests),
          await questState(replay.playerId, replay.quests),
        ];
        expect(got).toEqual(expected);
        expect(got.statPoints).toBe(STAT_POINTS_PER_LEVEL * (got.level - 1));
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
