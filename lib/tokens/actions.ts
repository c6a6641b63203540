"use server";
import { z } from "zod";
import { AppError, toActionFailure, type ActionResult } from "@/lib/errors";
import { actionPlayer } from "@/lib/player/session";
import { revokeToken } from "@/lib/tokens/service";

const revokeSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** Revokes one of the signed-in player's personal access tokens (settings). */
export async function revokeMyToken(raw: unknown): Promise<ActionResult<null>> {
  try {
    const parsed = revokeSchema.safeParse(raw);
    if (!parsed.success) throw new AppError("NOT_FOUND", "Token not found");
    const { playerId } = await actionPlayer();
    await revokeToken(playerId, parsed.data.id, new Date());
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}
