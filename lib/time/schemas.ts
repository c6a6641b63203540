import { z } from "zod";
import { daysBetween } from "@/lib/time/rules";

/** The longest range of days one request may read (history, strength series): a year, leap day included. */
export const MAX_RANGE_DAYS = 366;

export const dayRangeSchema = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((r) => r.from <= r.to, { path: ["to"], message: "to must not be before from" })
  .refine((r) => daysBetween(r.from, r.to) < MAX_RANGE_DAYS, {
    path: ["to"],
    message: `Ask for at most ${MAX_RANGE_DAYS} days at a time`,
  });
