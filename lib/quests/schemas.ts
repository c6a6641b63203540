import { z } from "zod";
import { DIFFICULTIES, STATS } from "@/lib/progression/rules";
import { isValidDayKey } from "@/lib/time/rules";
import { idSchema } from "@/lib/validation";

/** Bounds of a DAILY schedule: every 2..365 days (every 1 day is EVERY_DAY), 1..6 times a week (7 is every day). */
export const SCHEDULE_LIMITS = {
  everyNDays: { min: 2, max: 365 },
  timesPerWeek: { min: 1, max: 6 },
} as const;

const weekdaySchema = z
  .int()
  .min(1, "Weekdays run 1 (Monday) to 7 (Sunday)")
  .max(7, "Weekdays run 1 (Monday) to 7 (Sunday)");

export const scheduleSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("EVERY_DAY") }),
  z.strictObject({
    type: z.literal("WEEKDAYS"),
    days: z
      .array(weekdaySchema)
      .min(1, "Pick at least one weekday")
      .refine((days) => new Set(days).size === days.length, "Each weekday may appear once"),
  }),
  z.strictObject({
    type: z.literal("EVERY_N_DAYS"),
    n: z.int().min(SCHEDULE_LIMITS.everyNDays.min).max(SCHEDULE_LIMITS.everyNDays.max),
    anchor: z.string().refine(isValidDayKey, "Use a date as YYYY-MM-DD"),
  }),
  z.strictObject({
    type: z.literal("TIMES_PER_WEEK"),
    n: z.int().min(SCHEDULE_LIMITS.timesPerWeek.min).max(SCHEDULE_LIMITS.timesPerWeek.max),
  }),
]);

export type Schedule = z.infer<typeof scheduleSchema>;

/** The stored form of lib/quests/rules.ts StrengthState (Quest.strengthState). */
export const strengthStateSchema = z.object({
  score: z.number(),
  slots: z.array(z.number()),
  carried: z.number(),
});

/** PENALTY quests are issued by the System, never created by a player. */
export const CREATABLE_KINDS = ["DAILY", "HABIT", "ONE_TIME"] as const;

const plainText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`);

const targetSchema = z.strictObject({
  value: z.number().positive("A target must be above 0").max(1_000_000_000),
  unit: z.string().trim().min(1, "Give the target a unit").max(20),
  direction: z.enum(["AT_LEAST", "AT_MOST"]).default("AT_LEAST"),
});

export const checklistSchema = z
  .array(z.strictObject({ text: z.string().trim().min(1).max(100), done: z.boolean().default(false) }))
  .max(20, "A checklist holds at most 20 items");

const questFields = {
  title: plainText(100, "Title").min(1, "Title is required"),
  notes: plainText(1_000, "Notes"),
  difficulty: z.enum(DIFFICULTIES),
  stats: z
    .array(z.enum(STATS))
    .min(1, "Tag one or two stats")
    .max(2, "Tag one or two stats")
    .refine((stats) => new Set(stats).size === stats.length, "Each stat may appear once"),
  schedule: scheduleSchema,
  timesPerDay: z.int().min(1).max(20),
  target: targetSchema.nullable(),
  reminderTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a local time as HH:MM")
    .nullable(),
  positive: z.boolean(),
  dueDay: z.string().refine(isValidDayKey, "Use a date as YYYY-MM-DD").nullable(),
  checklist: checklistSchema,
};

/** Fields that belong to one kind only: sending them for another kind is a mistake worth reporting. */
const KIND_ONLY: Record<string, (typeof CREATABLE_KINDS)[number]> = {
  schedule: "DAILY",
  positive: "HABIT",
  dueDay: "ONE_TIME",
  checklist: "ONE_TIME",
};

function checkKindFields(kind: string, input: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const [field, owner] of Object.entries(KIND_ONLY)) {
    if (input[field] !== undefined && input[field] !== null && owner !== kind) {
      ctx.addIssue({ code: "custom", path: [field], message: `Only ${owner} quests have ${field}` });
    }
  }
  checkTarget(kind, input, ctx);
}

/** A to-do is done by one check-in, so it has no target; a limit ("at most") is judged per day, not per week. */
export function checkTarget(kind: string | undefined, input: Record<string, unknown>, ctx: z.RefinementCtx) {
  const target = input.target as { direction?: string } | null | undefined;
  if (!target) return;
  if (kind === "ONE_TIME") {
    ctx.addIssue({ code: "custom", path: ["target"], message: "A to-do has no target: a check-in completes it" });
  }
  const schedule = input.schedule as { type?: string } | undefined;
  if (target.direction === "AT_MOST" && schedule?.type === "TIMES_PER_WEEK") {
    ctx.addIssue({
      code: "custom",
      path: ["target", "direction"],
      message: "A limit (at most) is judged each day: give it a daily schedule, not a weekly quota",
    });
  }
}

export const createQuestSchema = z
  .strictObject({
    kind: z.enum(CREATABLE_KINDS),
    title: questFields.title,
    notes: questFields.notes.default(""),
    difficulty: questFields.difficulty,
    // To-dos feed no stats (docs/rules.md "Stats"), so they need none.
    stats: z
      .array(z.enum(STATS))
      .max(2, "Tag one or two stats")
      .refine((stats) => new Set(stats).size === stats.length, "Each stat may appear once")
      .optional(),
    schedule: questFields.schedule.optional(),
    timesPerDay: questFields.timesPerDay.default(1),
    target: questFields.target.optional(),
    reminderTime: questFields.reminderTime.optional(),
    positive: questFields.positive.optional(),
    dueDay: questFields.dueDay.optional(),
    checklist: questFields.checklist.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind !== "ONE_TIME" && (input.stats?.length ?? 0) === 0) {
      ctx.addIssue({ code: "custom", path: ["stats"], message: "Tag one or two stats" });
    }
    checkKindFields(input.kind, input, ctx);
  })
  .transform((input) => ({ ...input, stats: input.stats ?? [] }));

export type CreateQuestInput = z.infer<typeof createQuestSchema>;

/** The editable fields; the kind of a quest never changes. */
export const updateQuestFieldsSchema = z
  .strictObject({
    title: questFields.title,
    notes: questFields.notes,
    difficulty: questFields.difficulty,
    stats: questFields.stats,
    schedule: questFields.schedule,
    timesPerDay: questFields.timesPerDay,
    target: questFields.target,
    reminderTime: questFields.reminderTime,
    positive: questFields.positive,
    dueDay: questFields.dueDay,
    checklist: questFields.checklist,
  })
  .partial();

/** Any subset of the editable fields (PATCH /api/v1/quests/{id}). */
export const updateQuestSchema = updateQuestFieldsSchema.refine(
  (input) => Object.keys(input).length > 0,
  "Send at least one field to change",
);

export type UpdateQuestInput = z.infer<typeof updateQuestSchema>;

export const checklistItemParamsSchema = z.strictObject({
  id: idSchema,
  index: z.coerce.number().int().min(0).max(19),
});

export const checklistItemSchema = z.strictObject({ done: z.boolean() });

/** The Hunter's order of their quests: ids, first to last (any subset; the rest keep their places after them). */
export const questOrderSchema = z.strictObject({
  ids: z
    .array(idSchema)
    .min(1, "Send the quests in their new order")
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, "Each quest may appear once"),
});
