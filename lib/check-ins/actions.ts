"use server";
import { z } from "zod";
import { playerAction } from "@/lib/api/action";
import { setCheckInNote } from "@/lib/check-ins/notes";
import { checkInSchema, editNoteSchema } from "@/lib/check-ins/schemas";
import { checkIn } from "@/lib/check-ins/service";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { AppError } from "@/lib/errors";
import { getPlayerClock, getPlayerStatus } from "@/lib/player/queries";
import { dayEndInstant, dayStartInstant, isValidDayKey } from "@/lib/time/rules";
import { idSchema } from "@/lib/validation";

/**
 * The dashboard's check-in and undo answer with the Hunter's status after the write (read from Postgres: the cached
 * copy may predate it) instead of revalidating the page: the screen updates from that one reply, and a tap costs
 * the write and one status read rather than a render of the whole page.
 */
export const checkInAction = playerAction(
  checkInSchema.extend({ questId: idSchema }),
  async ({ questId, ...input }, { playerId, now }) => {
    const { body } = await checkIn(playerId, questId, input, now);
    return { ...body, status: await getPlayerStatus(playerId, now) };
  },
);

export const undoCheckInAction = playerAction(z.strictObject({ id: idSchema }), async ({ id }, { playerId, now }) => {
  await undoCheckIn(playerId, id, now);
  return { status: await getPlayerStatus(playerId, now) };
});

const pastCheckInSchema = checkInSchema.omit({ happenedAt: true }).extend({
  questId: z.string().min(1, "Pick a quest").max(64),
  day: z.string().refine(isValidDayKey, "Pick a day"),
});

/**
 * "I did quest Q on day D": a check-in whose happenedAt lies inside D. The check-in service decides what it is:
 * yesterday while unsettled counts and awards; a settled day up to 7 back is a BACKFILL without XP.
 */
export const recordPastCheckInAction = playerAction(
  pastCheckInSchema,
  async ({ questId, day, ...input }, { playerId, now }) => {
    const clock = await getPlayerClock(playerId);
    const start = dayStartInstant(day, clock.timeZone, clock.dayStartMinute).getTime();
    const end = dayEndInstant(day, clock.timeZone, clock.dayStartMinute).getTime();
    // Midday of that day, or just now if the day is still running.
    const happenedAt = new Date(Math.min(start + (end - start) / 2, now.getTime())).toISOString();
    try {
      return (await checkIn(playerId, questId, { ...input, happenedAt }, now)).body;
    } catch (error) {
      // The service names happenedAt; on this screen the Hunter picked a day.
      if (error instanceof AppError && error.fieldErrors?.happenedAt) {
        throw new AppError(error.code, error.message, { day: error.fieldErrors.happenedAt });
      }
      throw error;
    }
  },
  { revalidate: ["/history", "/dashboard"] },
);

export const setCheckInNoteAction = playerAction(
  editNoteSchema.extend({ id: idSchema }),
  ({ id, note }, { playerId }) => setCheckInNote(playerId, id, note),
  { revalidate: ["/dashboard", "/history"] },
);
