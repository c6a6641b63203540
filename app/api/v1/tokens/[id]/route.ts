import { playerRoute } from "@/lib/api/handlers";
import { revokeToken } from "@/lib/tokens/service";

export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params, now }) => {
  await revokeToken(playerId, params.id, now);
  return new Response(null, { status: 204 });
});
