import { z } from "zod";
import { REWARD_MAX_PRICE, REWARD_TITLE_MAX } from "@/lib/shop/rules";
import { idSchema } from "@/lib/validation";

export const rewardSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, "Name the reward")
    .max(REWARD_TITLE_MAX, `A reward's name is at most ${REWARD_TITLE_MAX} characters`),
  price: z
    .int("A price is a whole number of gold")
    .min(1, "A reward costs at least 1 gold")
    .max(REWARD_MAX_PRICE, `A reward costs at most ${REWARD_MAX_PRICE.toLocaleString("en")} gold`),
});

/** One of the Hunter's rewards, or a System item; the key makes a retried purchase count once. */
export const purchaseSchema = z.discriminatedUnion("item", [
  z.strictObject({ item: z.literal("REWARD"), rewardId: idSchema, idempotencyKey: idSchema }),
  z.strictObject({ item: z.literal("STREAK_SHIELD"), idempotencyKey: idSchema }),
]);
export type PurchaseInput = z.infer<typeof purchaseSchema>;
