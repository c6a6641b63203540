import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { questOrderSchema } from "@/lib/quests/schemas";
import { reorderQuests } from "@/lib/quests/service";

/** The Hunter's order: {"ids": [...]} first to last; quests not named keep their places after them. */
export const PUT = playerRoute(async ({ request, playerId }) => {
  const { ids } = await readJson(request, questOrderSchema);
  await reorderQuests(playerId, ids);
  return new Response(null, { status: 204 });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PATCH, noSuchRoute as DELETE };
