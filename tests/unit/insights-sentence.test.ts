import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  draftStatus,
  mergeModelDraft,
  readQuestSentence,
  sentenceNumbers,
  type QuestDraft,
} from "@/lib/insights/sentence";
import type { ModelDraft } from "@/lib/insights/schemas";
import { createQuestSchema } from "@/lib/quests/schemas";
import { MODEL_DRAFT } from "@/tests/support/openai-answers";

/** A Thursday. */
const TODAY = "2026-12-03";
const read = (text: string) => readQuestSentence(text, TODAY);

describe("quest from a sentence: the issue's seven", () => {
  it.each<[string, QuestDraft]>([
    [
      "run 3 times a week before work",
      {
        kind: "DAILY",
        title: "Run before work",
        difficulty: "NORMAL",
        stats: ["AGI"],
        schedule: { type: "TIMES_PER_WEEK", n: 3 },
      },
    ],
    [
      "read 20 pages every day",
      {
        kind: "DAILY",
        title: "Read 20 pages",
        difficulty: "NORMAL",
        stats: ["INT"],
        schedule: { type: "EVERY_DAY" },
        target: { value: 20, unit: "pages", direction: "AT_LEAST" },
      },
    ],
    [
      "meditate on weekdays at 7am",
      {
        kind: "DAILY",
        title: "Meditate",
        difficulty: "NORMAL",
        stats: ["PER"],
        schedule: { type: "WEEKDAYS", days: [1, 2, 3, 4, 5] },
        reminderTime: "07:00",
      },
    ],
    [
      "gym every 2 days",
      {
        kind: "DAILY",
        title: "Gym",
        difficulty: "NORMAL",
        stats: ["STR"],
        schedule: { type: "EVERY_N_DAYS", n: 2, anchor: TODAY },
      },
    ],
    [
      "drink 8 glasses of water daily",
      {
        kind: "DAILY",
        title: "Drink 8 glasses of water",
        difficulty: "NORMAL",
        stats: ["VIT"],
        schedule: { type: "EVERY_DAY" },
        target: { value: 8, unit: "glasses", direction: "AT_LEAST" },
      },
    ],
    [
      "no doom-scrolling after 10pm",
      {
        kind: "HABIT",
        title: "Doom-scrolling after 10pm",
        difficulty: "NORMAL",
        stats: ["PER"],
        positive: false,
        reminderTime: "22:00",
      },
    ],
    [
      "file the tax return by Friday",
      { kind: "ONE_TIME", title: "File the tax return", difficulty: "NORMAL", dueDay: "2026-12-04" },
    ],
  ])("%s", (text, expected) => {
    const draft = read(text);
    expect(draft).toEqual(expected);
    expect(createQuestSchema.safeParse(draft).success).toBe(true);
    expect(draftStatus(draft)).toEqual({ complete: true, missing: [] });
  });
});

describe("quest from a sentence: more phrasings", () => {
  it.each<[string, Partial<QuestDraft>]>([
    // Schedules
    ["stretch twice a day", { kind: "DAILY", schedule: { type: "EVERY_DAY" }, timesPerDay: 2, title: "Stretch" }],
    ["brush teeth 2x a day", { kind: "DAILY", timesPerDay: 2, title: "Brush teeth" }],
    ["take vitamins three times daily", { kind: "DAILY", timesPerDay: 3, title: "Take vitamins" }],
    ["swim once a week", { kind: "DAILY", schedule: { type: "TIMES_PER_WEEK", n: 1 }, title: "Swim" }],
    ["yoga twice a week", { schedule: { type: "TIMES_PER_WEEK", n: 2 }, stats: ["AGI"] }],
    ["cycle 4x per week", { schedule: { type: "TIMES_PER_WEEK", n: 4 }, title: "Cycle" }],
    ["practice piano 5 days a week", { schedule: { type: "TIMES_PER_WEEK", n: 5 }, title: "Practice piano" }],
    ["write 3x weekly", { schedule: { type: "TIMES_PER_WEEK", n: 3 }, title: "Write" }],
    ["review my goals weekly", { schedule: { type: "TIMES_PER_WEEK", n: 1 }, title: "Review my goals" }],
    ["walk 7 times a week", { schedule: { type: "EVERY_DAY" }, title: "Walk" }],
    ["water the plants every other day", { schedule: { type: "EVERY_N_DAYS", n: 2, anchor: TODAY } }],
    ["deep clean every 3rd day", { schedule: { type: "EVERY_N_DAYS", n: 3, anchor: TODAY }, title: "Deep clean" }],
    ["call grandma every 7 days", { schedule: { type: "EVERY_N_DAYS", n: 7, anchor: TODAY }, title: "Call grandma" }],
    ["journal every day", { schedule: { type: "EVERY_DAY" }, stats: ["PER"], title: "Journal" }],
    ["floss everyday", { schedule: { type: "EVERY_DAY" }, title: "Floss" }],
    ["stretch each morning", { schedule: { type: "EVERY_DAY" }, title: "Stretch" }],
    ["plan tomorrow every evening", { kind: "DAILY", schedule: { type: "EVERY_DAY" } }],
    ["lift weights every Monday and Thursday", { schedule: { type: "WEEKDAYS", days: [1, 4] }, title: "Lift weights" }],
    ["run on Mondays, Wednesdays and Fridays", { schedule: { type: "WEEKDAYS", days: [1, 3, 5] }, title: "Run" }],
    ["guitar mon/wed/fri", { schedule: { type: "WEEKDAYS", days: [1, 3, 5] }, title: "Guitar" }],
    ["tennis on tuesdays and thursdays", { schedule: { type: "WEEKDAYS", days: [2, 4] }, title: "Tennis" }],
    ["hike on weekends", { schedule: { type: "WEEKDAYS", days: [6, 7] }, title: "Hike" }],
    ["study spanish every weekday", { schedule: { type: "WEEKDAYS", days: [1, 2, 3, 4, 5] }, stats: ["INT"] }],
    ["code monday to friday", { schedule: { type: "WEEKDAYS", days: [1, 2, 3, 4, 5] }, title: "Code" }],
    ["meal prep every Sunday", { schedule: { type: "WEEKDAYS", days: [7] }, title: "Meal prep" }],
    // Targets
    ["walk 10,000 steps a day", { target: { value: 10_000, unit: "steps", direction: "AT_LEAST" } }],
    ["walk 10k steps daily", { target: { value: 10_000, unit: "steps", direction: "AT_LEAST" } }],
    ["run 5 km three times a week", { target: { value: 5, unit: "km", direction: "AT_LEAST" }, title: "Run 5 km" }],
    ["quick 5km run every other day", { target: { value: 5, unit: "km", direction: "AT_LEAST" }, difficulty: "EASY" }],
    ["meditate for 10 min each day", { target: { value: 10, unit: "minutes", direction: "AT_LEAST" } }],
    ["practice guitar 30 minutes on weekdays", { target: { value: 30, unit: "minutes", direction: "AT_LEAST" } }],
    ["do 100 push-ups daily", { target: { value: 100, unit: "push-ups", direction: "AT_LEAST" }, stats: ["STR"] }],
    ["read ten pages a day", { target: { value: 10, unit: "pages", direction: "AT_LEAST" } }],
    ["do seventeen squats daily", { target: { value: 17, unit: "squats", direction: "AT_LEAST" } }],
    ["drink 2.5 litres of water a day", { target: { value: 2.5, unit: "litres", direction: "AT_LEAST" } }],
    [
      "at most 2 coffees a day",
      { title: "At most 2 coffees", target: { value: 2, unit: "coffees", direction: "AT_MOST" } },
    ],
    [
      "no more than 3 cigarettes a day",
      { kind: "DAILY", target: { value: 3, unit: "cigarettes", direction: "AT_MOST" } },
    ],
    ["less than 2 hrs of screen time daily", { target: { value: 2, unit: "hours", direction: "AT_MOST" } }],
    // Times
    ["meditate every morning at 6:30am", { reminderTime: "06:30", title: "Meditate" }],
    ["floss every night at 10:30pm", { reminderTime: "22:30", title: "Floss" }],
    ["stretch daily at 19:45", { reminderTime: "19:45" }],
    ["walk the dog daily at noon", { reminderTime: "12:00", title: "Walk the dog" }],
    ["take meds daily 8am", { reminderTime: "08:00", title: "Take meds" }],
    ["sleep before 11pm every day", { title: "Sleep before 11pm", stats: ["VIT"] }],
    // Habits
    ["stop smoking", { kind: "HABIT", positive: false, title: "Smoking", stats: ["VIT"] }],
    ["quit sugar", { kind: "HABIT", positive: false, title: "Sugar" }],
    ["avoid junk food", { kind: "HABIT", positive: false, title: "Junk food" }],
    ["don't check my phone in bed", { kind: "HABIT", positive: false, title: "Check my phone in bed" }],
    ["never skip breakfast", { kind: "HABIT", positive: false, title: "Skip breakfast" }],
    ["drink water whenever I can", { kind: "HABIT", positive: true, title: "Drink water", stats: ["VIT"] }],
    // To-dos
    ["call mom tomorrow", { kind: "ONE_TIME", dueDay: "2026-12-04", title: "Call mom" }],
    ["submit the report today", { kind: "ONE_TIME", dueDay: TODAY, title: "Submit the report" }],
    ["book the dentist on Monday", { kind: "ONE_TIME", dueDay: "2026-12-07", title: "Book the dentist" }],
    ["renew passport by next Thursday", { kind: "ONE_TIME", dueDay: "2026-12-10", title: "Renew passport" }],
    ["buy a gift by Dec 24", { kind: "ONE_TIME", dueDay: "2026-12-24", title: "Buy a gift" }],
    ["pay rent by 1st January", { kind: "ONE_TIME", dueDay: "2027-01-01", title: "Pay rent" }],
    ["send the invoice by 2027-02-14", { kind: "ONE_TIME", dueDay: "2027-02-14", title: "Send the invoice" }],
    ["clean the garage by the end of the week", { kind: "ONE_TIME", dueDay: "2026-12-06", title: "Clean the garage" }],
    // Difficulty and filler
    ["I want to do an intense workout every day", { difficulty: "HARD", title: "Do an intense workout" }],
    ["Remember to take a short walk daily.", { difficulty: "EASY", title: "Take a short walk" }],
    ["please stretch every day!", { title: "Stretch" }],
  ])("%s", (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it("leaves blank what it cannot read rather than inventing it", () => {
    expect(read("hello there")).toEqual({ title: "Hello there", difficulty: "NORMAL" });
    expect(draftStatus(read("hello there"))).toEqual({ complete: false, missing: ["kind"] });
    // No stat word: a daily without stats waits for the Hunter to pick them.
    const daily = read("do the thing every day");
    expect(daily).toEqual({
      kind: "DAILY",
      title: "Do the thing",
      difficulty: "NORMAL",
      schedule: { type: "EVERY_DAY" },
    });
    expect(draftStatus(daily)).toEqual({ complete: false, missing: ["stats"] });
    // "at 7" could be morning or evening: no reminder.
    expect(read("meditate daily at 7").reminderTime).toBeUndefined();
    // "sun" is not Sunday here.
    expect(read("sit in the sun daily").schedule).toEqual({ type: "EVERY_DAY" });
    expect(read("").title).toBeUndefined();
  });

  it("never gives a to-do a target or stats, nor a habit a schedule", () => {
    expect(read("run 5 km tomorrow")).toEqual({
      kind: "ONE_TIME",
      title: "Run 5 km",
      difficulty: "NORMAL",
      dueDay: "2026-12-04",
    });
    expect(read("no snacking every day")).not.toHaveProperty("schedule");
  });

  it("reads only the first 300 characters", () => {
    expect(read(`${"a".repeat(400)} every day`).schedule).toBeUndefined();
  });
});

describe("any sentence", () => {
  const words = fc.constantFrom(
    ...["read", "run", "no", "every", "other", "day", "days", "daily", "at", "7am", "10:30pm", "by", "friday", "on"],
    ...["mondays", "and", "twice", "a", "week", "3", "times", "20", "pages", "10k", "steps", "at most", "tomorrow"],
    ...["dec", "24", "2027-02-30", "weekdays", "weekends", "quick", "hard", "whenever", "after", "before", "noon"],
  );
  const sentences = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.array(words, { maxLength: 14 }).map((w) => w.join(" ")),
  );

  it("reads without throwing into a draft whose every field createQuestSchema accepts", () => {
    fc.assert(
      fc.property(sentences, (text) => {
        const draft = read(text);
        const complete = { kind: "DAILY", title: "x", difficulty: "NORMAL", stats: ["STR"], ...draft } as QuestDraft;
        if (complete.kind === "ONE_TIME") delete complete.stats;
        const result = createQuestSchema.safeParse(complete);
        expect(result.success, JSON.stringify({ text, draft, issues: result.error?.issues })).toBe(true);
        expect(draftStatus(draft).complete).toBe(createQuestSchema.safeParse(draft).success);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a model's reading", () => {
  const model: ModelDraft = { ...MODEL_DRAFT, reminderTime: "19:00" };
  const sentence = "read 20 pages every day at 7pm";

  it("wins over the built-in reading where it says something, and is normalised to its kind", () => {
    const merged = mergeModelDraft(model, read(sentence), sentence, TODAY);
    expect(merged).toEqual({
      kind: "DAILY",
      title: "Read 20 pages",
      difficulty: "EASY",
      stats: ["INT"],
      schedule: { type: "EVERY_DAY" },
      target: { value: 20, unit: "pages", direction: "AT_LEAST" },
      reminderTime: "19:00",
    });
    const todo = mergeModelDraft(
      { ...model, kind: "ONE_TIME", schedule: null, reminderTime: null, dueWeekday: "FRIDAY" },
      read(sentence),
      sentence,
      TODAY,
    );
    // The built-in reading's reminder stays: a to-do may have one.
    expect(todo).toEqual({
      kind: "ONE_TIME",
      title: "Read 20 pages",
      difficulty: "EASY",
      dueDay: "2026-12-04",
      reminderTime: "19:00",
    });
  });

  it.each<[string, Partial<ModelDraft>]>([
    ["a target the sentence never gave", { target: { value: 30, unit: "pages", direction: "AT_LEAST" } }],
    ["a schedule count", { schedule: { type: "TIMES_PER_WEEK", weekdays: [], n: 4 } }],
    ["times a day", { timesPerDay: 3 }],
    ["a reminder hour", { reminderTime: "08:00" }],
    ["reminder minutes", { reminderTime: "19:15" }],
    ["a number in the title", { title: "Read 25 pages" }],
    ["a due day count", { dueInDays: 5 }],
  ])("is refused when it invents %s", (_name, change) => {
    expect(mergeModelDraft({ ...model, ...change }, read(sentence), sentence, TODAY)).toBeNull();
  });

  it("knows the numbers a sentence implies", () => {
    expect(
      [...sentenceNumbers("stretch twice a day, every other day, at 7pm, ten times, 10k steps")].sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 7, 10, 19, 10_000]);
  });
});
