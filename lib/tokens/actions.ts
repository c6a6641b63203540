"use server";
import { z } from "zod";
import { playerAction } from "@/lib/api/action";
import { revokeToken } from "@/lib/tokens/service";
import { idSchema } from "@/lib/validation";

/** Revokes one of the signed-in player's personal access tokens (settings). */
export const revokeTokenAction = playerAction(z.strictObject({ id: idSchema }), async ({ id }, { playerId }) => {
  await revokeToken(playerId, id, new Date());
  return null;
});
