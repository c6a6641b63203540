import { playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { questOrderSchema } from "@/lib/quests/schemas";
import { reorderQuests } from "@/lib/quests/service";

/** The Hunter's order: {"ids": [...]} first to last; quests not named keep their places after them. */
export const PUT = playerRoute(async ({ request, playerId }) => {
  const { ids } = await readJson(request, questOrderSchema);
  await reorderQuests(playerId, ids);
  return new Response(null, { status: 204 });
});
