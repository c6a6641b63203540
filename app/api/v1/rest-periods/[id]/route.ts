import { playerRoute } from "@/lib/api/handlers";
import { endRestPeriod } from "@/lib/player/service";

/** Ends a rest period under way (it then ends yesterday) or cancels one that has not started. */
export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params, now }) =>
  Response.json({ restPeriod: await endRestPeriod(playerId, params.id, now) }),
);
