import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { draftQuest } from "@/lib/insights/drafts";
import { draftRequestSchema } from "@/lib/insights/schemas";

/** Reads a sentence into a quest draft and saves nothing: POST the draft to /api/v1/quests to create it. */
export const POST = playerRoute(async ({ request, playerId, now }) => {
  const { text } = await readJson(request, draftRequestSchema);
  return Response.json(await draftQuest(playerId, text, now));
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
