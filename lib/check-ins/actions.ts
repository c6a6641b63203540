"use server";
import { revalidatePath } from "next/cache";
import { checkInSchema } from "@/lib/check-ins/schemas";
import { checkIn, type CheckInBody } from "@/lib/check-ins/service";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { AppError, toActionFailure, type ActionResult } from "@/lib/errors";
import { afterPlayerWrite } from "@/lib/player/cache";
import { actionPlayer } from "@/lib/player/session";

export async function checkInQuest(
  questId: string,
  idempotencyKey: string,
  value?: number,
): Promise<ActionResult<CheckInBody>> {
  try {
    const input = checkInSchema.safeParse({ idempotencyKey, value });
    if (!input.success || typeof questId !== "string") throw new AppError("VALIDATION_FAILED", "Invalid check-in");
    const { playerId, now } = await actionPlayer();
    const reply = await checkIn(playerId, questId, input.data, now);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/dashboard");
    return { ok: true, data: reply.body };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function undoQuestCheckIn(checkInId: string): Promise<ActionResult<null>> {
  try {
    if (typeof checkInId !== "string") throw new AppError("VALIDATION_FAILED", "Invalid check-in");
    const { playerId, now } = await actionPlayer();
    await undoCheckIn(playerId, checkInId, now);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/dashboard");
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}
