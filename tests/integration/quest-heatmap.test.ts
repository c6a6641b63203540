import { describe, expect, it } from "vitest";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { getPlayerStatus } from "@/lib/player/queries";
import { getQuestHeatmap, HEATMAP_DAYS } from "@/lib/quests/queries";
import { checkInAt, EPOCH, expectAppError, makePlayer, makeQuest, utc } from "@/tests/support/factories";

describe("a quest's heatmap", () => {
  it("counts the completions per day over 365 days, undone ones left out", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { kind: "HABIT" }, EPOCH);
    const other = await makeQuest(playerId, { kind: "HABIT" }, EPOCH);
    await checkInAt(playerId, quest.id, utc("2040-03-05", "09:00"));
    await checkInAt(playerId, quest.id, utc("2040-03-05", "10:00"));
    const undone = await checkInAt(playerId, quest.id, utc("2040-03-05", "11:00"));
    await undoCheckIn(playerId, undone.body.checkIn.id, utc("2040-03-05", "11:05"));
    await checkInAt(playerId, other.id, utc("2040-03-05", "12:00"));

    const heatmap = await getQuestHeatmap(playerId, quest.id, "2040-03-05");
    expect(heatmap.days).toHaveLength(HEATMAP_DAYS);
    expect(heatmap.from).toBe("2039-03-07");
    expect(heatmap.days.at(-1)).toEqual({ day: "2040-03-05", completions: 2 });
    expect(heatmap.total).toBe(2);
  });

  it("is another Hunter's quest: not found", async () => {
    const owner = await makePlayer();
    const stranger = await makePlayer();
    const quest = await makeQuest(owner.playerId);
    await expectAppError(getQuestHeatmap(stranger.playerId, quest.id, "2040-03-05"), "NOT_FOUND");
  });
});

describe("yesterday's open dailies", () => {
  it("lists dailies due that day and not yet complete", async () => {
    const { playerId } = await makePlayer();
    const done = await makeQuest(playerId, { title: "Done" }, EPOCH);
    const open = await makeQuest(playerId, { title: "Open", timesPerDay: 2 }, EPOCH);
    await makeQuest(playerId, { title: "Not due", schedule: { type: "WEEKDAYS", days: [2] } }, EPOCH);
    await checkInAt(playerId, done.id, utc("2040-03-05", "09:00"));
    await checkInAt(playerId, open.id, utc("2040-03-05", "09:00"));

    // One definition serves the dashboard's prompt and the history screen: the status window's yesterday.
    const { yesterday, yesterdayOpenDailies } = await getPlayerStatus(playerId, utc("2040-03-06", "00:30"));
    expect(yesterday).toMatchObject({ day: "2040-03-05", settled: false, openDailies: 1 });
    expect(yesterdayOpenDailies).toEqual([{ id: open.id, title: "Open", done: 1, timesPerDay: 2 }]);
  });
});
