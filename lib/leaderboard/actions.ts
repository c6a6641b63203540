"use server";
import { revalidatePath } from "next/cache";
import { AppError, toActionFailure, type ActionResult } from "@/lib/errors";
import { afterPlayerWrite } from "@/lib/player/cache";
import { updatePlayer } from "@/lib/player/service";
import { actionPlayer } from "@/lib/player/session";

export async function setLeaderboardOptOut(optOut: boolean): Promise<ActionResult<null>> {
  try {
    if (typeof optOut !== "boolean") throw new AppError("VALIDATION_FAILED", "Invalid choice");
    const { playerId, now } = await actionPlayer();
    await updatePlayer(playerId, { leaderboardOptOut: optOut });
    await afterPlayerWrite(playerId, now);
    revalidatePath("/leaderboard");
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}
