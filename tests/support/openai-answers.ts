// What a model might answer, shared by the unit, integration and e2e tests of the System's voice.
import type { ModelDraft } from "@/lib/insights/schemas";

/** A reading of "read 20 pages every day": EASY, where the built-in reader says NORMAL, shows whose reading won. */
export const MODEL_DRAFT: ModelDraft = {
  kind: "DAILY",
  title: "Read 20 pages",
  difficulty: "EASY",
  stats: ["INT"],
  schedule: { type: "EVERY_DAY", weekdays: [], n: null },
  timesPerDay: null,
  target: { value: 20, unit: "pages", direction: "AT_LEAST" },
  reminderTime: null,
  positive: null,
  dueWeekday: null,
  dueInDays: null,
};
