import type { QuestDraft } from "@/lib/insights/sentence";
import type { QuestDto } from "@/lib/quests/service";
import type { QuestFormValues } from "./quest-form";

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
    reminderTime: "",
    positive: true,
    dueDay: "",
    checklist: [],
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
    reminderTime: quest.reminderTime ?? "",
    positive: quest.positive,
    dueDay: quest.dueDay ?? "",
    checklist: quest.checklist ?? [],
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
    reminderTime: draft.reminderTime ?? "",
    positive: draft.positive ?? true,
    dueDay: draft.dueDay ?? "",
  };
}
