import { z } from "zod";
import { daysBetween, isValidDayKey } from "@/lib/time/rules";

/** The longest range of days one request may read (history, strength series): a year, leap day included. */
export const MAX_RANGE_DAYS = 366;

export const dayRangeSchema = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((r) => r.from <= r.to, { path: ["to"], message: "to must not be before from" })
  // zod runs an object's refinements even when a field failed: only real days are measured.
  .refine((r) => !isValidDayKey(r.from) || !isValidDayKey(r.to) || daysBetween(r.from, r.to) < MAX_RANGE_DAYS, {
    path: ["to"],
    message: `Ask for at most ${MAX_RANGE_DAYS} days at a time`,
  });

/** A local wall-clock time, "HH:MM" (reminder times, quiet hours). */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a local time as HH:MM");
