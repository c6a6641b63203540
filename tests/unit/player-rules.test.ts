import { describe, expect, it } from "vitest";
import { playerStatus, statusWindow, type StatusSource } from "@/lib/player/rules";
import { tallyKey, toQuestDto, type Tallies } from "@/lib/quests/rules";

// Wednesday 2026-11-25, 10:00 UTC; the Hunter lives in UTC with days starting at midnight.
const NOW = new Date("2026-11-25T10:00:00Z");
const TODAY = "2026-11-25";
const YESTERDAY = "2026-11-24";

function quest(id: string, overrides: Partial<StatusSource["quests"][number]> = {}): StatusSource["quests"][number] {
  return {
    id,
    kind: "DAILY",
    title: id,
    notes: "",
    difficulty: "NORMAL",
    stats: ["STR"],
    schedule: { type: "EVERY_DAY" },
    timesPerDay: 1,
    targetValue: null,
    targetUnit: null,
    targetDirection: null,
    reminderTimes: [],
    positive: true,
    dueDay: null,
    checklist: null,
    strength: 0.5,
    completedAt: null,
    createdDay: "2026-11-01",
    archivedAt: null,
    createdAt: new Date("2026-11-01T08:00:00Z"),
    checkIns: [],
    ...overrides,
  };
}

function hunter(overrides: Partial<StatusSource> = {}): StatusSource {
  return {
    timeZone: "UTC",
    dayStartMinute: 0,
    hunterName: "Jinwoo",
    job: "ASSASSIN",
    awakenedAt: new Date("2026-11-01T08:00:00Z"),
    equippedTitle: null,
    aiOptIn: false,
    level: 3,
    xp: 900,
    rank: "E",
    gold: 40,
    heldXp: 0,
    heldGold: 0,
    streak: 4,
    shields: 1,
    createdAt: new Date("2026-11-01T08:00:00Z"),
    lastSettledDay: "2026-11-23",
    allocatedStr: 0,
    allocatedAgi: 0,
    allocatedVit: 0,
    allocatedInt: 0,
    allocatedPer: 0,
    penalties: [],
    rankTrials: [],
    restPeriods: [],
    quests: [],
    ...overrides,
  };
}

const tallies = (entries: Array<[string, string, number]>): Tallies =>
  new Map(entries.map(([id, day, count]) => [tallyKey(id, day), { count, total: 0 }]));

describe("the status window's rules", () => {
  it("reads this week's tallies, and yesterday's when the week began today", () => {
    expect(statusWindow(hunter(), NOW)).toEqual({ since: "2026-11-23", today: TODAY });
    expect(statusWindow(hunter({ lastSettledDay: "2026-11-22" }), new Date("2026-11-23T10:00:00Z"))).toEqual({
      since: "2026-11-22",
      today: "2026-11-23",
    });
  });

  it("judges each quest from the tallies: done today, due and open, counted for the week", () => {
    const done = quest("run", {
      checkIns: [
        { id: "c1", dayKey: TODAY, happenedAt: new Date("2026-11-25T07:00:00Z") },
        { id: "c0", dayKey: YESTERDAY, happenedAt: new Date("2026-11-24T07:00:00Z") },
      ],
    });
    const open = quest("read", { stats: ["INT"] });
    const weekly = quest("swim", { schedule: { type: "TIMES_PER_WEEK", n: 3 } });
    const status = playerStatus(
      hunter({ quests: [done, open, weekly] }),
      tallies([
        ["run", TODAY, 1],
        ["swim", "2026-11-23", 1],
        ["swim", YESTERDAY, 1],
      ]),
      NOW,
    );
    const byId = new Map(status.quests.map((q) => [q.id, q]));
    expect(byId.get("run")).toMatchObject({ completeToday: true, complete: true, dueToday: true });
    // Only today's check-ins can be undone from the status window.
    expect(byId.get("run")!.checkIns).toEqual([{ id: "c1", happenedAt: "2026-11-25T07:00:00.000Z" }]);
    expect(byId.get("read")).toMatchObject({ completeToday: false, dueToday: true, checkIns: [] });
    expect(byId.get("swim")!.weekProgress).toEqual({ done: 2, required: 3 });
    expect(status.today).toBe(TODAY);
    expect(status.secondsUntilReset).toBe(14 * 3600);
  });

  it("lists yesterday's open dailies while yesterday is unsettled, none once it is settled", () => {
    const quests = [quest("run"), quest("read")];
    const unsettled = playerStatus(hunter({ quests }), tallies([["run", YESTERDAY, 1]]), NOW);
    expect(unsettled.yesterday).toEqual({ day: YESTERDAY, settled: false, openDailies: 1 });
    expect(unsettled.yesterdayOpenDailies).toEqual([{ id: "read", title: "read", done: 0, timesPerDay: 1 }]);
    const settled = playerStatus(hunter({ quests, lastSettledDay: YESTERDAY }), tallies([]), NOW);
    expect(settled.yesterday).toEqual({ day: YESTERDAY, settled: true, openDailies: 0 });
  });

  it("shows the Survival Quest's progress as the zone's, and how a closed one ended", () => {
    const survival = quest("survive", { kind: "PENALTY", schedule: null });
    const penalty = {
      id: "p1",
      questId: "survive",
      status: "OPEN" as const,
      progress: 1,
      required: 2,
      deadline: new Date("2026-11-25T23:59:59Z"),
      closedAt: null,
      fineXp: 0,
      fineGold: 0,
      returnedXp: 0,
      returnedGold: 0,
      quest: { title: "Survive" },
    };
    const status = playerStatus(hunter({ quests: [survival], penalties: [penalty] }), tallies([]), NOW);
    expect(status.penaltyZone).toMatchObject({ penaltyId: "p1", progress: 1, required: 2, title: "Survive" });
    expect(status.quests[0]).toMatchObject({
      dueToday: true,
      progress: { value: 1, target: 2, unit: "quests", direction: "AT_LEAST" },
    });
    const failed = { ...penalty, status: "FAILED" as const, closedAt: new Date("2026-11-25T00:00:00Z"), fineXp: 100 };
    expect(playerStatus(hunter({ penalties: [failed] }), tallies([]), NOW)).toMatchObject({
      penaltyZone: null,
      penaltyResult: { status: "FAILED", fineXp: 100, closedAt: "2026-11-25T00:00:00.000Z" },
    });
  });

  it("parses a quest's stored JSON with its schema, never trusting a cast", () => {
    expect(toQuestDto(quest("list", { checklist: [{ text: "pack", done: true }] })).checklist).toEqual([
      { text: "pack", done: true },
    ]);
    expect(() => toQuestDto(quest("bad", { checklist: [{ text: 3 }] }))).toThrow();
  });
});
