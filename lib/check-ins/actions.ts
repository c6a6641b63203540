"use server";
import { z } from "zod";
import { playerAction } from "@/lib/api/action";
import { checkInSchema } from "@/lib/check-ins/schemas";
import { checkIn } from "@/lib/check-ins/service";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { idSchema } from "@/lib/validation";

export const checkInAction = playerAction(
  checkInSchema.extend({ questId: idSchema }),
  async ({ questId, ...input }, { playerId, now }) => (await checkIn(playerId, questId, input, now)).body,
  { revalidate: ["/dashboard"] },
);

export const undoCheckInAction = playerAction(
  z.strictObject({ id: idSchema }),
  async ({ id }, { playerId, now }) => {
    await undoCheckIn(playerId, id, now);
    return null;
  },
  { revalidate: ["/dashboard"] },
);
