import { playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { getPlayerStatus } from "@/lib/player/queries";
import { allocateStatsSchema } from "@/lib/player/schemas";
import { allocateStatPoints } from "@/lib/player/service";

export const POST = playerRoute(async ({ request, playerId, now }) => {
  await allocateStatPoints(playerId, await readJson(request, allocateStatsSchema));
  return Response.json(await getPlayerStatus(playerId, now));
});
