import { playerRoute } from "@/lib/api/handlers";
import { getSuggestions } from "@/lib/insights/queries";

/** Suggested quest drafts, easier variants of struggling dailies, and flavour renames. */
export const GET = playerRoute(async ({ playerId, now }) => Response.json(await getSuggestions(playerId, now)));
