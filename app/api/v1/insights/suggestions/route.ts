import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { getSuggestions } from "@/lib/insights/queries";

/** Suggested quest drafts, easier variants of struggling dailies, and flavour renames. */
export const GET = playerRoute(async ({ playerId, now }) => Response.json(await getSuggestions(playerId, now)));

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
