import { playerRoute } from "@/lib/api/handlers";
import { commitImport } from "@/lib/imports/service";

/** Commit: the quests come into sight and their strength is computed; committing twice changes nothing. */
export const POST = playerRoute<{ id: string }>(async ({ playerId, params, now }) =>
  Response.json(await commitImport(playerId, params.id, now)),
);
