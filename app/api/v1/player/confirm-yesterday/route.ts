import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { settlePlayer } from "@/lib/days/service";
import { confirmYesterday } from "@/lib/days/service";

/** "Yesterday is done": settle it now rather than after the grace window. */
export const POST = playerRoute(async ({ playerId, now }) => {
  const day = await confirmYesterday(playerId, now);
  return Response.json({ day, ...(await settlePlayer(playerId, now)) });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
