import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readInbox } from "@/lib/notifications/inbox";

/** Level-ups, passed Rank Trials and achievements, newest first, with the unread count the bell shows. */
export const GET = playerRoute(async ({ playerId }) => Response.json(await readInbox(playerId)));

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
