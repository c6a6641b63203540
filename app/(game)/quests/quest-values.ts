import type { QuestDraft } from "@/lib/insights/sentence";
import type { Difficulty } from "@/lib/progression/rules";
import type { CREATABLE_KINDS, Schedule } from "@/lib/quests/schemas";
import type { QuestDto } from "@/lib/quests/rules";

export type QuestKindChoice = (typeof CREATABLE_KINDS)[number];

/** What the quest form holds: every input as the Hunter typed it (numbers stay text until they are sent). */
export type QuestFormValues = {
  kind: QuestKindChoice;
  title: string;
  notes: string;
  difficulty: Difficulty;
  stats: string[];
  scheduleType: Schedule["type"];
  weekdays: number[];
  everyN: string;
  anchor: string;
  perWeek: string;
  timesPerDay: string;
  hasTarget: boolean;
  targetValue: string;
  targetUnit: string;
  targetDirection: "AT_LEAST" | "AT_MOST";
  /** Three inputs, blank when unused (a quest reminds up to three times a day). */
  reminderTimes: string[];
  positive: boolean;
  dueDay: string;
  checklist: { text: string; done: boolean }[];
};

export function blankQuest(today: string): QuestFormValues {
  return {
    kind: "DAILY",
    title: "",
    notes: "",
    difficulty: "NORMAL",
    stats: [],
    scheduleType: "EVERY_DAY",
    weekdays: [],
    everyN: "2",
    anchor: today,
    perWeek: "3",
    timesPerDay: "1",
    hasTarget: false,
    targetValue: "",
    targetUnit: "",
    targetDirection: "AT_LEAST",
    reminderTimes: ["", "", ""],
    positive: true,
    dueDay: "",
    checklist: [],
  };
}

/** The form filled from a quest draft ("Describe your quest"); what the draft left blank keeps the blank form's value. */
export function draftValues(draft: QuestDraft, today: string): QuestFormValues {
  const blank = blankQuest(today);
  const s = draft.schedule;
  return {
    ...blank,
    kind: draft.kind ?? blank.kind,
    title: draft.title ?? "",
    difficulty: draft.difficulty ?? blank.difficulty,
    stats: [...(draft.stats ?? [])],
    scheduleType: s?.type ?? blank.scheduleType,
    weekdays: s?.type === "WEEKDAYS" ? s.days : [],
    everyN: s?.type === "EVERY_N_DAYS" ? String(s.n) : blank.everyN,
    anchor: s?.type === "EVERY_N_DAYS" ? s.anchor : today,
    perWeek: s?.type === "TIMES_PER_WEEK" ? String(s.n) : blank.perWeek,
    timesPerDay: String(draft.timesPerDay ?? 1),
    hasTarget: Boolean(draft.target),
    targetValue: draft.target ? String(draft.target.value) : "",
    targetUnit: draft.target?.unit ?? "",
    targetDirection: draft.target?.direction ?? "AT_LEAST",
    reminderTimes: [draft.reminderTime ?? "", "", ""],
    positive: draft.positive ?? true,
    dueDay: draft.dueDay ?? "",
  };
}

export function questValues(quest: QuestDto, today: string): QuestFormValues {
  const blank = blankQuest(today);
  const s = quest.schedule;
  return {
    ...blank,
    kind: quest.kind === "PENALTY" ? "DAILY" : quest.kind,
    title: quest.title,
    notes: quest.notes,
    difficulty: quest.difficulty,
    stats: [...quest.stats],
    scheduleType: s?.type ?? "EVERY_DAY",
    weekdays: s?.type === "WEEKDAYS" ? s.days : [],
    everyN: s?.type === "EVERY_N_DAYS" ? String(s.n) : blank.everyN,
    anchor: s?.type === "EVERY_N_DAYS" ? s.anchor : today,
    perWeek: s?.type === "TIMES_PER_WEEK" ? String(s.n) : blank.perWeek,
    timesPerDay: String(quest.timesPerDay),
    hasTarget: quest.target !== null,
    targetValue: quest.target ? String(quest.target.value) : "",
    targetUnit: quest.target?.unit ?? "",
    targetDirection: quest.target?.direction ?? "AT_LEAST",
    reminderTimes: [0, 1, 2].map((i) => quest.reminderTimes[i] ?? ""),
    positive: quest.positive,
    dueDay: quest.dueDay ?? "",
    checklist: quest.checklist ?? [],
  };
}

/** Numbers stay as typed when they do not parse, so the server's schema reports them instead of the form guessing. */
const num = (value: string): number | string =>
  value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;

function schedule(v: QuestFormValues) {
  switch (v.scheduleType) {
    case "EVERY_DAY":
      return { type: "EVERY_DAY" };
    case "WEEKDAYS":
      return { type: "WEEKDAYS", days: [...v.weekdays].sort() };
    case "EVERY_N_DAYS":
      return { type: "EVERY_N_DAYS", n: num(v.everyN), anchor: v.anchor };
    case "TIMES_PER_WEEK":
      return { type: "TIMES_PER_WEEK", n: num(v.perWeek) };
  }
}

/**
 * The fields of a quest as the Server Action takes them, from what the form holds: only the fields of its kind,
 * blanks as null, empty checklist rows dropped. The kind is added for a new quest (it never changes after).
 */
export function questPayload(v: QuestFormValues) {
  return {
    title: v.title,
    notes: v.notes,
    difficulty: v.difficulty,
    ...(v.kind !== "ONE_TIME" && { stats: v.stats }),
    timesPerDay: num(v.timesPerDay),
    target:
      v.hasTarget && v.kind !== "ONE_TIME"
        ? { value: num(v.targetValue), unit: v.targetUnit, direction: v.targetDirection }
        : null,
    reminderTimes: v.reminderTimes.filter((time) => time !== ""),
    ...(v.kind === "DAILY" && { schedule: schedule(v) }),
    ...(v.kind === "HABIT" && { positive: v.positive }),
    ...(v.kind === "ONE_TIME" && {
      dueDay: v.dueDay === "" ? null : v.dueDay,
      checklist: v.checklist.filter((item) => item.text.trim() !== ""),
    }),
  };
}
