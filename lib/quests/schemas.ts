import { z } from "zod";
import { isValidDayKey } from "@/lib/time/rules";

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
