import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { getPlayerStatus } from "@/lib/player/queries";
import { allocateStatPoints, changeJob, starterDailies, updatePlayer } from "@/lib/player/service";
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

const allocations = (playerId: string) =>
  db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: { allocatedStr: true, allocatedAgi: true, allocatedVit: true, allocatedInt: true, allocatedPer: true },
  });

describe("stat points", () => {
  it("can be spent up to the 3 per level earned, and no further", async () => {
    const { playerId } = await makePlayer();
    const habit = await makeQuest(playerId, { kind: "HABIT" });
    await checkInAt(playerId, habit.id, utc("2040-03-05", "10:00"));
    expect((await playerTotals(playerId)).level).toBe(2);

    await allocateStatPoints(playerId, { STR: 2 });
    await expectAppError(allocateStatPoints(playerId, { AGI: 1, VIT: 1 }), "CONFLICT");
    expect(await allocations(playerId)).toMatchObject({ allocatedStr: 2, allocatedAgi: 0, allocatedVit: 0 });
    await allocateStatPoints(playerId, { AGI: 1 });
    await expectAppError(allocateStatPoints(playerId, { PER: 1 }), "CONFLICT");

    expect(await allocations(playerId)).toEqual({
      allocatedStr: 2,
      allocatedAgi: 1,
      allocatedVit: 0,
      allocatedInt: 0,
      allocatedPer: 0,
    });
    const status = await getPlayerStatus(playerId, utc("2040-03-05", "11:00"));
    expect(status.statPoints).toMatchObject({ earned: 3, available: 0 });
    expect(status.stats).toMatchObject({ STR: 12, AGI: 11, VIT: 10 });
  });
});

describe("Job Change", () => {
  it("completes the Awakening with 3 starter dailies and The Awakened (+100 gold); again only after 30 days", async () => {
    const { playerId } = await makePlayer();

    expect(await changeJob(playerId, "TANK", EPOCH)).toEqual({ job: "TANK", awakened: true });

    const quests = await db.quest.findMany({ where: { playerId }, orderBy: { title: "asc" } });
    expect(quests).toHaveLength(3);
    expect(quests.map((q) => q.title).sort()).toEqual(
      starterDailies("TANK")
        .map((q) => q.title)
        .sort(),
    );
    expect(quests.every((q) => q.kind === "DAILY" && q.createdDay === "2040-03-05")).toBe(true);
    const awakened = await db.ledgerEntry.findFirstOrThrow({ where: { playerId, detail: "the-awakened" } });
    expect(awakened).toMatchObject({ reason: "ACHIEVEMENT", gold: 100, xp: 0 });
    const achievements = await ledgerSum(playerId, ["ACHIEVEMENT"]);
    expect(await playerTotals(playerId)).toMatchObject({ gold: achievements.gold, xp: achievements.xp });
    const status = await getPlayerStatus(playerId, EPOCH);
    expect(status).toMatchObject({ job: "TANK", awakened: true });
    expect(status.stats).toMatchObject({ STR: 15, VIT: 15, INT: 10 });

    await expectAppError(changeJob(playerId, "MAGE", utc("2040-03-15")), "CONFLICT");
    await expectAppError(changeJob(playerId, "MAGE", utc("2040-04-03")), "CONFLICT"); // day 29
    expect((await db.player.findUniqueOrThrow({ where: { id: playerId } })).job).toBe("TANK");

    expect(await changeJob(playerId, "MAGE", utc("2040-04-04"))).toEqual({ job: "MAGE", awakened: false });
    expect(await db.quest.count({ where: { playerId } })).toBe(3);
    expect(await db.achievementUnlock.count({ where: { playerId, achievementId: "second-awakening" } })).toBe(1);
    expect((await getPlayerStatus(playerId, utc("2040-04-04"))).stats).toMatchObject({ INT: 15, PER: 15, STR: 10 });
  });

  it("unlocks Quest Giver on the first quest an awakened Hunter makes, once", async () => {
    const { playerId } = await makePlayer();
    const questGiver = () => db.ledgerEntry.count({ where: { playerId, detail: "quest-giver" } });
    await makeQuest(playerId); // before the Awakening: a script's quest, not yet the Hunter's own
    await changeJob(playerId, "MAGE", EPOCH);
    expect(await questGiver()).toBe(0);

    await makeQuest(playerId, { title: "Read 20 pages" });
    await makeQuest(playerId, { title: "Stretch" });
    expect(await questGiver()).toBe(1);
    const achievements = await ledgerSum(playerId, ["ACHIEVEMENT"]);
    expect(await playerTotals(playerId)).toMatchObject({ gold: achievements.gold, xp: achievements.xp });
  });
});

describe("titles", () => {
  it("equips only the title of an unlocked achievement", async () => {
    const { playerId } = await makePlayer();
    await changeJob(playerId, "ASSASSIN", EPOCH); // unlocks The Awakened (a title)

    for (const locked of ["survivor", "quest-giver", "no-such-achievement"]) {
      const error = await expectAppError(updatePlayer(playerId, { equippedTitle: locked }), "VALIDATION_FAILED");
      expect(error.fieldErrors?.equippedTitle).toBeTypeOf("string");
    }
    expect((await getPlayerStatus(playerId, EPOCH)).equippedTitle).toBeNull();

    await updatePlayer(playerId, { equippedTitle: "the-awakened" });
    expect((await getPlayerStatus(playerId, EPOCH)).equippedTitle).toBe("the-awakened");
    await updatePlayer(playerId, { equippedTitle: null });
    expect((await getPlayerStatus(playerId, EPOCH)).equippedTitle).toBeNull();
  });
});

describe("changing time zone", () => {
  it("moves today's day key only: settled days are never settled again, later days once each", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await checkInAt(playerId, quest.id, utc("2040-03-05", "10:00"));
    await checkInAt(playerId, quest.id, utc("2040-03-06", "10:00"));
    await settlePlayer(playerId, utc("2040-03-07", "04:00"));
    const settled = await db.daySettlement.findMany({ where: { playerId }, orderBy: { dayKey: "asc" } });
    expect(settled.map((s) => s.dayKey)).toEqual(["2040-03-05", "2040-03-06"]);

    // East to UTC+14: it is already Wednesday evening there, and Tuesday stays settled.
    await updatePlayer(playerId, { timeZone: "Pacific/Kiritimati" });
    expect((await getPlayerStatus(playerId, utc("2040-03-07", "04:00"))).today).toBe("2040-03-07");
    expect(await settlePlayer(playerId, utc("2040-03-07", "04:00"))).toMatchObject({ settledDays: 0 });
    await checkInAt(playerId, quest.id, utc("2040-03-07", "05:00"));
    // Wednesday there ends at 10:00 UTC; its grace window at 13:00 UTC.
    expect(await settlePlayer(playerId, utc("2040-03-07", "12:59"))).toMatchObject({ settledDays: 0 });
    expect(await settlePlayer(playerId, utc("2040-03-07", "13:00"))).toMatchObject({ settledDays: 1 });

    // West to UTC−8: it is Wednesday morning again there, a day already settled, so the open day is Thursday
    // and a check-in now counts for it.
    await updatePlayer(playerId, { timeZone: "America/Los_Angeles" });
    expect((await getPlayerStatus(playerId, utc("2040-03-07", "13:00"))).today).toBe("2040-03-08");
    expect(await settlePlayer(playerId, utc("2040-03-07", "13:00"))).toMatchObject({ settledDays: 0 });
    const west = await checkInAt(playerId, quest.id, utc("2040-03-07", "13:00"));
    expect(west.body.checkIn).toMatchObject({ dayKey: "2040-03-08", source: "LIVE" });
    expect(await settlePlayer(playerId, utc("2040-03-08", "12:00"))).toMatchObject({ settledDays: 0 });
    // Thursday there ends at 08:00 UTC on Friday; its grace window at 11:00 UTC.
    expect(await settlePlayer(playerId, utc("2040-03-09", "12:00"))).toMatchObject({ settledDays: 1 });

    const after = await db.daySettlement.findMany({ where: { playerId }, orderBy: { dayKey: "asc" } });
    expect(after.map((s) => [s.dayKey, s.outcome, s.streakAfter])).toEqual([
      ["2040-03-05", "CLEARED", 1],
      ["2040-03-06", "CLEARED", 2],
      ["2040-03-07", "CLEARED", 3],
      ["2040-03-08", "CLEARED", 4],
    ]);
    expect(after.slice(0, 2)).toEqual(settled);
  });
});

describe("yesterday on the status window", () => {
  it("has nothing to record on a Hunter's first day, and asks about open dailies on the second", async () => {
    const { playerId } = await makePlayer({ createdAt: utc("2040-03-05", "08:00") });
    await makeQuest(playerId, {}, utc("2040-03-05", "08:00"));

    const first = await getPlayerStatus(playerId, utc("2040-03-05", "20:00"));
    expect(first.yesterday).toEqual({ day: "2040-03-04", settled: true, openDailies: 0 });

    const second = await getPlayerStatus(playerId, utc("2040-03-06", "01:00"));
    expect(second.yesterday).toEqual({ day: "2040-03-05", settled: false, openDailies: 1 });
  });
});
