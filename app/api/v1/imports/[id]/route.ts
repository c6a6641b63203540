import { playerRoute } from "@/lib/api/handlers";
import { rollBackImport } from "@/lib/imports/service";

/** Roll the import back: its quests and everything imported with them go. */
export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params, now }) =>
  Response.json(await rollBackImport(playerId, params.id, now)),
);
