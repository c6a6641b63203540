"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/accounts/schemas";
import { checkInSchema } from "@/lib/check-ins/schemas";
import { checkIn, type CheckInBody } from "@/lib/check-ins/service";
import { settlePlayer } from "@/lib/days/service";
import { AppError, toActionFailure, type ActionResult } from "@/lib/errors";
import { afterPlayerWrite } from "@/lib/player/cache";
import { getPlayerClock } from "@/lib/player/queries";
import { confirmYesterday } from "@/lib/player/service";
import { actionPlayer } from "@/lib/player/session";
import { dayEndInstant, dayStartInstant, isValidDayKey } from "@/lib/time/rules";

const pastCheckInSchema = z.strictObject({
  questId: z.string().min(1, "Pick a quest").max(64),
  day: z.string().refine(isValidDayKey, "Pick a day"),
  idempotencyKey: checkInSchema.shape.idempotencyKey,
  value: checkInSchema.shape.value,
});

/**
 * "I did quest Q on day D": a check-in whose happenedAt lies inside D. The check-in service decides what it is:
 * yesterday while unsettled counts and awards; a settled day up to 7 back is a BACKFILL without XP.
 */
export async function recordPastCheckIn(raw: unknown): Promise<ActionResult<CheckInBody>> {
  try {
    const parsed = pastCheckInSchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError("VALIDATION_FAILED", "Pick a day and a quest", fieldErrorsOf(parsed.error));
    }
    const { questId, day, idempotencyKey, value } = parsed.data;
    const { playerId, now } = await actionPlayer();
    const clock = await getPlayerClock(playerId);
    const start = dayStartInstant(day, clock.timeZone, clock.dayStartMinute).getTime();
    const end = dayEndInstant(day, clock.timeZone, clock.dayStartMinute).getTime();
    // Midday of that day, or just now if the day is still running.
    const happenedAt = new Date(Math.min(start + (end - start) / 2, now.getTime()));
    try {
      const reply = await checkIn(
        playerId,
        questId,
        { idempotencyKey, happenedAt: happenedAt.toISOString(), value },
        now,
      );
      await afterPlayerWrite(playerId, now);
      revalidatePath("/history");
      revalidatePath("/dashboard");
      return { ok: true, data: reply.body };
    } catch (error) {
      // The service names happenedAt; on this screen the Hunter picked a day.
      if (error instanceof AppError && error.fieldErrors?.happenedAt) {
        throw new AppError(error.code, error.message, { day: error.fieldErrors.happenedAt });
      }
      throw error;
    }
  } catch (error) {
    return toActionFailure(error);
  }
}

/** "Yesterday is done": settle it now rather than after the grace window. */
export async function finishYesterday(): Promise<ActionResult<{ day: string; settled: number }>> {
  try {
    const { playerId, now } = await actionPlayer();
    const day = await confirmYesterday(playerId, now);
    const result = await settlePlayer(playerId, now);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/history");
    revalidatePath("/dashboard");
    return { ok: true, data: { day, settled: result.settledDays } };
  } catch (error) {
    return toActionFailure(error);
  }
}
