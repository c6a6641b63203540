import { playerRoute } from "@/lib/api/handlers";
import { settlePlayer } from "@/lib/days/service";
import { confirmYesterday } from "@/lib/days/service";

/** "Yesterday is done": settle it now rather than after the grace window. */
export const POST = playerRoute(async ({ playerId, now }) => {
  const day = await confirmYesterday(playerId, now);
  return Response.json({ day, ...(await settlePlayer(playerId, now)) });
});
