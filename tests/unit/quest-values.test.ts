import { describe, expect, it } from "vitest";
import { blankQuest, questPayload, questValues } from "@/app/(game)/quests/quest-values";
import { createQuestSchema, updateQuestSchema } from "@/lib/quests/schemas";
import type { QuestDto } from "@/lib/quests/rules";

const TODAY = "2026-12-03";

describe("the quest form's payload", () => {
  it("sends a daily's schedule and stats, and nothing that belongs to other kinds", () => {
    const values = { ...blankQuest(TODAY), title: "Run", stats: ["AGI"], scheduleType: "WEEKDAYS" as const };
    const payload = questPayload({ ...values, weekdays: [5, 1, 3] });
    expect(payload).toEqual({
      title: "Run",
      notes: "",
      difficulty: "NORMAL",
      stats: ["AGI"],
      timesPerDay: 1,
      target: null,
      reminderTimes: [],
      schedule: { type: "WEEKDAYS", days: [1, 3, 5] },
    });
    expect(createQuestSchema.safeParse({ kind: "DAILY", ...payload }).success).toBe(true);
  });

  it("sends a to-do's due day and non-empty checklist, without stats or a target", () => {
    const payload = questPayload({
      ...blankQuest(TODAY),
      kind: "ONE_TIME",
      title: "File the tax return",
      stats: ["INT"],
      hasTarget: true,
      dueDay: "2026-12-05",
      checklist: [
        { text: "Receipts", done: false },
        { text: "  ", done: false },
      ],
    });
    expect(payload).not.toHaveProperty("stats");
    expect(payload).toMatchObject({
      target: null,
      dueDay: "2026-12-05",
      checklist: [{ text: "Receipts", done: false }],
    });
    expect(createQuestSchema.safeParse({ kind: "ONE_TIME", ...payload }).success).toBe(true);
  });

  it("leaves a number it cannot read as typed, so the server names the field", () => {
    const payload = questPayload({
      ...blankQuest(TODAY),
      kind: "HABIT",
      title: "Water",
      stats: ["VIT"],
      timesPerDay: "2x",
    });
    expect(payload).toMatchObject({ timesPerDay: "2x", positive: true });
    const result = createQuestSchema.safeParse({ kind: "HABIT", ...payload });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["timesPerDay"]);
  });

  it("round-trips a stored quest through the edit form unchanged", () => {
    const quest = {
      id: "q1",
      kind: "DAILY",
      title: "Steps",
      notes: "Outside if it is dry",
      difficulty: "HARD",
      stats: ["AGI", "VIT"],
      schedule: { type: "EVERY_N_DAYS", n: 3, anchor: "2026-11-30" },
      timesPerDay: 1,
      target: { value: 10_000, unit: "steps", direction: "AT_LEAST" },
      reminderTimes: ["07:30", "19:00"],
      reminderTime: "07:30",
      positive: true,
      dueDay: null,
      checklist: null,
    } as unknown as QuestDto;
    const payload = questPayload(questValues(quest, TODAY));
    expect(updateQuestSchema.parse(payload)).toEqual({
      title: "Steps",
      notes: "Outside if it is dry",
      difficulty: "HARD",
      stats: ["AGI", "VIT"],
      timesPerDay: 1,
      target: { value: 10_000, unit: "steps", direction: "AT_LEAST" },
      reminderTimes: ["07:30", "19:00"],
      schedule: { type: "EVERY_N_DAYS", n: 3, anchor: "2026-11-30" },
    });
  });
});
