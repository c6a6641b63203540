import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { getPlayerStatus } from "@/lib/player/queries";
import { allocateStatsSchema } from "@/lib/player/schemas";
import { allocateStatPoints } from "@/lib/player/service";

export const POST = playerRoute(async ({ request, playerId, now }) => {
  await allocateStatPoints(playerId, await readJson(request, allocateStatsSchema));
  return Response.json(await getPlayerStatus(playerId, now));
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
