import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { parseWith, searchParamsOf } from "@/lib/http";
import { getLeaderboard } from "@/lib/leaderboard/queries";
import { leaderboardQuerySchema } from "@/lib/leaderboard/schemas";
import { enforceLimit } from "@/lib/rate-limit/service";

export const GET = playerRoute(async ({ request, playerId, now }) => {
  await enforceLimit("leaderboardRead", playerId);
  const { board, limit } = parseWith(leaderboardQuerySchema, searchParamsOf(request));
  return Response.json(await getLeaderboard(board, limit, playerId, now));
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
