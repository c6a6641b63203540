// The history screen's read (getHistoryGroups + historyLines): a day's check-ins grouped in SQL into the lines the
// screen shows, with their counts, totals, labels and notes, whatever the number of taps; the API's history (getHistory)
// still lists every check-in of the same days. The quest page's last 7 days, one row a day.
import { describe, expect, it } from "vitest";
import { historyLines } from "@/components/history/history-lines";
import { getEditableDays } from "@/lib/check-ins/queries";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { getHistory, getHistoryGroups } from "@/lib/days/queries";
import { confirmYesterday, settlePlayer } from "@/lib/days/service";
import { checkInAt, makePlayer, makeQuest } from "@/tests/support/factories";

// New York, days starting at 03:00 local (08:00 UTC in March before DST): 2040-03-06 runs to 2040-03-07T08:00Z.
const CLOCK = { timeZone: "America/New_York", dayStartMinute: 180 };
const DAY = "2040-03-06";
const at = (iso: string) => new Date(iso);

describe("the history screen's lines", () => {
  it("groups a day's check-ins by quest and how they reached the System, in rows that do not grow with taps", async () => {
    const { playerId } = await makePlayer({ ...CLOCK, createdAt: at("2040-03-05T09:00:00Z") });
    const water = await makeQuest(playerId, { kind: "HABIT", title: "Water", stats: ["VIT"] }, at("2040-03-05T09:00Z"));
    const read = await makeQuest(
      playerId,
      { kind: "HABIT", title: "Read", stats: ["INT"], target: { value: 20, unit: "pages" } },
      at("2040-03-05T09:00Z"),
    );

    // 300 live taps in the day's morning, and one just before its end.
    for (let i = 0; i < 300; i++)
      await checkInAt(playerId, water.id, at(`2040-03-06T12:00:00.${String(i).padStart(3, "0")}Z`));
    const lastLive = await checkInAt(playerId, water.id, at("2040-03-07T07:59:00Z"));
    // Two recorded offline on the day (one noted), one of the day recorded after it ended.
    await checkInAt(playerId, water.id, at("2040-03-06T14:00:00Z"), { happenedAt: "2040-03-06T13:00:00Z" });
    await checkInAt(playerId, water.id, at("2040-03-06T14:00:00Z"), {
      happenedAt: "2040-03-06T13:05:00Z",
      note: "on the train",
    });
    const later = await checkInAt(playerId, water.id, at("2040-03-07T09:00:00Z"), {
      happenedAt: "2040-03-07T07:30:00Z",
    });
    // Pages read: one noted, one undone.
    await checkInAt(playerId, read.id, at("2040-03-06T15:00:00Z"), { value: 12, note: "chapter 3" });
    const undone = await checkInAt(playerId, read.id, at("2040-03-06T16:00:00Z"), { value: 8 });
    await undoCheckIn(playerId, undone.body.checkIn.id, at("2040-03-06T16:30:00Z"));
    // The day settled ("confirm yesterday"), then one more backfilled into it.
    await confirmYesterday(playerId, at("2040-03-07T10:00:00Z"));
    await settlePlayer(playerId, at("2040-03-07T10:00:00Z"));
    await checkInAt(playerId, water.id, at("2040-03-07T10:05:00Z"), { happenedAt: "2040-03-06T20:00:00Z" });

    const [day] = await getHistoryGroups(playerId, DAY, DAY, CLOCK);
    expect(day).toMatchObject({ day: DAY, outcome: expect.any(String) });
    expect(day!.checkIns.length).toBeLessThanOrEqual(8);
    const lines = historyLines(day!.checkIns);
    expect(lines).toEqual([
      {
        questTitle: "Water",
        count: 301,
        total: null,
        undone: false,
        label: null,
        notes: [],
        latestId: lastLive.body.checkIn.id,
      },
      {
        questTitle: "Water",
        count: 2,
        total: null,
        undone: false,
        label: "offline",
        notes: [{ id: expect.any(String), note: "on the train" }],
        latestId: expect.any(String),
      },
      {
        questTitle: "Read",
        count: 1,
        total: 12,
        undone: false,
        label: null,
        notes: [expect.objectContaining({ note: "chapter 3" })],
        latestId: expect.any(String),
      },
      {
        questTitle: "Read",
        count: 1,
        total: 8,
        undone: true,
        label: null,
        notes: [],
        latestId: undone.body.checkIn.id,
      },
      {
        questTitle: "Water",
        count: 1,
        total: null,
        undone: false,
        label: "backfill",
        notes: [],
        latestId: expect.any(String),
      },
      {
        questTitle: "Water",
        count: 1,
        total: null,
        undone: false,
        label: "recorded later",
        notes: [],
        latestId: later.body.checkIn.id,
      },
    ]);

    // The API lists the same check-ins one by one.
    const [listed] = await getHistory(playerId, DAY, DAY);
    expect(listed!.checkIns).toHaveLength(lines.reduce((sum, line) => sum + line.count, 0));
    expect(listed!.outcome).toBe(day!.outcome);
    const noted = listed!.checkIns.filter((c) => c.note !== null).map((c) => [c.id, c.note]);
    expect(lines.flatMap((line) => line.notes.map((n) => [n.id, n.note]))).toEqual(expect.arrayContaining(noted));
  });

  it("reads only the asked days of the asked Hunter", async () => {
    const mine = await makePlayer({ ...CLOCK, createdAt: at("2040-03-05T09:00:00Z") });
    const theirs = await makePlayer({ ...CLOCK, createdAt: at("2040-03-05T09:00:00Z") });
    const quest = await makeQuest(theirs.playerId, { kind: "HABIT" }, at("2040-03-05T09:00Z"));
    await checkInAt(theirs.playerId, quest.id, at("2040-03-06T12:00:00Z"));
    await checkInAt(theirs.playerId, quest.id, at("2040-03-07T12:00:00Z"));
    expect(await getHistoryGroups(mine.playerId, DAY, DAY, CLOCK)).toEqual([]);
    const [day] = await getHistoryGroups(theirs.playerId, DAY, DAY, CLOCK);
    expect(historyLines(day!.checkIns).map((line) => line.count)).toEqual([1]);
  });
});

describe("the quest page's last 7 days", () => {
  it("counts each day's check-ins in a row of its own and names the one undo may take back", async () => {
    const { playerId } = await makePlayer({ createdAt: at("2040-03-05T09:00:00Z") });
    const habit = await makeQuest(playerId, { kind: "HABIT", title: "Stretch" }, at("2040-03-05T09:00Z"));
    await checkInAt(playerId, habit.id, at("2040-03-05T10:00:00Z"));
    let last;
    for (let i = 0; i < 40; i++)
      last = await checkInAt(playerId, habit.id, at(`2040-03-06T10:${String(i).padStart(2, "0")}:00Z`));
    // Just after midnight (UTC): the 5th is settled, the 6th is in its grace window.
    const now = at("2040-03-07T01:00:00Z");
    await settlePlayer(playerId, now);
    expect(await getEditableDays(playerId, habit.id, "2040-03-07")).toEqual([
      { day: "2040-03-05", count: 1, removableId: null },
      { day: "2040-03-06", count: 40, removableId: last!.body.checkIn.id },
    ]);

    // Backfills on the settled day can be removed, latest first.
    await checkInAt(playerId, habit.id, now, { happenedAt: "2040-03-05T15:00:00Z" });
    const backfill = await checkInAt(playerId, habit.id, now, { happenedAt: "2040-03-05T16:00:00Z" });
    expect(backfill.body.checkIn.source).toBe("BACKFILL");
    await undoCheckIn(playerId, last!.body.checkIn.id, now);
    const [settled, open] = await getEditableDays(playerId, habit.id, "2040-03-07");
    expect(settled).toEqual({ day: "2040-03-05", count: 3, removableId: backfill.body.checkIn.id });
    expect(open).toMatchObject({ day: "2040-03-06", count: 39 });
    expect(open!.removableId).not.toBe(last!.body.checkIn.id);
    await undoCheckIn(playerId, open!.removableId!, now);
    expect((await getEditableDays(playerId, habit.id, "2040-03-07"))[1]).toMatchObject({ count: 38 });
  });

  it("is a 404 for another Hunter's quest", async () => {
    const mine = await makePlayer();
    const theirs = await makePlayer();
    const quest = await makeQuest(theirs.playerId, { kind: "HABIT" });
    await expect(getEditableDays(mine.playerId, quest.id, "2040-03-07")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
