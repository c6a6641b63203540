import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { withToday } from "@/lib/quests/queries";
import { restoreQuest } from "@/lib/quests/service";

/** Brings an archived quest back (archiving is DELETE /api/v1/quests/{id}). */
export const POST = playerRoute<{ id: string }>(async ({ playerId, params, now }) => {
  const [quest] = await withToday(playerId, [await restoreQuest(playerId, params.id, now)], now);
  return Response.json({ quest });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
