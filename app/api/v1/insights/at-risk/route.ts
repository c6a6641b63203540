import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { getAtRisk } from "@/lib/insights/queries";

/** Today's open dailies, each with its risk of being missed (0..1) and the reasons. */
export const GET = playerRoute(async ({ playerId, now }) => Response.json(await getAtRisk(playerId, now)));

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
