import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { revokeToken } from "@/lib/tokens/service";

export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params, now }) => {
  await revokeToken(playerId, params.id, now);
  return new Response(null, { status: 204 });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH };
