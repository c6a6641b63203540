import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { endRestPeriod } from "@/lib/player/service";

/** Ends a rest period under way (it then ends yesterday) or cancels one that has not started. */
export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params, now }) =>
  Response.json({ restPeriod: await endRestPeriod(playerId, params.id, now) }),
);

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH };
