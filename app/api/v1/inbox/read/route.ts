import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { markInboxRead } from "@/lib/notifications/inbox";
import { markReadSchema } from "@/lib/notifications/schemas";

/** Marks inbox items read: `{"ids": [...]}` or `{"all": true}`. */
export const POST = playerRoute(async ({ request, playerId, now }) =>
  Response.json(await markInboxRead(playerId, await readJson(request, markReadSchema), now)),
);

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
