import { z } from "zod";

export const leaderboardQuerySchema = z.strictObject({
  board: z.enum(["weekly", "all"]).default("weekly"),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export type Board = z.infer<typeof leaderboardQuerySchema>["board"];
