import { playerRoute } from "@/lib/api/handlers";
import { undoCheckIn } from "@/lib/check-ins/undo";

/** Undo: compensating ledger entries; the check-in itself stays in the log, marked undone. */
export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params, now }) =>
  Response.json(await undoCheckIn(playerId, params.id, now)),
);
