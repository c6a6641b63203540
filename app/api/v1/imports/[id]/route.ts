import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { rollBackImport } from "@/lib/imports/service";

/** Roll the import back: its quests and everything imported with them go. */
export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params, now }) =>
  Response.json(await rollBackImport(playerId, params.id, now)),
);

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH };
