/**
 * What a push carries to the service worker (lib/offline/sw.ts), and the one piece of judgement the worker makes:
 * which instant a "Check in" tapped on a reminder counts at. Pure and small, so the worker bundle stays small.
 */
import * as z from "zod/mini";

export const pushPayloadSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where a tap on the notification goes: a path of this app. */
  url: z.string().check(z.regex(/^\/(?!\/)/)),
  /** Replaces an earlier notification with the same tag on the device, as the push's topic does in transit. */
  tag: z.string(),
  /** Quest reminders: what the "Check in" action records. */
  checkIn: z.optional(
    z.object({
      questId: z.string(),
      questTitle: z.string(),
      /** The System day the reminder was for, and the instants it runs between (its end excluded). */
      day: z.string(),
      dayStart: z.iso.datetime(),
      dayEnd: z.iso.datetime(),
      /** One check-in per reminder, however many devices or taps. */
      idempotencyKey: z.string(),
    }),
  ),
});

export type PushPayload = z.infer<typeof pushPayloadSchema>;

/** The action a quest reminder offers. */
export const CHECK_IN_ACTION = "check-in";

/**
 * The instant a "Check in" tapped at `tappedAt` records: the tap itself while the reminder's System day runs, the
 * day's last millisecond once it has ended (so yesterday's reminder tapped after midnight counts for yesterday),
 * its first before it began (a device clock running behind).
 */
export function checkInInstant(checkIn: { dayStart: string; dayEnd: string }, tappedAt: Date): Date {
  const start = Date.parse(checkIn.dayStart);
  const lastMs = Date.parse(checkIn.dayEnd) - 1;
  return new Date(Math.min(Math.max(tappedAt.getTime(), start), lastMs));
}
