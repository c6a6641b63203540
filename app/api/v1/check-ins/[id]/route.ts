import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { setCheckInNote } from "@/lib/check-ins/notes";
import { editNoteSchema } from "@/lib/check-ins/schemas";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { readJson } from "@/lib/http";

/** Undo: compensating ledger entries; the check-in itself stays in the log, marked undone. */
export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params, now }) =>
  Response.json(await undoCheckIn(playerId, params.id, now)),
);

/** Edit the check-in's note (null clears it). */
export const PATCH = playerRoute<{ id: string }>(async ({ request, playerId, params }) => {
  const { note } = await readJson(request, editNoteSchema);
  return Response.json(await setCheckInNote(playerId, params.id, note));
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT };
