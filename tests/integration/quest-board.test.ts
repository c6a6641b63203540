import { describe, expect, it } from "vitest";
import { settlePlayer } from "@/lib/days/service";
import { db } from "@/lib/db";
import { getPlayerStatus } from "@/lib/player/queries";
import { getQuestBoard, getStrengthSeries, listQuests } from "@/lib/quests/queries";
import { archiveQuest, reorderQuests, restoreQuest } from "@/lib/quests/service";
import { checkInAt, EPOCH, expectAppError, makePlayer, makeQuest, utc } from "@/tests/support/factories";

const titles = (quests: { title: string }[]) => quests.map((q) => q.title);

describe("the Hunter's order of quests", () => {
  it("puts the named quests first, in order, the rest after them by creation, on the board and the dashboard", async () => {
    const { playerId } = await makePlayer();
    const a = await makeQuest(playerId, { title: "A" });
    await makeQuest(playerId, { title: "B" });
    const d = await makeQuest(playerId, { title: "D" });
    await reorderQuests(playerId, [d.id, a.id]);

    expect(titles(await listQuests(playerId, { includeArchived: false }))).toEqual(["D", "A", "B"]);
    expect(titles((await getPlayerStatus(playerId, EPOCH)).quests)).toEqual(["D", "A", "B"]);
    expect(titles(await getQuestBoard(playerId, EPOCH))).toEqual(["D", "A", "B"]);
  });

  it("refuses another player's quest with a 404 and moves nothing", async () => {
    const { playerId } = await makePlayer();
    const other = await makePlayer();
    const mine = await makeQuest(playerId, { title: "Mine" });
    const theirs = await makeQuest(other.playerId, { title: "Theirs" });
    await expectAppError(reorderQuests(playerId, [theirs.id, mine.id]), "NOT_FOUND");
    const positions = await db.quest.findMany({
      where: { id: { in: [mine.id, theirs.id] } },
      select: { position: true },
    });
    expect(positions.every((q) => q.position === null)).toBe(true);
  });
});

describe("restoring a quest", () => {
  it("brings an archived quest back to the board's active quests", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { title: "Stretch" });
    await archiveQuest(playerId, quest.id, EPOCH);
    expect(await listQuests(playerId, { includeArchived: false })).toEqual([]);
    expect((await getQuestBoard(playerId, EPOCH)).map((q) => [q.title, q.archived])).toEqual([["Stretch", true]]);

    expect((await restoreQuest(playerId, quest.id, EPOCH)).archived).toBe(false);
    expect(titles(await listQuests(playerId, { includeArchived: false }))).toEqual(["Stretch"]);
    await expectAppError(restoreQuest((await makePlayer()).playerId, quest.id, EPOCH), "NOT_FOUND");
  });

  it("puts it after the quests the Hunter ordered, not back in its old place", async () => {
    const { playerId } = await makePlayer();
    const a = await makeQuest(playerId, { title: "A" });
    const b = await makeQuest(playerId, { title: "B" });
    const c = await makeQuest(playerId, { title: "C" });
    await reorderQuests(playerId, [a.id, b.id, c.id]);
    await archiveQuest(playerId, a.id, EPOCH);
    await reorderQuests(playerId, [c.id, b.id]);
    await restoreQuest(playerId, a.id, EPOCH);
    expect(titles(await getQuestBoard(playerId, EPOCH))).toEqual(["C", "B", "A"]);
  });
});

describe("quest streaks on the board", () => {
  it("counts consecutive completed days through the last settled day, as the quest's own page does", async () => {
    const { playerId } = await makePlayer();
    const daily = await makeQuest(playerId, { title: "Run" });
    const habit = await makeQuest(playerId, { kind: "HABIT", title: "Water", stats: ["VIT"] });
    // Done on the 5th, missed the 6th (the month's free shield covers it: a frozen day neither counts nor breaks),
    // done the 7th to the 9th; the 10th is today, not settled yet.
    for (const day of ["2040-03-05", "2040-03-07", "2040-03-08", "2040-03-09"]) {
      await checkInAt(playerId, daily.id, utc(day, "09:00"));
    }
    await checkInAt(playerId, habit.id, utc("2040-03-09", "09:00"));
    await settlePlayer(playerId, utc("2040-03-10", "04:00"));

    const board = await getQuestBoard(playerId, utc("2040-03-10", "12:00"));
    const streak = (id: string) => board.find((q) => q.id === id)?.streak;
    expect(streak(daily.id)).toBe(4);
    expect(streak(daily.id)).toBe(
      (await getStrengthSeries(playerId, daily.id, "2040-03-05", "2040-03-10")).questStreak,
    );
    expect(streak(habit.id)).toBe(1);

    // A second miss with no shield left breaks it.
    await settlePlayer(playerId, utc("2040-03-11", "04:00"));
    expect((await getQuestBoard(playerId, utc("2040-03-11", "12:00"))).find((q) => q.id === daily.id)?.streak).toBe(0);
  });
});
