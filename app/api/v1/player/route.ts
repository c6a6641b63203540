import { playerRoute } from "@/lib/api/route";
import { readJson } from "@/lib/http";
import { getPlayerStatus } from "@/lib/player/queries";
import { updatePlayerSchema } from "@/lib/player/schemas";
import { updatePlayer } from "@/lib/player/service";

export const GET = playerRoute(async ({ playerId, now }) => Response.json(await getPlayerStatus(playerId, now)));

export const PATCH = playerRoute(async ({ request, playerId, now }) => {
  await updatePlayer(playerId, await readJson(request, updatePlayerSchema));
  return Response.json(await getPlayerStatus(playerId, now));
});
