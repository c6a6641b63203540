import { describe, expect, it } from "vitest";
import { checkIn } from "@/lib/check-ins/service";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { archiveQuest } from "@/lib/quests/service";
import {
  checkInAt,
  EPOCH,
  expectAppError,
  ledgerSum,
  makePlayer,
  makeQuest,
  playerTotals,
  utc,
} from "@/tests/support/factories";

const MONDAY = "2040-03-05";
/** How many requests the concurrency tests send at once. */
const TIMES = 25;

/** Everything a refused check-in must leave untouched, for each player given. */
async function written(...playerIds: string[]) {
  return Promise.all(
    playerIds.map(async (playerId) => ({
      checkIns: await db.checkIn.count({ where: { playerId } }),
      ledger: await db.ledgerEntry.count({ where: { playerId } }),
      totals: await playerTotals(playerId),
    })),
  );
}

describe("check-in awards", () => {
  it.each([
    ["EASY", 50, 5],
    ["NORMAL", 100, 10],
    ["HARD", 150, 15],
  ] as const)("a %s quest awards %i XP and %i gold, recorded in the ledger", async (difficulty, xp, gold) => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { difficulty });

    const reply = await checkInAt(playerId, quest.id, utc(MONDAY, "10:00"));

    expect(reply.status).toBe(201);
    expect(reply.body.checkIn).toMatchObject({ questId: quest.id, dayKey: MONDAY, source: "LIVE" });
    expect(reply.body.award).toMatchObject({ xp, gold, held: false });
    expect(await ledgerSum(playerId, ["AWARD"])).toMatchObject({ entries: 1, xp, gold });
    // The first counted check-in also unlocks "First Steps", whose reward is its own ledger entry.
    expect(reply.body.award.achievements.map((a) => a.id)).toEqual(["first-steps"]);
    const achievement = await ledgerSum(playerId, ["ACHIEVEMENT"]);
    expect(await playerTotals(playerId)).toMatchObject({
      xp: xp + achievement.xp,
      gold: gold + achievement.gold,
      totalCheckIns: 1,
    });
  });

  it("adds the streak bonus once the player has a streak", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    for (const day of ["2040-03-05", "2040-03-06", "2040-03-07"]) {
      const reply = await checkInAt(playerId, quest.id, utc(day, "10:00"));
      expect(reply.body.award.xp).toBe(100);
    }
    await settlePlayer(playerId, utc("2040-03-08", "04:00"));
    expect((await playerTotals(playerId)).streak).toBe(3);

    const reply = await checkInAt(playerId, quest.id, utc("2040-03-08", "10:00"));
    expect(reply.body.award).toMatchObject({ xp: 110, gold: 11 });
  });

  it.each([
    [7, "HARD", 172, 17],
    [14, "EASY", 62, 6],
    [30, "NORMAL", 140, 14],
  ] as const)("a %i-day streak makes a %s check-in worth %i XP and %i gold", async (streak, difficulty, xp, gold) => {
    const { playerId } = await makePlayer();
    // Earning a long streak through rollovers is covered above; here only the bonus table is at stake.
    await db.player.update({ where: { id: playerId }, data: { streak } });
    const quest = await makeQuest(playerId, { difficulty });
    const reply = await checkInAt(playerId, quest.id, utc(MONDAY, "10:00"));
    expect(reply.body.award).toMatchObject({ xp, gold });
    expect(await ledgerSum(playerId, ["AWARD"])).toMatchObject({ xp, gold });
  });

  it("counts only the first timesPerDay check-ins of a day; later ones are recorded without an award", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { timesPerDay: 2 });

    const awards = [];
    for (const time of ["09:00", "10:00", "11:00"]) {
      awards.push((await checkInAt(playerId, quest.id, utc(MONDAY, time))).body.award.xp);
    }
    expect(awards).toEqual([100, 100, 0]);
    expect(await db.checkIn.count({ where: { questId: quest.id } })).toBe(3);
    expect(await ledgerSum(playerId, ["AWARD"])).toMatchObject({ entries: 2, xp: 200, gold: 20 });
    expect((await playerTotals(playerId)).totalCheckIns).toBe(2);

    // A new day starts a new count.
    const nextDay = await checkInAt(playerId, quest.id, utc("2040-03-06", "09:00"));
    expect(nextDay.body.award.xp).toBe(100);
  });

  it("completes a ONE_TIME quest once: a second check-in is a conflict (409), even on a later day", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { kind: "ONE_TIME", difficulty: "HARD" });

    expect((await checkInAt(playerId, quest.id, utc(MONDAY, "09:00"))).body.award.xp).toBe(150);
    const before = await written(playerId);
    const sameDay = await expectAppError(checkInAt(playerId, quest.id, utc(MONDAY, "10:00")), "CONFLICT");
    expect(sameDay.status).toBe(409);
    await expectAppError(checkInAt(playerId, quest.id, utc("2040-03-06", "10:00")), "CONFLICT");
    expect(await written(playerId)).toEqual(before);
  });

  it("awards a good HABIT on every tap", async () => {
    const { playerId } = await makePlayer();
    const habit = await makeQuest(playerId, { kind: "HABIT", difficulty: "EASY", positive: true });
    for (const time of ["09:00", "09:01", "09:02", "09:03"]) {
      expect((await checkInAt(playerId, habit.id, utc(MONDAY, time))).body.award.xp).toBe(50);
    }
    expect(await ledgerSum(playerId, ["AWARD"])).toMatchObject({ entries: 4, xp: 200, gold: 20 });
  });

  it("makes a bad HABIT cost floor(base/2) XP, never below the floor of the current level", async () => {
    const { playerId } = await makePlayer();
    const good = await makeQuest(playerId, { kind: "HABIT", positive: true });
    const bad = (difficulty: string) => makeQuest(playerId, { kind: "HABIT", positive: false, difficulty });
    const [easy, hard, normal] = [await bad("EASY"), await bad("HARD"), await bad("NORMAL")];

    await checkInAt(playerId, good.id, utc(MONDAY, "09:00"));
    // 100 XP + 50 from "First Steps": level 2 (100 XP) with 50 above its floor.
    expect(await playerTotals(playerId)).toMatchObject({ xp: 150, level: 2 });

    await checkInAt(playerId, easy.id, utc(MONDAY, "09:01"));
    expect(await playerTotals(playerId)).toMatchObject({ xp: 125, gold: 20, level: 2 });
    await checkInAt(playerId, hard.id, utc(MONDAY, "09:02")); // 75, clamped to the 25 above the floor
    expect(await playerTotals(playerId)).toMatchObject({ xp: 100, level: 2 });
    const atFloor = await checkInAt(playerId, normal.id, utc(MONDAY, "09:03"));
    expect(atFloor.body.award.xp).toBeCloseTo(0);
    expect(await playerTotals(playerId)).toMatchObject({ xp: 100, gold: 20, level: 2, totalCheckIns: 1 });

    expect(await ledgerSum(playerId, ["BAD_HABIT"])).toMatchObject({ entries: 2, xp: -50, gold: 0 });
    expect(await db.checkIn.count({ where: { playerId } })).toBe(4);
  });
});

describe("check-ins that are refused", () => {
  it("refuses a check-in on a PENALTY quest and writes nothing", async () => {
    const { playerId } = await makePlayer();
    const penaltyQuest = await db.quest.create({
      data: {
        playerId,
        kind: "PENALTY",
        title: "Survival Quest",
        difficulty: "HARD",
        stats: ["VIT"],
        createdDay: MONDAY,
      },
    });
    const before = await written(playerId);
    await expectAppError(checkInAt(playerId, penaltyQuest.id, utc(MONDAY, "10:00")), "CONFLICT");
    expect(await written(playerId)).toEqual(before);
  });

  it("answers NOT_FOUND for an archived quest or another player's quest, and writes nothing", async () => {
    const [me, other] = [await makePlayer(), await makePlayer()];
    const archived = await makeQuest(me.playerId);
    await archiveQuest(me.playerId, archived.id, utc(MONDAY, "09:00"));
    const theirs = await makeQuest(other.playerId);
    const before = await written(me.playerId, other.playerId);

    await expectAppError(checkInAt(me.playerId, archived.id, utc(MONDAY, "10:00")), "NOT_FOUND");
    await expectAppError(checkInAt(me.playerId, theirs.id, utc(MONDAY, "10:00")), "NOT_FOUND");
    await expectAppError(checkInAt(me.playerId, "no-such-quest", utc(MONDAY, "10:00")), "NOT_FOUND");
    expect(await written(me.playerId, other.playerId)).toEqual(before);
  });

  it("refuses a happenedAt in the future (beyond 5 minutes of clock skew) and writes nothing", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { kind: "HABIT" });
    const now = utc(MONDAY, "10:00");
    const before = await written(playerId);

    const error = await expectAppError(
      checkInAt(playerId, quest.id, now, { happenedAt: "2040-03-05T10:06:00Z" }),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors?.happenedAt).toBeTypeOf("string");
    expect(await written(playerId)).toEqual(before);

    // A device clock a little ahead is tolerated.
    const skewed = await checkInAt(playerId, quest.id, now, { happenedAt: "2040-03-05T10:04:00Z" });
    expect(skewed.status).toBe(201);
  });

  it("refuses a check-in dated before its quest existed", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, {}, utc("2040-03-06", "09:00"));
    await expectAppError(
      checkInAt(playerId, quest.id, utc("2040-03-06", "10:00"), { happenedAt: EPOCH.toISOString() }),
      "VALIDATION_FAILED",
    );
  });
});

describe("idempotency", () => {
  it("answers a retried key with the original reply and awards once", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { kind: "HABIT" });
    const input = { idempotencyKey: "retry-key-0001" };

    const first = await checkIn(playerId, quest.id, input, utc(MONDAY, "10:00"));
    const retry = await checkIn(playerId, quest.id, input, utc(MONDAY, "10:05"));

    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await db.checkIn.count({ where: { playerId } })).toBe(1);
    expect(await ledgerSum(playerId, ["AWARD"])).toMatchObject({ entries: 1, xp: 100 });
  });

  it("refuses the key sent with another quest, value or time (422) and writes nothing", async () => {
    const { playerId } = await makePlayer();
    const water = await makeQuest(playerId, { kind: "HABIT", title: "Water", target: { value: 8, unit: "glasses" } });
    const other = await makeQuest(playerId, { kind: "HABIT", title: "Other" });
    const key = "one-request-0001";
    await checkIn(playerId, water.id, { idempotencyKey: key, value: 2 }, utc(MONDAY, "10:00"));
    const before = await written(playerId);

    for (const [questId, input] of [
      [other.id, { idempotencyKey: key }],
      [water.id, { idempotencyKey: key, value: 3 }],
      [water.id, { idempotencyKey: key, value: 2, happenedAt: utc(MONDAY, "09:00").toISOString() }],
    ] as const) {
      await expectAppError(checkIn(playerId, questId, input, utc(MONDAY, "10:05")), "VALIDATION_FAILED");
    }
    expect(await written(playerId)).toEqual(before);
    // The same request with a note (notes can be edited later) is still the same request.
    const retry = await checkIn(
      playerId,
      water.id,
      { idempotencyKey: key, value: 2, note: "later" },
      utc(MONDAY, "10:06"),
    );
    expect(retry.status).toBe(200);
  });
});

describe("concurrent check-ins", () => {
  it("turns the same idempotency key sent 25 times at once into one check-in, one award and one reply", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { kind: "HABIT", difficulty: "HARD" });
    const input = { idempotencyKey: "same-key-sent-25-times" };

    const replies = await Promise.all(
      Array.from({ length: TIMES }, () => checkIn(playerId, quest.id, input, utc(MONDAY, "10:00"))),
    );

    expect(await db.checkIn.count({ where: { playerId } })).toBe(1);
    expect(await ledgerSum(playerId, ["AWARD"])).toMatchObject({ entries: 1, xp: 150, gold: 15 });
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(TIMES - 1);
    const first = replies.find((r) => r.status === 201)!;
    expect(first.body.award).toMatchObject({ xp: 150, gold: 15 });
    for (const reply of replies) expect(reply.body).toEqual(first.body);
    const achievements = await ledgerSum(playerId, ["ACHIEVEMENT"]);
    expect(await playerTotals(playerId)).toMatchObject({ xp: 150 + achievements.xp, totalCheckIns: 1 });
  });

  it("answers every copy of a ONE_TIME quest's check-in sent at once with the one reply, never its 409", async () => {
    // The copies that wait for the player's lock find the first one's check-in once the lock is theirs: they answer
    // with its reply rather than judge the quest the first one just completed.
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { kind: "ONE_TIME" });
    const input = { idempotencyKey: "one-time-sent-25-times" };

    const replies = await Promise.all(
      Array.from({ length: TIMES }, () => checkIn(playerId, quest.id, input, utc(MONDAY, "10:00"))),
    );

    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(TIMES - 1);
    for (const reply of replies) expect(reply.body).toEqual(replies[0]!.body);
    expect(await db.checkIn.count({ where: { playerId } })).toBe(1);
  });

  it("awards exactly once when 25 different check-ins hit a timesPerDay = 1 quest at once", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { timesPerDay: 1 });

    const replies = await Promise.all(
      Array.from({ length: TIMES }, (_, i) =>
        checkIn(playerId, quest.id, { idempotencyKey: `different-key-${i}` }, utc(MONDAY, "10:00")),
      ),
    );

    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(replies.filter((r) => r.body.award.xp > 0)).toHaveLength(1);
    // Every check-in is recorded; only one of them earns.
    expect(await db.checkIn.count({ where: { questId: quest.id } })).toBe(TIMES);
    expect(await ledgerSum(playerId, ["AWARD"])).toMatchObject({ entries: 1, xp: 100, gold: 10 });
    const achievements = await ledgerSum(playerId, ["ACHIEVEMENT"]);
    expect(achievements.entries).toBe(1); // "First Steps", once
    expect(await playerTotals(playerId)).toMatchObject({
      xp: 100 + achievements.xp,
      gold: 10 + achievements.gold,
      totalCheckIns: 1,
    });
  });
});
