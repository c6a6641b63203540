import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { commitImport } from "@/lib/imports/service";

/** Commit: the quests come into sight and their strength is computed; committing twice changes nothing. */
export const POST = playerRoute<{ id: string }>(async ({ playerId, params, now }) =>
  Response.json(await commitImport(playerId, params.id, now)),
);

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
