"use server";
import { z } from "zod";
import { playerAction } from "@/lib/api/action";
import { confirmYesterday, settlePlayer } from "@/lib/days/service";

/** "Yesterday is done": settle it now rather than after the grace window. */
export const confirmYesterdayAction = playerAction(
  z.strictObject({}),
  async (_input, { playerId, now }) => {
    const day = await confirmYesterday(playerId, now);
    const result = await settlePlayer(playerId, now);
    return { day, settled: result.settledDays };
  },
  { revalidate: ["/history", "/dashboard"] },
);
