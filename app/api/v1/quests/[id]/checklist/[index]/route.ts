import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { parseWith, readJson } from "@/lib/http";
import { withToday } from "@/lib/quests/queries";
import { checklistItemParamsSchema, checklistItemSchema } from "@/lib/quests/schemas";
import { setChecklistItem } from "@/lib/quests/service";

/** Ticks ({"done": true}) or unticks one item of a to-do's checklist; items count from 0. */
export const PATCH = playerRoute<{ id: string; index: string }>(async ({ request, playerId, params, now }) => {
  const { id, index } = parseWith(checklistItemParamsSchema, params);
  const { done } = await readJson(request, checklistItemSchema);
  const [quest] = await withToday(playerId, [await setChecklistItem(playerId, id, index, done)], now);
  return Response.json({ quest });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as DELETE };
