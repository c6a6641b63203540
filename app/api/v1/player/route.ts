import { deleteAccount } from "@/lib/accounts/service";
import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { getPlayerStatus } from "@/lib/player/queries";
import { updatePlayerSchema } from "@/lib/player/schemas";
import { updatePlayer } from "@/lib/player/service";

export const GET = playerRoute(async (viewer) => Response.json(await cachedPlayerStatus(viewer)));

export const PATCH = playerRoute(async ({ request, playerId, now }) => {
  await updatePlayer(playerId, await readJson(request, updatePlayerSchema), now);
  return Response.json(await getPlayerStatus(playerId, now));
});

/** Deletes the account and everything in it; the leaderboards drop the Hunter as the route finishes. */
export const DELETE = playerRoute(async ({ playerId }) => {
  await deleteAccount(playerId);
  return new Response(null, { status: 204 });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT };
