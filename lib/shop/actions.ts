"use server";
import { z } from "zod";
import { playerAction } from "@/lib/api/action";
import { purchaseSchema, rewardSchema } from "@/lib/shop/schemas";
import { buy, createReward, removeReward, undoPurchase } from "@/lib/shop/service";
import { idSchema } from "@/lib/validation";

const revalidate = ["/shop", "/dashboard"];

export const createRewardAction = playerAction(rewardSchema, (input, { playerId }) => createReward(playerId, input), {
  revalidate,
});

export const removeRewardAction = playerAction(
  z.strictObject({ id: idSchema }),
  async ({ id }, { playerId, now }) => {
    await removeReward(playerId, id, now);
    return null;
  },
  { revalidate },
);

export const buyAction = playerAction(purchaseSchema, (input, { playerId, now }) => buy(playerId, input, now), {
  revalidate,
});

export const undoPurchaseAction = playerAction(
  z.strictObject({ id: idSchema }),
  ({ id }, { playerId, now }) => undoPurchase(playerId, id, now),
  { revalidate },
);
