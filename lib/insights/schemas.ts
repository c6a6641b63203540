import { z } from "zod";
import { DIFFICULTIES, STATS } from "@/lib/progression/rules";
import { CREATABLE_KINDS } from "@/lib/quests/schemas";
import { isoWeekMonday } from "@/lib/time/rules";

/** The longest sentence "Describe your quest" reads. */
export const MAX_SENTENCE_LENGTH = 300;

export const weekSchema = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, "Use an ISO week as YYYY-Www, e.g. 2026-W48")
  .refine((week) => isoWeekMonday(week) !== null, "That year has no such week");

/** GET /api/v1/insights/report?week=YYYY-Www (default: the last completed week). */
export const reportQuerySchema = z.strictObject({ week: weekSchema.optional() });

/** POST /api/v1/quests/draft: a sentence to read into a quest draft; nothing is saved. */
export const draftRequestSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, "Describe the quest in a few words")
    .max(MAX_SENTENCE_LENGTH, `At most ${MAX_SENTENCE_LENGTH} characters`),
});

// What the model must answer with. OpenAI's strict structured output wants every field present: a field the model
// cannot fill is null (or an empty list), never left out. These schemas are sent as JSON Schema (a snapshot test
// keeps them from changing unnoticed) and every answer is parsed with them before anything else looks at it.

/** The words of a weekly report: the model writes them, the facts and recommendations come from the System. */
export const reportWordsSchema = z.object({
  headline: z.string().min(1).max(140),
  paragraphs: z.array(z.string().min(1).max(700)).min(1).max(5),
  /** One sentence per recommendation, by the `ref` it was given. */
  recommendations: z.array(z.object({ ref: z.string(), text: z.string().min(1).max(300) })).max(8),
  /** A flavour name for some of the week's quests, by their exact title. */
  renames: z.array(z.object({ title: z.string(), flavour: z.string().min(1).max(100) })).max(5),
});

export type ReportWords = z.infer<typeof reportWordsSchema>;

export const WEEKDAY_WORDS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

/** A quest draft read from a sentence: what the sentence does not say stays null. */
export const modelDraftSchema = z.object({
  kind: z.enum(CREATABLE_KINDS).nullable(),
  title: z.string().max(100).nullable(),
  difficulty: z.enum(DIFFICULTIES).nullable(),
  stats: z.array(z.enum(STATS)).max(2),
  schedule: z
    .object({
      type: z.enum(["EVERY_DAY", "WEEKDAYS", "EVERY_N_DAYS", "TIMES_PER_WEEK"]),
      weekdays: z.array(z.enum(WEEKDAY_WORDS)),
      n: z.int().min(1).max(365).nullable(),
    })
    .nullable(),
  timesPerDay: z.int().min(1).max(20).nullable(),
  target: z
    .object({
      value: z.number().min(0).max(1_000_000_000),
      unit: z.string().max(20),
      direction: z.enum(["AT_LEAST", "AT_MOST"]),
    })
    .nullable(),
  reminderTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable(),
  positive: z.boolean().nullable(),
  dueWeekday: z.enum(WEEKDAY_WORDS).nullable(),
  dueInDays: z.int().min(0).max(366).nullable(),
});

export type ModelDraft = z.infer<typeof modelDraftSchema>;
